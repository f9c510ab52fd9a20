package io.oris.pipeline.report;

import io.oris.pipeline.report.ReportTable.Row;
import io.oris.pipeline.report.ReportTable.Score;
import io.oris.pipeline.report.ReportTable.Text;
import io.oris.pipeline.report.ReportTable.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays the scored sweep out as the papers' tables: ORIS Table I (task-dataset × method, one per gap),
 * Table II (task-dataset × gap rows), Table III for pick-place ({@link PickPlaceTables}), the small-data and robustness tables behind ORIS Fig. 3, the ORIS
 * ablation (Fig. 4) and H2O's ablation table, and a per-run list. Only tables the sweep has data for are built.
 */
public final class ReportTables {
    private static final String DASH = "–";

    private ReportTables() {
    }

    /** Every table of the report, in the order the report shows them. */
    public static List<ReportTable> all(SweepScores s) {
        List<ReportTable> tables = new ArrayList<>(tableOne(s));
        tableTwo(s).ifPresent(tables::add);
        tables.addAll(PickPlaceTables.tables(s));
        tables.addAll(smallData(s));
        tables.addAll(robustness(s));
        tables.addAll(AblationTables.oris(s));
        tables.addAll(AblationTables.h2o(s));
        tables.add(runs(s));
        return tables;
    }

    /** ORIS Table I shape: rows = task-dataset, columns = plain methods, an Average row; one table per gap. */
    public static List<ReportTable> tableOne(SweepScores s) {
        List<ReportTable> tables = new ArrayList<>();
        List<String> columns = s.plainColumns();
        for (String gap : s.tableGaps()) {
            List<TaskDataset> rows = s.rows(gap, false);
            List<String> used = columns.stream().filter(c -> rows.stream()
                    .anyMatch(r -> s.resolve(c, r.task(), r.dataset(), gap).isPresent())).toList();
            if (rows.isEmpty() || used.isEmpty()) {
                continue;
            }
            List<String> header = new ArrayList<>(List.of("Task"));
            used.forEach(c -> header.add(Names.display(c)));
            List<Row> out = new ArrayList<>();
            for (TaskDataset r : rows) {
                List<Value> v = new ArrayList<>(List.of(new Text(r.label())));
                v.addAll(markBest(used.stream().map(c -> value(s.resolve(c, r.task(), r.dataset(), gap))).toList()));
                out.add(new Row(v, false));
            }
            out.add(averageRow("Average", List.of(), used, rows, gap, s));
            tables.add(new ReportTable("table1_" + Names.fileSafe(gap),
                    "Table I: normalized score, " + Names.gapDisplay(gap) + " (mean ± std over seeds of the mean of the last "
                            + s.spec().lastK() + " evaluations)", header, out));
        }
        return tables;
    }

    /** ORIS Table II shape: rows = task-dataset × gap, columns = plain methods; only when the sweep has several gaps. */
    public static Optional<ReportTable> tableTwo(SweepScores s) {
        List<String> gaps = s.tableGaps();
        if (gaps.size() < 2) {
            return Optional.empty();
        }
        List<String> columns = s.plainColumns();
        List<String> header = new ArrayList<>(List.of("Task", "Gap"));
        columns.forEach(c -> header.add(Names.display(c)));
        List<Row> out = new ArrayList<>();
        for (String gap : gaps) {
            List<TaskDataset> rows = s.rows(gap, false);
            for (TaskDataset r : rows) {
                List<Value> v = new ArrayList<>(List.of(new Text(r.label()), new Text(Names.gapDisplay(gap))));
                v.addAll(markBest(columns.stream().map(c -> value(s.resolve(c, r.task(), r.dataset(), gap))).toList()));
                out.add(new Row(v, false));
            }
            out.add(averageRow("Average", List.of(Names.gapDisplay(gap)), columns, rows, gap, s));
        }
        return Optional.of(new ReportTable("table2", "Table II: normalized score under each dynamics gap", header, out));
    }

    /** Score against data fraction (100 / 25 / 5 %) per method, one table per task-dataset and gap with subsets. */
    public static List<ReportTable> smallData(SweepScores s) {
        List<ReportTable> tables = new ArrayList<>();
        for (SweepGroups.SmallDataGroup g : SweepGroups.smallDataGroups(s)) {
            List<String> header = new ArrayList<>(List.of("Method"));
            g.fractions().forEach(f -> header.add(Names.percent(f)));
            List<Row> out = new ArrayList<>();
            for (String c : g.columns()) {
                List<Value> v = new ArrayList<>(List.of(new Text(Names.display(c))));
                g.datasets().forEach(d -> v.add(value(s.resolve(c, g.task(), d, g.gap()))));
                out.add(new Row(v, false));
            }
            tables.add(new ReportTable(g.id(), "Small data: " + Names.taskDataset(g.task(), g.base()) + ", "
                    + Names.gapDisplay(g.gap()) + ", normalized score by fraction of the trajectories", header, out));
        }
        return tables;
    }

    /** Score against gap coefficient per method, for each gap kind with several coefficients (ORIS Fig. 3 right). */
    public static List<ReportTable> robustness(SweepScores s) {
        List<ReportTable> tables = new ArrayList<>();
        for (SweepGroups.RobustnessGroup g : SweepGroups.robustnessGroups(s)) {
            List<String> header = new ArrayList<>(List.of("Method"));
            g.gaps().forEach(gap -> header.add(Names.gapDisplay(gap)));
            List<Row> out = new ArrayList<>();
            for (String c : g.columns()) {
                List<Value> v = new ArrayList<>(List.of(new Text(Names.display(c))));
                g.gaps().forEach(gap -> v.add(value(s.underGap(c, g.task(), g.dataset(), gap))));
                out.add(new Row(v, false));
            }
            tables.add(new ReportTable(g.id(), "Robustness: " + Names.taskDataset(g.task(), g.dataset()) + ", normalized score by "
                    + g.kind() + " coefficient", header, out));
        }
        return tables;
    }

    /** One row per run: coordinates, status, final score and return, number of evaluations, error. */
    public static ReportTable runs(SweepScores s) {
        List<Row> out = new ArrayList<>();
        int d = s.spec().decimals();
        for (RunScore r : s.runs()) {
            RunResult run = r.run();
            out.add(new Row(List.of(new Text(run.runId()), new Text(Names.display(run.column())), new Text(run.task()),
                    new Text(run.dataset().isEmpty() ? DASH : run.dataset()), new Text(run.gap()),
                    new Text(Long.toString(run.seed())), new Text(run.status()),
                    new Text(r.usable() ? ReportTable.number(r.finalScore(), d) : DASH),
                    new Text(r.usable() ? ReportTable.number(r.finalReturn(), d) : DASH),
                    new Text(Integer.toString(r.evalPoints())),
                    new Text(run.error() == null ? "" : run.error())), false));
        }
        return new ReportTable("runs", "Runs", List.of("Run", "Method", "Task", "Dataset", "Gap", "Seed", "Status",
                "Final score", "Final return", "Evals", "Error"), out);
    }

    /** What a table shows for a cell: its score, "failed (k/n)" / "missing (k/n)" without any score, or a dash. */
    static Value value(Optional<CellStats> cell) {
        if (cell.isEmpty()) {
            return new Text(DASH);
        }
        CellStats c = cell.get();
        return c.hasScore() ? new Score(c.mean(), c.std(), c.note(), false) : new Text(c.noScoreText());
    }

    private static Row averageRow(String label, List<String> extraLabels, List<String> columns, List<TaskDataset> rows,
                                  String gap, SweepScores s) {
        List<Value> v = new ArrayList<>(List.of(new Text(label)));
        extraLabels.forEach(x -> v.add(new Text(x)));
        List<Value> scores = new ArrayList<>();
        for (String c : columns) {
            List<CellStats> have = rows.stream().map(r -> s.resolve(c, r.task(), r.dataset(), gap))
                    .flatMap(Optional::stream).filter(CellStats::hasScore).toList();
            if (have.isEmpty()) {
                scores.add(new Text(DASH));
                continue;
            }
            double[] means = have.stream().mapToDouble(CellStats::mean).toArray();
            double[] stds = have.stream().mapToDouble(CellStats::std).filter(x -> !Double.isNaN(x)).toArray();
            String note = have.size() < rows.size() ? "rows " + have.size() + "/" + rows.size() : "";
            scores.add(new Score(Stats.mean(means), Stats.mean(stds), note, false));
        }
        v.addAll(markBest(scores));
        return new Row(v, true);
    }

    /** Marks the highest mean among the score values (ties: all of them). */
    static List<Value> markBest(List<Value> values) {
        double best = values.stream().filter(x -> x instanceof Score).mapToDouble(x -> ((Score) x).mean())
                .max().orElse(Double.NaN);
        long scores = values.stream().filter(x -> x instanceof Score).count();
        if (Double.isNaN(best) || scores < 2) {
            return values;
        }
        return values.stream().map(x -> x instanceof Score sc && sc.mean() == best
                ? (Value) new Score(sc.mean(), sc.std(), sc.note(), true) : x).toList();
    }
}
