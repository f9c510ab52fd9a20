package io.oris.pipeline.stages;

/** One evaluated episode of one snapshot, as {@code eval.parquet} stores it. */
public record EvalRow(String runId, long step, int episode, double episodeReturn, int length, double normalizedScore)
        implements java.io.Serializable {
}
