package io.oris.pipeline.report;

import io.oris.pipeline.report.ReportTable.Row;
import io.oris.pipeline.report.ReportTable.Score;
import io.oris.pipeline.report.ReportTable.Text;
import io.oris.pipeline.report.ReportTable.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ablation tables: ORIS's (Fig. 4: each variant's score and its change against the original) and
 * H2O's (Table 2 of the H2O paper: which components each variant keeps, its score and its return).
 */
public final class AblationTables {
    private static final String DASH = "–";

    private AblationTables() {
    }

    /** ORIS ablation (Fig. 4): each ORIS variant's score and its change against the original, per cell with variants. */
    public static List<ReportTable> oris(SweepScores s) {
        List<ReportTable> tables = new ArrayList<>();
        for (SweepGroups.AblationGroup g : SweepGroups.ablationGroups(s, "oris")) {
            Optional<CellStats> original = s.exact("oris", g.task(), g.dataset(), g.gap());
            List<Row> out = new ArrayList<>();
            for (String c : g.columns()) {
                Optional<CellStats> cell = s.exact(c, g.task(), g.dataset(), g.gap());
                String change = DASH;
                if (!c.equals("oris") && cell.isPresent() && cell.get().hasScore() && original.isPresent()
                        && original.get().hasScore() && original.get().mean() != 0) {
                    double pct = 100 * (cell.get().mean() - original.get().mean()) / Math.abs(original.get().mean());
                    change = (pct >= 0 ? "+" : "") + ReportTable.number(pct, 1) + " %";
                }
                String label = c.equals("oris") ? "Original" : Names.display(c).replace("ORIS (", "").replace(")", "");
                out.add(new Row(List.of(new Text(label), ReportTables.value(cell), new Text(change)), false));
            }
            tables.add(new ReportTable(g.id(), "ORIS ablation: " + Names.taskDataset(g.task(), g.dataset()) + ", "
                    + Names.gapDisplay(g.gap()), List.of("Variant", "Normalized score", "Change vs Original"), out));
        }
        return tables;
    }

    /**
     * H2O's ablation table: columns H2O and its variants (plus CQL and SAC when the sweep has them), rows the
     * components each keeps (adaptive or uniform value-regularisation weight, dynamics-ratio Bellman error,
     * regulariser form), the normalized score and the return.
     */
    public static List<ReportTable> h2o(SweepScores s) {
        List<ReportTable> tables = new ArrayList<>();
        for (SweepGroups.AblationGroup g : SweepGroups.ablationGroups(s, "h2o")) {
            List<String> columns = new ArrayList<>(g.columns());
            for (String extra : List.of("cql", "sac")) {
                if (s.resolve(extra, g.task(), g.dataset(), g.gap()).isPresent()) {
                    columns.add(extra);
                }
            }
            List<String> header = new ArrayList<>(List.of(""));
            columns.forEach(c -> header.add(Names.display(c)));
            Map<String, List<Value>> rows = new LinkedHashMap<>();
            for (String name : List.of("Adaptive", "Uniform", "Modified", "Regulariser", "Normalized score", "Return")) {
                rows.put(name, new ArrayList<>(List.of(new Text(name))));
            }
            for (String c : columns) {
                boolean h2o = Names.methodOf(c).equals("h2o");
                List<String> f = Names.flagsOf(c);
                boolean reg = f.contains("reg");
                rows.get("Adaptive").add(new Text(!h2o || reg ? "-" : f.contains("a") ? "✗" : "✓"));
                rows.get("Uniform").add(new Text(!h2o || reg ? "-" : f.contains("a") ? "✓" : "✗"));
                rows.get("Modified").add(new Text(!h2o ? "-" : f.contains("dr") ? "✗" : "✓"));
                rows.get("Regulariser").add(new Text(!h2o || reg ? "-" : f.contains("v") ? "E_ω[Q]" : "log-sum-exp"));
                Optional<CellStats> cell = s.resolve(c, g.task(), g.dataset(), g.gap());
                rows.get("Normalized score").add(ReportTables.value(cell));
                rows.get("Return").add(cell.filter(CellStats::hasScore)
                        .<Value>map(x -> new Score(x.returnMean(), x.returnStd(), x.note(), false))
                        .orElseGet(() -> ReportTables.value(cell)));
            }
            List<Row> out = new ArrayList<>();
            rows.forEach((name, v) -> out.add(new Row(name.equals("Normalized score") || name.equals("Return")
                    ? withBest(v) : v, false)));
            tables.add(new ReportTable(g.id(), "H2O ablation: " + Names.taskDataset(g.task(), g.dataset()) + ", "
                    + Names.gapDisplay(g.gap()), header, out));
        }
        return tables;
    }

    private static List<Value> withBest(List<Value> row) {
        List<Value> out = new ArrayList<>(List.of(row.get(0)));
        out.addAll(ReportTables.markBest(row.subList(1, row.size())));
        return out;
    }
}
