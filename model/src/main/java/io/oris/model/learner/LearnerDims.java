package io.oris.model.learner;

/**
 * Sizes of a task that the networks need, plus the per-dimension standard deviation of the offline states (H2O's
 * next-state perturbation for u(s,a) and ORIS's restart noise are scaled by it; null where no offline data exists).
 */
public record LearnerDims(int obsDim, int actDim, double[] stateStd) {
    public LearnerDims {
        if (obsDim <= 0 || actDim <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: obs " + obsDim + ", act " + actDim);
        }
        if (stateStd != null && stateStd.length != obsDim) {
            throw new IllegalArgumentException("stateStd has " + stateStd.length + " values, obs dim is " + obsDim);
        }
        stateStd = stateStd == null ? null : stateStd.clone();
    }

    /** Dims with unit state std. */
    public static LearnerDims of(int obsDim, int actDim) {
        double[] ones = new double[obsDim];
        java.util.Arrays.fill(ones, 1.0);
        return new LearnerDims(obsDim, actDim, ones);
    }
}
