package io.oris.pipeline.train;

import io.oris.model.learner.DatasetStats;
import io.oris.storage.TransitionArrays;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dataset statistics the pipeline hands the learners: state mean and std, returns of episodes ending at a
 * terminal or a time-limit row. */
class OfflineDataTest {
    @Test
    void statsSplitEpisodesAtTerminalsAndTimeouts() {
        // episode 0: rewards 1, 2 then a terminal (3); episode 1: 4, 4 then a timeout (8); episode 2 has no end yet
        float[] reward = {1, 2, 4, 4, 50};
        boolean[] terminal = {false, true, false, false, false};
        boolean[] timeout = {false, false, false, true, false};
        long[] episode = {0, 0, 1, 1, 2};
        int[] t = {0, 1, 0, 1, 0};
        float[] obs = {0, 2, 4, 6, 8};
        float[] next = {2, 4, 6, 8, 10};
        TransitionArrays data = new TransitionArrays(1, 1, 0, 0, episode, t, obs, new float[5], reward, next, terminal,
                timeout, null, null);
        DatasetStats s = OfflineData.stats(data);
        assertEquals(3.0, s.minEpisodeReturn(), 0.0);
        assertEquals(8.0, s.maxEpisodeReturn(), 0.0);
        assertArrayEquals(new double[] {4.0}, s.stateMean(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(8.0)}, s.stateStd(), 1e-12);
        // the bootstrap mask is still the terminal flag only
        assertArrayEquals(new float[] {0, 1, 0, 0, 0}, OfflineData.of(data).done());
    }
}
