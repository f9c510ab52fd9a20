package io.oris.model.learner;

/**
 * Sizes of a task that the networks need, plus the statistics of the offline dataset ({@link DatasetStats}: state
 * mean and std, episode return range; null where no offline data exists, e.g. SAC in the simulator only).
 */
public record LearnerDims(int obsDim, int actDim, DatasetStats dataset) {
    public LearnerDims {
        if (obsDim <= 0 || actDim <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: obs " + obsDim + ", act " + actDim);
        }
        if (dataset != null && dataset.obsDim() != obsDim) {
            throw new IllegalArgumentException("dataset statistics have " + dataset.obsDim() + " state dimensions, obs"
                    + " dim is " + obsDim);
        }
    }

    /**
     * Dims with unit statistics ({@link DatasetStats#unit}: zero mean, unit std, unknown returns), for tests and for
     * learners restored from a snapshot, which carries the statistics it was trained with.
     */
    public static LearnerDims of(int obsDim, int actDim) {
        return new LearnerDims(obsDim, actDim, DatasetStats.unit(obsDim));
    }

    /**
     * Per-dimension std of the offline states (H2O's next-state perturbation for u(s,a) and ORIS's restart noise are
     * scaled by it); null without a dataset.
     */
    public double[] stateStd() {
        return dataset == null ? null : dataset.stateStd();
    }
}
