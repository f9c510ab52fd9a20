package io.oris.pipeline.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the aggregate stage knows about one training run of a sweep: its coordinates in the sweep
 * (method, variant, task, dataset, gap, seed), whether it finished, and its evaluation curve. The report
 * renderer turns a list of these into tables and figures.
 *
 * @param runId   the run id (folder name of the run)
 * @param method  method id: {@code sac}, {@code cql}, {@code iql}, {@code sql}, {@code combo}, {@code td3bc}, {@code bc}, {@code h2o},
 *                {@code darc}, {@code darc+}, {@code oris}, ...
 * @param variant {@code ""} for the plain method, else the variant, either with the method prefix
 *                ({@code h2o-a}, {@code oris-no_restart}) or as bare flags ({@code a}, {@code no_restart})
 * @param task    environment: {@code hopper}, {@code walker2d}, {@code halfcheetah}, ...
 * @param dataset dataset name ({@code medium-replay}; {@code medium-replay@25%} for a trajectory subset);
 *                {@code ""} (or null) for runs without offline data (SAC in the simulator)
 * @param gap     dynamics gap ({@code gravity=2.0}, {@code friction=0.3}, {@code action_noise=1.0}), or
 *                {@code real} (or null/"") for offline-only methods
 * @param seed    the run's seed
 * @param status  {@code succeeded}, {@code failed} or {@code missing}
 * @param error   the failure message; null unless failed
 * @param curve   evaluation points (any order; sorted by step here); empty for failed and missing runs
 */
public record RunResult(String runId, String method, String variant, String task, String dataset, String gap,
                        long seed, String status, String error, List<EvalPoint> curve) {
    /** Status of a run that finished and was evaluated. */
    public static final String SUCCEEDED = "succeeded";
    /** Status of a run whose training or evaluation failed. */
    public static final String FAILED = "failed";
    /** Status of a run the sweep planned but that has no output (not run yet, or its folder is gone). */
    public static final String MISSING = "missing";
    /** Gap name of runs that never touch a simulator. */
    public static final String REAL = "real";

    private static final Set<String> STATUSES = Set.of(SUCCEEDED, FAILED, MISSING);

    public RunResult {
        requireText(runId, "runId", runId);
        requireText(method, "method", runId);
        requireText(task, "task", runId);
        variant = variant == null ? "" : variant.trim();
        dataset = dataset == null ? "" : dataset.trim();
        gap = gap == null || gap.isBlank() ? REAL : gap.trim();
        Objects.requireNonNull(status, () -> "run " + runId + ": status is null");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("run " + runId + ": status '" + status + "' is not one of " + STATUSES);
        }
        curve = curve == null ? List.of()
                : curve.stream().sorted(Comparator.comparingLong(EvalPoint::step)).toList();
    }

    /** A succeeded run with its evaluation curve. */
    public static RunResult succeeded(String runId, String method, String variant, String task, String dataset,
                                      String gap, long seed, List<EvalPoint> curve) {
        return new RunResult(runId, method, variant, task, dataset, gap, seed, SUCCEEDED, null, curve);
    }

    /** A failed run and its error message. */
    public static RunResult failed(String runId, String method, String variant, String task, String dataset,
                                   String gap, long seed, String error) {
        return new RunResult(runId, method, variant, task, dataset, gap, seed, FAILED, error, List.of());
    }

    /** A planned run with no output. */
    public static RunResult missing(String runId, String method, String variant, String task, String dataset,
                                    String gap, long seed) {
        return new RunResult(runId, method, variant, task, dataset, gap, seed, MISSING, null, List.of());
    }

    /** The table column of this run: the method, or method-variant ({@code oris-no_restart}). */
    public String column() {
        return Names.column(method, variant);
    }

    private static void requireText(String value, String field, String runId) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("run " + runId + ": " + field + " must not be blank");
        }
    }
}
