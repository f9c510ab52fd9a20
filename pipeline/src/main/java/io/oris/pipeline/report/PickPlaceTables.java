package io.oris.pipeline.report;

import io.oris.pipeline.report.ReportTable.Row;
import io.oris.pipeline.report.ReportTable.Score;
import io.oris.pipeline.report.ReportTable.Text;
import io.oris.pipeline.report.ReportTable.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ORIS Table III for the pick-place task (docs/reference.md §8): per method the mean return and the Reach, Pick and
 * Place success rates in the real (robot stand-in) environment. Pick-place has no D4RL normalized score, so its runs
 * are reported here instead of in Tables I and II. A table per (dataset, simulator gap) of the sweep; offline
 * methods fill every gap's table, SAC (trained in the simulator only) every dataset's.
 *
 * <p>Return: mean ± sample std over seeds of each run's final return (the mean of its last K evaluations, as
 * everywhere in the report). Success rates: the share of all evaluation episodes of those final evaluations over all
 * seeds (seeds × 25 grid positions with K = 1, as the paper counts), with the sample std over seeds of each seed's
 * rate.
 */
public final class PickPlaceTables {
    /** The task these tables report (sim's {@code Task.PICK_PLACE}). */
    public static final String TASK = "pick-place";
    /** Row labels of Table III, in the paper's order. */
    public static final List<String> METRICS = List.of("Average return", "Reach SR %", "Pick SR %", "Place SR %");

    private PickPlaceTables() {
    }

    /** A Table III group: one dataset ({@code ""} when the sweep has none) and one simulator gap. */
    public record Group(String dataset, String gap, List<String> columns) {
        /** Table id and file stem, e.g. {@code table3_scripted_sim}. */
        public String id() {
            return "table3_" + Names.fileSafe((dataset.isEmpty() ? "" : dataset + "_") + gap);
        }

        String label() {
            return Names.taskDataset(TASK, dataset) + ", simulator " + Names.gapDisplay(gap);
        }
    }

    /** The success counts of a cell: reach, pick, place rates in % pooled over seeds, and per-seed rate stds. */
    public record Rates(double[] pooled, double[] std, int episodes) {
    }

    /** The groups the sweep has pick-place data for, in table order. */
    public static List<Group> groups(SweepScores s) {
        List<Group> out = new ArrayList<>();
        boolean any = s.cells().keySet().stream().anyMatch(k -> k.task().equals(TASK));
        if (!any) {
            return out;
        }
        List<String> datasets = new ArrayList<>(s.datasetsOf(TASK, null));
        if (datasets.isEmpty()) {
            datasets.add("");
        }
        // the simulator gaps pick-place runs have (SAC, H2O, ORIS); [real] when only offline methods ran on it
        List<String> gaps = s.tableGaps().stream().filter(gap -> s.cells().keySet().stream()
                .anyMatch(k -> k.task().equals(TASK) && k.gap().equals(gap))).toList();
        for (String gap : gaps.isEmpty() ? List.of(RunResult.REAL) : gaps) {
            for (String d : datasets) {
                List<String> cols = s.plainColumns().stream()
                        .filter(c -> s.resolve(c, TASK, d, gap).isPresent()).toList();
                if (!cols.isEmpty()) {
                    out.add(new Group(d, gap, cols));
                }
            }
        }
        return out;
    }

    /** The cell of a column in a group. */
    public static Optional<CellStats> cell(SweepScores s, Group g, String column) {
        return s.resolve(column, TASK, g.dataset(), g.gap());
    }

    /** Reach, Pick, Place rates of a cell's usable runs over their final evaluations (empty: no usable run). */
    public static Optional<Rates> rates(CellStats cell, int lastK) {
        long[] hits = new long[3];
        long episodes = 0;
        List<double[]> perSeed = new ArrayList<>();
        for (RunScore r : cell.runs()) {
            if (!r.usable()) {
                continue;
            }
            long[] own = new long[3];
            long n = 0;
            for (EvalPoint p : ScoreAggregator.finalPoints(r.run(), lastK)) {
                own[0] += p.reached();
                own[1] += p.picked();
                own[2] += p.placed();
                n += p.episodes();
            }
            if (n == 0) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                hits[i] += own[i];
            }
            episodes += n;
            perSeed.add(new double[] {100.0 * own[0] / n, 100.0 * own[1] / n, 100.0 * own[2] / n});
        }
        if (episodes == 0) {
            return Optional.empty();
        }
        double[] pooled = new double[3];
        double[] std = new double[3];
        for (int i = 0; i < 3; i++) {
            pooled[i] = 100.0 * hits[i] / episodes;
            int k = i;
            std[i] = Stats.sampleStd(perSeed.stream().mapToDouble(x -> x[k]).toArray());
        }
        return Optional.of(new Rates(pooled, std, (int) episodes));
    }

    /** Table III per group: rows average return and the three success rates, columns the plain methods. */
    public static List<ReportTable> tables(SweepScores s) {
        List<ReportTable> tables = new ArrayList<>();
        int lastK = s.spec().lastK();
        for (Group g : groups(s)) {
            List<String> header = new ArrayList<>(List.of("Metric"));
            g.columns().forEach(c -> header.add(Names.display(c)));
            List<List<Value>> rows = new ArrayList<>();
            METRICS.forEach(m -> rows.add(new ArrayList<>(List.of(new Text(m)))));
            for (String c : g.columns()) {
                CellStats cell = cell(s, g, c).orElseThrow();
                Optional<Rates> rates = rates(cell, lastK);
                rows.get(0).add(cell.hasScore() ? new Score(cell.returnMean(), cell.returnStd(), cell.note(), false)
                        : new Text(cell.noScoreText()));
                for (int i = 0; i < 3; i++) {
                    int k = i;
                    rows.get(i + 1).add(rates.<Value>map(r -> new Score(r.pooled()[k], r.std()[k], cell.note(), false))
                            .orElse(new Text(cell.hasScore() ? "–" : cell.noScoreText())));
                }
            }
            List<Row> out = rows.stream().map(v -> new Row(ReportTables.markBest(v), false)).toList();
            tables.add(new ReportTable(g.id(), "Table III: " + g.label() + "; evaluated in the real environment on the"
                    + " 5 × 5 grid of block positions (return: mean ± std over seeds of the mean of the last " + lastK
                    + " evaluations; success rates: % of those episodes over all seeds, ± std over seeds)", header, out));
        }
        return tables;
    }
}
