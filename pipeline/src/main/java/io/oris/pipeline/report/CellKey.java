package io.oris.pipeline.report;

/**
 * The coordinates of one table cell: column (method or method-variant), task, dataset ({@code ""} for
 * sim-only runs) and gap ({@code real} for offline-only runs). All seeds of a cell are aggregated together.
 */
public record CellKey(String column, String task, String dataset, String gap) {
    /** The cell key of a run. */
    public static CellKey of(RunResult run) {
        return new CellKey(run.column(), run.task(), run.dataset(), run.gap());
    }
}
