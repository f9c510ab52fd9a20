package io.oris.pipeline.train;

import io.oris.model.replay.Transitions;
import io.oris.storage.TransitionArrays;

/**
 * Converts a stored dataset into the learners' {@link Transitions}: the terminal flag is the bootstrap mask;
 * time-limit rows keep bootstrapping (their next observation is real).
 */
public final class OfflineData {
    private OfflineData() {
    }

    public static Transitions of(TransitionArrays data) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("the offline dataset has no transitions");
        }
        float[] done = new float[data.rows()];
        boolean[] terminal = data.terminal();
        for (int i = 0; i < done.length; i++) {
            done[i] = terminal[i] ? 1f : 0f;
        }
        return new Transitions(data.rows(), data.obsDim(), data.actionDim(), data.obs(), data.action(), data.reward(),
                data.nextObs(), done);
    }
}
