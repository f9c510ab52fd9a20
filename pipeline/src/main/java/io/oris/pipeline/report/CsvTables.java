package io.oris.pipeline.report;

import io.oris.pipeline.report.ReportTable.Score;
import io.oris.pipeline.report.ReportTable.Text;
import io.oris.pipeline.report.ReportTable.Value;
import io.oris.storage.csv.CsvFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders report tables as RFC 4180 CSV (through {@link CsvFiles}): a table in its printed shape (scores as {@code mean ± std}),
 * and the tidy list of all cells with separate numeric columns for spreadsheets and scripts.
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** One table in its printed shape. */
    public static String render(ReportTable t, int decimals) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportTable.Row row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (Value v : row.values()) {
                cells.add(v instanceof Text x ? x.text() : ((Score) v).format(decimals, " ± "));
            }
            rows.add(cells);
        }
        return CsvFiles.render(t.header(), rows);
    }

    /**
     * Every cell of the sweep, one line each: column, method, variant, task, dataset, gap, seeds, n, failed,
     * missing, mean and std of the final normalized score and of the final return (full precision).
     */
    public static String cells(SweepScores s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = List.of("column", "method", "variant", "task", "dataset", "gap", "seeds", "n", "failed", "missing",
                "score_mean", "score_std", "return_mean", "return_std");
        for (CellStats c : s.cells().values()) {
            CellKey k = c.key();
            rows.add(List.of(k.column(), Names.methodOf(k.column()), Names.variantOf(k.column()).isEmpty() ? "" : k.column(), k.task(), k.dataset(),
                    k.gap(), Integer.toString(c.total()), Integer.toString(c.n()), Integer.toString(c.failed()),
                    Integer.toString(c.missing()), num(c.mean()), num(c.std()), num(c.returnMean()), num(c.returnStd())));
        }
        return CsvFiles.render(header, rows);
    }

    /** The columns of {@link #runs}. */
    public static final List<String> RUNS_HEADER = List.of("run_id", "column", "task", "dataset", "gap", "seed", "status",
            "final_normalized_score", "final_return");
    /** The columns of {@link #curves}. */
    public static final List<String> CURVES_HEADER = List.of("run_id", "column", "task", "dataset", "gap", "seed", "step",
            "normalized_score", "return", "episodes");

    /**
     * One line per run in the report's run order: coordinates, status, and the final normalized score and return
     * at full precision (empty unless the run succeeded and was evaluated).
     */
    public static String runs(SweepScores s) {
        List<List<String>> rows = new ArrayList<>();
        for (RunScore r : s.runs()) {
            RunResult run = r.run();
            rows.add(List.of(run.runId(), run.column(), run.task(), run.dataset(), run.gap(), Long.toString(run.seed()),
                    run.status(), r.usable() ? Double.toString(r.finalScore()) : "",
                    r.usable() ? Double.toString(r.finalReturn()) : ""));
        }
        return CsvFiles.render(RUNS_HEADER, rows);
    }

    /**
     * Every evaluation point of every run, one line each (the learning curves in long form, for readers without a
     * Parquet library): coordinates, the training step, the mean normalized score, mean return and episode count.
     */
    public static String curves(SweepScores s) {
        List<List<String>> rows = new ArrayList<>();
        for (RunScore r : s.runs()) {
            RunResult run = r.run();
            for (EvalPoint p : run.curve()) {
                rows.add(List.of(run.runId(), run.column(), run.task(), run.dataset(), run.gap(), Long.toString(run.seed()),
                        Long.toString(p.step()), num(p.meanNormalizedScore()), num(p.meanReturn()),
                        Integer.toString(p.episodes())));
            }
        }
        return CsvFiles.render(CURVES_HEADER, rows);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
