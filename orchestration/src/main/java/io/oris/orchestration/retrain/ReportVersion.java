package io.oris.orchestration.retrain;

/**
 * A versioned report of a job: each successful (re)training gets the next version, written to its own
 * folder, so earlier reports stay. Id {@code <dag_id>/v0003}, folder {@code reports/<dag_id>/v0003}.
 */
public record ReportVersion(String dagId, int version) {
    public String id() {
        return dagId + "/v" + String.format("%04d", version);
    }

    /** The report folder relative to the data root. */
    public String relativePath() {
        return "reports/" + id();
    }
}
