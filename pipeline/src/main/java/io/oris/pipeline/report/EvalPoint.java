package io.oris.pipeline.report;

/**
 * One evaluation of a policy snapshot in the real environment: the training step it was taken at and the
 * mean return and mean normalized score over its episodes. Learning curves and final scores are built
 * from these.
 */
public record EvalPoint(long step, double meanReturn, double meanNormalizedScore, int episodes) {
    public EvalPoint {
        if (step < 0) {
            throw new IllegalArgumentException("eval step must be >= 0, got " + step);
        }
        if (episodes < 0) {
            throw new IllegalArgumentException("eval episodes must be >= 0, got " + episodes + " at step " + step);
        }
    }
}
