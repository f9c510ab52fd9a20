package io.oris.pipeline.results;

import io.oris.pipeline.report.Bootstrap;
import io.oris.pipeline.report.CellKey;
import io.oris.pipeline.report.CellStats;
import io.oris.pipeline.report.Names;
import io.oris.pipeline.report.ReportTable;
import io.oris.pipeline.report.RunResult;
import io.oris.pipeline.report.RunScore;
import io.oris.pipeline.report.SweepScores;
import io.oris.pipeline.report.TaskDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The two tables of a results README, as GitHub Markdown: the scores (one row per cell, i.e. method column ×
 * task-dataset × gap: mean ± std over seeds, the bootstrap 95 % interval of the mean, every seed's score and the
 * run count with failures marked) and the pairwise comparisons of the methods that meet in a table cell (difference
 * of means, bootstrap share of resamples in which the first is ahead). Numbers use the report's rounding.
 */
public final class ResultsTables {
    /** Confidence level of the intervals. */
    public static final double LEVEL = 0.95;

    private final Bootstrap bootstrap;
    private final int decimals;

    public ResultsTables(Bootstrap bootstrap, int decimals) {
        this.bootstrap = bootstrap;
        this.decimals = decimals;
    }

    /** The cells of the sweep in reading order: task, dataset, gap, then the report's column order. */
    public static List<CellStats> orderedCells(SweepScores s) {
        Comparator<String> columns = Names.columnOrder(s.spec().methodOrder());
        return s.cells().values().stream().sorted(Comparator
                        .comparing((CellStats c) -> c.key().task(), Names.taskOrder())
                        .thenComparing(c -> c.key().dataset(), Names.datasetOrder())
                        .thenComparing(c -> c.key().gap(), Names.gapOrder())
                        .thenComparing(c -> c.key().column(), columns))
                .toList();
    }

    /** The score table: one row per cell of a task with a normalized score (pick-place is in Table III). */
    public String scores(SweepScores s) {
        List<List<String>> rows = new ArrayList<>();
        for (CellStats c : orderedCells(s)) {
            CellKey k = c.key();
            if (!SweepScores.hasNormalizedScore(k.task())) {
                continue;   // pick-place: no normalized score; its returns and success rates are Table III
            }
            rows.add(List.of(Names.taskDataset(k.task(), k.dataset()), Names.gapDisplay(k.gap()), Names.display(k.column()),
                    scoreText(c), intervalText(c), seedsText(c), runsText(c)));
        }
        return markdown(List.of("task-dataset", "gap", "method", "score (mean ± std)", "95 % CI of the mean",
                "per seed", "runs"), List.of(false, false, false, true, true, false, true), rows);
    }

    /**
     * The pairwise comparisons: for every table row (task-dataset) under every gap, every pair of columns with scores
     * there, the first before the second in column order. A column's offline-only runs stand in under every gap and
     * its sim-only runs under every dataset of the task, as in Table I; such a column is marked (offline) or (sim
     * only). Two sets of runs are compared once: two offline methods only under the first gap. Empty when no cell
     * has two methods with scores.
     */
    public String comparisons(SweepScores s) {
        List<List<String>> rows = new ArrayList<>();
        Set<List<CellKey>> compared = new HashSet<>();
        for (String gap : s.tableGaps()) {
            List<TaskDataset> tableRows = new ArrayList<>(s.rows(gap, false));
            tableRows.addAll(s.rows(gap, true));
            for (TaskDataset r : tableRows) {
                List<CellStats> cells = new ArrayList<>();
                for (String c : s.columns()) {
                    s.resolve(c, r.task(), r.dataset(), gap).filter(CellStats::hasScore).ifPresent(cells::add);
                }
                for (int i = 0; i < cells.size(); i++) {
                    for (int j = i + 1; j < cells.size(); j++) {
                        CellStats a = cells.get(i);
                        CellStats b = cells.get(j);
                        if (!compared.add(List.of(a.key(), b.key()))) {
                            continue;   // the same two sets of runs met under an earlier gap (two offline methods)
                        }
                        rows.add(List.of(r.label(), Names.gapDisplay(gap), name(a, r, gap), name(b, r, gap),
                                signed(a.mean() - b.mean()),
                                String.format(Locale.ROOT, "%.3f", bootstrap.shareAhead(scores(a), scores(b)))));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return markdown(List.of("task-dataset", "gap", "first", "second", "difference of means (first − second)",
                "share of resamples with the first ahead"), List.of(false, false, false, false, true, true), rows);
    }

    /** The usable seeds' final scores of a cell, in seed order. */
    public static double[] scores(CellStats c) {
        return c.runs().stream().filter(RunScore::usable).sorted(Comparator.comparingLong(r -> r.run().seed()))
                .mapToDouble(RunScore::finalScore).toArray();
    }

    /** The cell's bootstrap interval; empty with fewer than two seeds (a resample of one value says nothing). */
    public Optional<Bootstrap.Interval> interval(CellStats c) {
        double[] v = scores(c);
        return v.length < 2 ? Optional.empty() : Optional.of(bootstrap.meanInterval(v, LEVEL));
    }

    String scoreText(CellStats c) {
        if (!c.hasScore()) {
            return "—";
        }
        return number(c.mean()) + (Double.isNaN(c.std()) ? "" : " ± " + number(c.std()));
    }

    String intervalText(CellStats c) {
        if (!c.hasScore()) {
            return "—";
        }
        return interval(c).map(i -> "[" + number(i.lower()) + ", " + number(i.upper()) + "]").orElse("— (1 seed)");
    }

    String seedsText(CellStats c) {
        List<String> parts = new ArrayList<>();
        c.runs().stream().sorted(Comparator.comparingLong(r -> r.run().seed())).forEach(r -> parts.add("s" + r.run().seed()
                + " " + (r.usable() ? number(r.finalScore())
                : r.failed() ? "**failed**" : r.run().status().equals(RunResult.SUCCEEDED) ? "not evaluated" : "missing")));
        return String.join(", ", parts);
    }

    static String runsText(CellStats c) {
        List<String> notes = new ArrayList<>();
        if (c.failed() > 0) {
            notes.add("**" + c.failed() + " failed**");
        }
        if (c.missing() > 0) {
            notes.add(c.missing() + " missing");
        }
        return c.total() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    }

    private static String name(CellStats c, TaskDataset row, String gap) {
        String name = Names.display(c.key().column());
        if (c.key().dataset().isEmpty() && !row.dataset().isEmpty()) {
            return name + " (sim only)";
        }
        if (c.key().gap().equals(RunResult.REAL) && !gap.equals(RunResult.REAL)) {
            return name + " (offline)";
        }
        return name;
    }

    private String number(double v) {
        return ReportTable.number(v, decimals);
    }

    private String signed(double v) {
        String n = number(v);
        return v > 0 && !n.matches("[0.]+") ? "+" + n : n;
    }

    /** A GitHub Markdown table; {@code right} says which columns are right-aligned (numbers). */
    static String markdown(List<String> header, List<Boolean> right, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("|");
        header.forEach(h -> sb.append(' ').append(escape(h)).append(" |"));
        sb.append("\n|");
        right.forEach(r -> sb.append(r ? " ---: |" : " :--- |"));
        sb.append('\n');
        for (List<String> row : rows) {
            sb.append('|');
            row.forEach(v -> sb.append(' ').append(escape(v)).append(" |"));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
