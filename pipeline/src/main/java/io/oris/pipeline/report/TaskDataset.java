package io.oris.pipeline.report;

/** A row of the score tables: a task and a dataset ({@code ""} for the sim-only row of a task). */
public record TaskDataset(String task, String dataset) {
    /** {@code hopper-medium-replay}. */
    public String label() {
        return Names.taskDataset(task, dataset);
    }
}
