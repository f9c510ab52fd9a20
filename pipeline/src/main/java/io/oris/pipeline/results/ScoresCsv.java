package io.oris.pipeline.results;

import io.oris.pipeline.report.CsvTables;
import io.oris.pipeline.report.SweepScores;
import java.util.List;

/**
 * {@code scores.csv} of a results folder: the report's {@code csv/runs.csv} ({@link CsvTables#runs}: one line per run
 * with its final normalized score and return at full precision), so the README's numbers can be recomputed from the
 * folder alone.
 */
public final class ScoresCsv {
    /** The file name inside the results folder. */
    public static final String FILE = "scores.csv";
    /** The header line's columns. */
    public static final List<String> HEADER = CsvTables.RUNS_HEADER;

    private ScoresCsv() {
    }

    public static String render(SweepScores s) {
        return CsvTables.runs(s);
    }
}
