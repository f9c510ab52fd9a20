package io.oris.pipeline.train;

import io.oris.model.learner.DatasetStats;
import io.oris.model.replay.Transitions;
import io.oris.storage.TransitionArrays;

/**
 * Converts a stored dataset into the learners' {@link Transitions}: the terminal flag is the bootstrap mask;
 * time-limit rows keep bootstrapping (their next observation is real). Also computes the dataset's
 * {@link DatasetStats} (state mean and std, episode return range) that the learners get through their dims.
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

    /**
     * The statistics of {@code data} as learners need them: state mean and std over all rows, and the smallest and
     * largest return of the episodes that end at a terminal or a time-limit (timeout) row.
     */
    public static DatasetStats stats(TransitionArrays data) {
        boolean[] end = new boolean[data.rows()];
        boolean[] terminal = data.terminal();
        boolean[] timeout = data.timeout();
        for (int i = 0; i < end.length; i++) {
            end[i] = terminal[i] || timeout[i];
        }
        return DatasetStats.of(of(data), end);
    }
}
