package io.oris.pipeline.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The scored sweep: every run's final score, the cells, and the axes the tables are laid out on (columns,
 * tasks, datasets, gaps) in the papers' order. Offline-only cells (gap {@code real}) appear under every
 * gap and sim-only cells (no dataset) under every dataset of their task, as in ORIS Tables I and II.
 */
public final class SweepScores {
    private final ReportSpec spec;
    private final List<RunScore> runs;
    private final Map<CellKey, CellStats> cells;

    SweepScores(ReportSpec spec, List<RunScore> runs, Map<CellKey, CellStats> cells) {
        this.spec = spec;
        this.runs = List.copyOf(runs);
        this.cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    public ReportSpec spec() {
        return spec;
    }

    /** Every run with its final score, in input order. */
    public List<RunScore> runs() {
        return runs;
    }

    /** Every cell, keyed by its exact coordinates. */
    public Map<CellKey, CellStats> cells() {
        return cells;
    }

    /** The cell with exactly these coordinates. */
    public Optional<CellStats> exact(String column, String task, String dataset, String gap) {
        return Optional.ofNullable(cells.get(new CellKey(column, task, dataset, gap)));
    }

    /**
     * The cell that fills (column, task, dataset, gap) in a table: the exact cell, else the column's
     * offline-only cell of that dataset, else its sim-only cell of that task under that gap.
     */
    public Optional<CellStats> resolve(String column, String task, String dataset, String gap) {
        for (CellKey k : List.of(new CellKey(column, task, dataset, gap),
                new CellKey(column, task, dataset, RunResult.REAL),
                new CellKey(column, task, "", gap))) {
            CellStats c = cells.get(k);
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The cell of a simulator-using column under exactly {@code gap}: the exact cell, else the column's
     * sim-only cell of the task (SAC). Offline-only cells are not returned (they do not depend on the gap).
     */
    public Optional<CellStats> underGap(String column, String task, String dataset, String gap) {
        return exact(column, task, dataset, gap).or(() -> exact(column, task, "", gap));
    }

    /** All columns in table order. */
    public List<String> columns() {
        return sorted(cells.keySet().stream().map(CellKey::column).toList(),
                Names.columnOrder(spec.methodOrder()));
    }

    /** Columns of plain methods (no variant), in table order: the columns of Tables I and II. */
    public List<String> plainColumns() {
        return columns().stream().filter(c -> Names.variantOf(c).isEmpty()).toList();
    }

    /** The simulator gaps of the sweep in order; {@code [real]} when the sweep has offline methods only. */
    public List<String> tableGaps() {
        List<String> gaps = sorted(cells.keySet().stream().map(CellKey::gap)
                .filter(g -> !g.equals(RunResult.REAL)).toList(), Names.gapOrder());
        return gaps.isEmpty() && !cells.isEmpty() ? List.of(RunResult.REAL) : gaps;
    }

    /**
     * The rows of a table under {@code gap}, full datasets or subsets as asked. A task contributes the
     * datasets it has runs for under exactly that gap (tasks with a normalized score only, {@link #hasNormalizedScore});
     * a task with only sim-only runs under the gap (SAC)
     * contributes the datasets of its offline-only runs, or one row {@code (task, "")} when it has none.
     * Under {@code real} (an offline-only sweep) every dataset is a row.
     */
    public List<TaskDataset> rows(String gap, boolean subsets) {
        List<TaskDataset> rows = new ArrayList<>();
        List<String> tasks = cells.keySet().stream().filter(k -> k.gap().equals(gap)).map(CellKey::task)
                .filter(SweepScores::hasNormalizedScore).distinct().toList();
        for (String task : tasks) {
            List<String> exact = datasets(task, gap);
            List<String> chosen = !exact.isEmpty() ? exact : datasets(task, RunResult.REAL);
            chosen.stream().filter(d -> Names.isSubset(d) == subsets).forEach(d -> rows.add(new TaskDataset(task, d)));
            if (chosen.isEmpty() && !subsets) {
                rows.add(new TaskDataset(task, ""));
            }
        }
        rows.sort(Comparator.comparing(TaskDataset::task, Names.taskOrder())
                .thenComparing(TaskDataset::dataset, Names.datasetOrder()));
        return rows;
    }

    /**
     * True for tasks with a D4RL normalized score (the locomotion tasks): the normalized-score tables and curves show
     * these only; pick-place, which has none, is reported in Table III ({@link PickPlaceTables}).
     */
    public static boolean hasNormalizedScore(String task) {
        return io.oris.storage.D4rlEnvs.hasReferenceScores(task);
    }

    /** The datasets of {@code task} with a cell under {@code gap} (any gap when null), {@code ""} excluded. */
    public List<String> datasetsOf(String task, String gap) {
        return cells.keySet().stream().filter(k -> k.task().equals(task) && (gap == null || k.gap().equals(gap))
                        && !k.dataset().isEmpty()).map(CellKey::dataset).distinct().sorted(Names.datasetOrder()).toList();
    }

    private List<String> datasets(String task, String gap) {
        return cells.keySet().stream().filter(k -> k.task().equals(task) && k.gap().equals(gap) && !k.dataset().isEmpty())
                .map(CellKey::dataset).distinct().toList();
    }

    private static List<String> sorted(List<String> values, Comparator<String> order) {
        TreeSet<String> set = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        set.addAll(values);
        return List.copyOf(set);
    }
}
