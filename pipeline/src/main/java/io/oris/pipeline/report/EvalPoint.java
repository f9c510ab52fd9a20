package io.oris.pipeline.report;

/**
 * One evaluation of a policy snapshot in the real environment: the training step it was taken at, the
 * mean return and mean normalized score over its episodes, and for pick-place how many of those episodes
 * reached, picked and placed (ORIS Table III; zero for the locomotion tasks). Learning curves, final scores and
 * success rates are built from these.
 */
public record EvalPoint(long step, double meanReturn, double meanNormalizedScore, int episodes,
                        int reached, int picked, int placed) {
    public EvalPoint {
        if (step < 0) {
            throw new IllegalArgumentException("eval step must be >= 0, got " + step);
        }
        if (episodes < 0) {
            throw new IllegalArgumentException("eval episodes must be >= 0, got " + episodes + " at step " + step);
        }
        if (reached < 0 || picked < 0 || placed < 0 || Math.max(reached, Math.max(picked, placed)) > episodes) {
            throw new IllegalArgumentException("success counts " + reached + "/" + picked + "/" + placed
                    + " must lie in 0.." + episodes + " at step " + step);
        }
    }

    /** A point of a task without success flags. */
    public EvalPoint(long step, double meanReturn, double meanNormalizedScore, int episodes) {
        this(step, meanReturn, meanNormalizedScore, episodes, 0, 0, 0);
    }
}
