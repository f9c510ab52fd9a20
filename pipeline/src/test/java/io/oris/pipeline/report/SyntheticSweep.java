package io.oris.pipeline.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A small synthetic sweep for the report tests: offline methods (gap "real"), sim-only SAC (no dataset),
 * H2O and ORIS under gravity ×2 and friction ×0.3 on two tasks, hopper-medium-replay subsets (25 %, 5 %),
 * gravity ×3 for robustness, ORIS and H2O variants, one failed seed, a cell whose seeds all failed and a
 * missing seed. Scores are deterministic functions of the coordinates so the tests can recompute them.
 * Public for the tests of tools that start from a finished report (the results folder).
 */
public final class SyntheticSweep {
    public static final int SEEDS = 3;
    public static final int POINTS = 5;
    public static final String G2 = "gravity=2.0";
    public static final String G3 = "gravity=3.0";
    public static final String F03 = "friction=0.3";

    private SyntheticSweep() {
    }

    public static List<RunResult> runs() {
        List<RunResult> runs = new ArrayList<>();
        List<String> tasks = List.of("hopper", "walker2d");
        for (String task : tasks) {
            List<String> datasets = task.equals("hopper")
                    ? List.of("medium-replay", "medium", "medium-replay@25%", "medium-replay@5%")
                    : List.of("medium-replay", "medium");
            for (String method : List.of("bc", "cql")) {
                for (String d : datasets) {
                    if (method.equals("cql") && d.equals("medium-replay@5%")) {
                        continue;   // a hole in the small-data figure
                    }
                    addSeeds(runs, method, "", task, d, RunResult.REAL);
                }
            }
            for (String gap : task.equals("hopper") ? List.of(G2, F03, G3) : List.of(G2, F03)) {
                addSeeds(runs, "sac", "", task, "", gap);
                for (String method : List.of("h2o", "oris")) {
                    for (String d : datasets) {
                        if (gap.equals(G3) && !d.equals("medium-replay")) {
                            continue;
                        }
                        addSeeds(runs, method, "", task, d, gap);
                    }
                }
            }
        }
        for (String v : List.of("oris-no_restart", "oris-h2o_reweight")) {
            addSeeds(runs, "oris", v, "hopper", "medium-replay", G2);
        }
        for (String v : List.of("a", "dr")) {   // bare flags, as the orchestration's RunSpec.variant() gives them
            addSeeds(runs, "h2o", v, "hopper", "medium-replay", G2);
        }
        // one failed seed, a cell with all seeds failed, one missing seed
        replace(runs, "oris", "", "hopper", "medium", G2, 2, RunResult.FAILED);
        for (int s = 0; s < SEEDS; s++) {
            replace(runs, "cql", "", "walker2d", "medium", RunResult.REAL, s, RunResult.FAILED);
        }
        replace(runs, "h2o", "", "walker2d", "medium", F03, 1, RunResult.MISSING);
        return runs;
    }

    /** The deterministic normalized score of a run at eval point {@code i} (0-based). */
    static double score(String column, String task, String dataset, String gap, long seed, int i) {
        double base = 10 + Math.abs((column + "|" + task + "|" + dataset + "|" + gap).hashCode() % 80);
        return base * (i + 1) / POINTS + 3.0 * seed - 0.7 * i * seed;
    }

    static String id(String column, String task, String dataset, String gap, long seed) {
        return Names.fileSafe(column + "_" + task + "_" + (dataset.isEmpty() ? "nodata" : dataset) + "_" + gap + "_s" + seed);
    }

    private static void addSeeds(List<RunResult> runs, String method, String variant, String task, String dataset,
                                 String gap) {
        String column = Names.column(method, variant);
        for (long seed = 0; seed < SEEDS; seed++) {
            List<EvalPoint> curve = new ArrayList<>();
            for (int i = 0; i < POINTS; i++) {
                double score = score(column, task, dataset, gap, seed, i);
                curve.add(new EvalPoint(1000L * (i + 1), 30 * score - 20, score, 10));
            }
            runs.add(RunResult.succeeded(id(column, task, dataset, gap, seed), method, variant, task, dataset, gap,
                    seed, curve));
        }
    }

    private static void replace(List<RunResult> runs, String method, String variant, String task, String dataset,
                                String gap, long seed, String status) {
        String id = id(Names.column(method, variant), task, dataset, gap, seed);
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            if (r.runId().equals(id)) {
                runs.set(i, status.equals(RunResult.FAILED)
                        ? RunResult.failed(id, method, variant, task, dataset, gap, seed, "java.lang.IllegalStateException: NaN in critic loss at step 1200")
                        : RunResult.missing(id, method, variant, task, dataset, gap, seed));
                return;
            }
        }
        throw new IllegalArgumentException("no run " + id);
    }
}
