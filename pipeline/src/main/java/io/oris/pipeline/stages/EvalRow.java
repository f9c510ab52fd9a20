package io.oris.pipeline.stages;

/**
 * One evaluated episode of one snapshot, as {@code eval.parquet} stores it (docs/architecture.md §6.3): the
 * pick-place flags Reach, Pick and Place are false for the locomotion tasks.
 */
public record EvalRow(String runId, long step, int episode, double episodeReturn, int length, double normalizedScore,
                      boolean reach, boolean pick, boolean place)
        implements java.io.Serializable {
    /** A row of a task without success flags. */
    public EvalRow(String runId, long step, int episode, double episodeReturn, int length, double normalizedScore) {
        this(runId, step, episode, episodeReturn, length, normalizedScore, false, false, false);
    }
}
