package io.oris.pipeline.report;

/**
 * A run with its final score: the mean normalized score and mean return over its last K evaluation
 * points after step 0 (the untrained policy; see {@link ScoreAggregator#score}). Both are NaN when the run did not
 * succeed or has no evaluation. {@code evalPoints} counts every point, step 0 included.
 */
public record RunScore(RunResult run, double finalScore, double finalReturn, int evalPoints) {
    /** True when the run counts towards its cell's mean: it succeeded and was evaluated at least once. */
    public boolean usable() {
        return run.status().equals(RunResult.SUCCEEDED) && evalPoints > 0;
    }

    /** True when the run failed. */
    public boolean failed() {
        return run.status().equals(RunResult.FAILED);
    }

    /** True when the run is missing, or succeeded without any evaluation point. */
    public boolean missing() {
        return !usable() && !failed();
    }
}
