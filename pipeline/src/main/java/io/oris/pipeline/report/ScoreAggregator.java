package io.oris.pipeline.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the run results of a sweep into final scores and cells: a run's final score is the mean of its
 * last K evaluation points after step 0 (the step-0 point scores the untrained policy: it starts the learning
 * curve but is never part of a final score, unless it is a run's only point); a cell (column, task, dataset, gap) is the mean ± sample std over its usable
 * seeds, with failed and missing seeds counted but left out of the mean.
 */
public final class ScoreAggregator {
    private ScoreAggregator() {
    }

    /** Scores every run and groups them into cells. Rejects duplicate run ids. */
    public static SweepScores aggregate(List<RunResult> runs, ReportSpec spec) {
        Set<String> ids = new HashSet<>();
        List<RunScore> scores = new ArrayList<>(runs.size());
        Map<CellKey, List<RunScore>> byCell = new LinkedHashMap<>();
        for (RunResult run : runs) {
            if (!ids.add(run.runId())) {
                throw new IllegalArgumentException("run id " + run.runId() + " appears twice in sweep " + spec.sweepName());
            }
            RunScore score = score(run, spec.lastK());
            scores.add(score);
            byCell.computeIfAbsent(CellKey.of(run), k -> new ArrayList<>()).add(score);
        }
        Map<CellKey, CellStats> cells = new LinkedHashMap<>();
        byCell.forEach((key, list) -> cells.put(key, CellStats.of(key, list)));
        return new SweepScores(spec, scores, cells);
    }

    /**
     * The evaluation points a run's final numbers are taken over: its last {@code lastK} points after step 0 (all
     * of them when there are fewer; the step-0 point only when it is the only one); empty unless it succeeded.
     */
    public static List<EvalPoint> finalPoints(RunResult run, int lastK) {
        List<EvalPoint> curve = run.curve();
        if (!run.status().equals(RunResult.SUCCEEDED) || curve.isEmpty()) {
            return List.of();
        }
        List<EvalPoint> trained = curve.get(0).step() == 0 && curve.size() > 1 ? curve.subList(1, curve.size()) : curve;
        return trained.subList(Math.max(0, trained.size() - lastK), trained.size());
    }

    /**
     * The final score of one run: mean normalized score and mean return of its last {@code lastK} points after step 0
     * (all of them when there are fewer; the step-0 point only when it is the only one).
     */
    public static RunScore score(RunResult run, int lastK) {
        List<EvalPoint> curve = run.curve();
        if (!run.status().equals(RunResult.SUCCEEDED) || curve.isEmpty()) {
            return new RunScore(run, Double.NaN, Double.NaN, curve.size());
        }
        List<EvalPoint> tail = finalPoints(run, lastK);
        double[] score = tail.stream().mapToDouble(EvalPoint::meanNormalizedScore).toArray();
        double[] ret = tail.stream().mapToDouble(EvalPoint::meanReturn).toArray();
        return new RunScore(run, Stats.mean(score), Stats.mean(ret), curve.size());
    }
}
