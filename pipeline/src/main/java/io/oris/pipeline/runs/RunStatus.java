package io.oris.pipeline.runs;

/**
 * What {@code status.json} of a run says: its state, the error of a failed run (method, loss term and step
 * for a non-finite loss), how often it was attempted, the last completed training step and timestamps.
 *
 * @param state     {@code running}, {@code succeeded} or {@code failed}
 * @param error     null unless failed
 * @param attempts  how many times the train stage started this run
 * @param lastStep  last gradient step reached (snapshots exist up to it)
 * @param startedAt ISO-8601 time of the last start
 * @param finishedAt ISO-8601 time of completion or failure, null while running
 * @param numerics   what decided the run's arithmetic, recorded when it ends ({@code NativeThreads.describe()}: CPU,
 *                   matrix kernels, native threads configured and the helper threads that did work); null while
 *                   running and in status files written before it was recorded
 */
public record RunStatus(String state, String error, int attempts, long lastStep, String startedAt, String finishedAt,
                        java.util.Map<String, Object> numerics) {
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    /** A status without the numerics (a running run's). */
    public RunStatus(String state, String error, int attempts, long lastStep, String startedAt, String finishedAt) {
        this(state, error, attempts, lastStep, startedAt, finishedAt, null);
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(state);
    }

    public boolean failed() {
        return FAILED.equals(state);
    }
}
