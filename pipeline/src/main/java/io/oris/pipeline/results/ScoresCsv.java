package io.oris.pipeline.results;

import io.oris.pipeline.report.RunResult;
import io.oris.pipeline.report.RunScore;
import io.oris.pipeline.report.SweepScores;
import java.util.List;

/**
 * {@code scores.csv} of a results folder: one RFC 4180 line per run (run id, column, task, dataset, gap, seed,
 * status, final normalized score, final return; the scores at full precision, empty unless the run succeeded and
 * was evaluated), in the report's run order, so the README's numbers can be recomputed from the folder alone.
 */
public final class ScoresCsv {
    /** The file name inside the results folder. */
    public static final String FILE = "scores.csv";
    /** The header line's columns. */
    public static final List<String> HEADER = List.of("run_id", "column", "task", "dataset", "gap", "seed", "status",
            "final_normalized_score", "final_return");

    private ScoresCsv() {
    }

    public static String render(SweepScores s) {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER);
        for (RunScore r : s.runs()) {
            RunResult run = r.run();
            line(sb, List.of(run.runId(), run.column(), run.task(), run.dataset(), run.gap(), Long.toString(run.seed()),
                    run.status(), r.usable() ? Double.toString(r.finalScore()) : "",
                    r.usable() ? Double.toString(r.finalReturn()) : ""));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
                    ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        sb.append("\r\n");
    }
}
