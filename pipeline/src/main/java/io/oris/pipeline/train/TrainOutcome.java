package io.oris.pipeline.train;

/**
 * How one train task ended, sent back to the driver: {@code succeeded}, {@code skipped} (already finished
 * with the same config), or {@code failed} with the error that is also in the run's {@code status.json}.
 */
public record TrainOutcome(String runId, String state, String error, long steps, double seconds)
        implements java.io.Serializable {
    public boolean failed() {
        return "failed".equals(state);
    }
}
