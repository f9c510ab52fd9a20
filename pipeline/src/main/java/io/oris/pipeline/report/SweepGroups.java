package io.oris.pipeline.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the parts of a sweep that the special tables and figures are drawn from: task-datasets with
 * trajectory subsets (small data), gap kinds with several coefficients (robustness) and cells with method
 * variants (ablations). Tables and figures share these so they always show the same selection.
 */
final class SweepGroups {
    private SweepGroups() {
    }

    /** A small-data group: one task, base dataset and gap with its datasets ordered from full to smallest. */
    record SmallDataGroup(String task, String base, String gap, List<String> datasets, List<Double> fractions,
                          List<String> columns) {
        String id() {
            return "small_data_" + Names.fileSafe(task + "-" + base + "_" + gap);
        }
    }

    /** A robustness group: one task-dataset and one gap kind with several coefficients. */
    record RobustnessGroup(String task, String dataset, String kind, List<String> gaps, List<String> columns) {
        String id() {
            return "robustness_" + Names.fileSafe(kind + "_" + task + "-" + dataset);
        }
    }

    /** An ablation group: one task, dataset and gap that has variants of {@code method}. */
    record AblationGroup(String method, String task, String dataset, String gap, List<String> columns) {
        String id() {
            return "ablation_" + method + "_" + Names.fileSafe(Names.taskDataset(task, dataset) + "_" + gap);
        }
    }

    static List<SmallDataGroup> smallDataGroups(SweepScores s) {
        List<SmallDataGroup> groups = new ArrayList<>();
        for (String gap : s.tableGaps()) {
            Map<TaskDataset, TreeSet<String>> byBase = new LinkedHashMap<>();
            for (TaskDataset r : s.rows(gap, true)) {
                byBase.computeIfAbsent(new TaskDataset(r.task(), Names.baseDataset(r.dataset())),
                        k -> new TreeSet<>(Names.datasetOrder())).add(r.dataset());
            }
            for (Map.Entry<TaskDataset, TreeSet<String>> e : byBase.entrySet()) {
                TaskDataset base = e.getKey();
                List<String> datasets = new ArrayList<>();
                if (s.rows(gap, false).contains(base)) {
                    datasets.add(base.dataset());
                }
                datasets.addAll(e.getValue());
                // methods that read the subsets (sim-only SAC does not depend on the data fraction)
                List<String> columns = s.plainColumns().stream().filter(c -> e.getValue().stream()
                        .anyMatch(d -> s.exact(c, base.task(), d, gap).isPresent()
                                || s.exact(c, base.task(), d, RunResult.REAL).isPresent())).toList();
                groups.add(new SmallDataGroup(base.task(), base.dataset(), gap, datasets,
                        datasets.stream().map(Names::fraction).toList(), columns));
            }
        }
        return groups;
    }

    static List<RobustnessGroup> robustnessGroups(SweepScores s) {
        List<RobustnessGroup> groups = new ArrayList<>();
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        s.tableGaps().stream().filter(g -> !Double.isNaN(Names.gapCoefficient(g)))
                .forEach(g -> byKind.computeIfAbsent(Names.gapKind(g), k -> new ArrayList<>()).add(g));
        for (Map.Entry<String, List<String>> e : byKind.entrySet()) {
            List<String> gaps = e.getValue();
            if (gaps.size() < 2) {
                continue;
            }
            List<TaskDataset> rows = new ArrayList<>();
            for (String gap : gaps) {
                s.rows(gap, false).stream().filter(r -> !rows.contains(r)).forEach(rows::add);
            }
            for (TaskDataset r : rows) {
                List<String> columns = s.plainColumns().stream().filter(c -> gaps.stream()
                        .filter(g -> s.underGap(c, r.task(), r.dataset(), g).isPresent()).count() >= 2).toList();
                List<String> present = gaps.stream().filter(g -> columns.stream()
                        .anyMatch(c -> s.exact(c, r.task(), r.dataset(), g).isPresent())).toList();
                if (columns.isEmpty() || present.size() < 2) {
                    continue;
                }
                groups.add(new RobustnessGroup(r.task(), r.dataset(), e.getKey(), present, columns));
            }
        }
        return groups;
    }

    static List<AblationGroup> ablationGroups(SweepScores s, String method) {
        Map<CellKey, List<String>> byCell = new LinkedHashMap<>();
        for (CellKey k : s.cells().keySet()) {
            if (Names.methodOf(k.column()).equals(method) && !Names.variantOf(k.column()).isEmpty()) {
                byCell.computeIfAbsent(new CellKey(method, k.task(), k.dataset(), k.gap()), x -> new ArrayList<>())
                        .add(k.column());
            }
        }
        List<AblationGroup> groups = new ArrayList<>();
        byCell.forEach((k, variants) -> {
            List<String> columns = new ArrayList<>();
            if (s.exact(method, k.task(), k.dataset(), k.gap()).isPresent()) {
                columns.add(method);
            }
            variants.stream().sorted(Names.columnOrder(s.spec().methodOrder())).forEach(columns::add);
            groups.add(new AblationGroup(method, k.task(), k.dataset(), k.gap(), columns));
        });
        groups.sort(Comparator.comparing(AblationGroup::task, Names.taskOrder())
                .thenComparing(AblationGroup::dataset, Names.datasetOrder())
                .thenComparing(AblationGroup::gap, Names.gapOrder()));
        return groups;
    }
}
