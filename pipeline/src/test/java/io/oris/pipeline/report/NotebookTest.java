package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notebooks/report.ipynb} runs headless (nbclient, Debian's {@code python3-nbclient python3-ipykernel
 * python3-pandas python3-matplotlib}, installed by the launcher) against a report this test writes with the real
 * {@link ReportWriter}: two versions of one job, of which it must pick the newer; no cell may fail, its Table I
 * must show the report's own cell statistics, and it must draw the learning curves, the bars and the ablation bars.
 * Read from the CSV files, and from {@code scores.parquet} as well where {@code pyarrow} is importable.
 */
class NotebookTest {
    private static final String PYTHON = NotebookRunner.PYTHON;
    private static final String JOB = "nb-sweep";

    @TempDir
    static Path root;
    static Path newest;

    @BeforeAll
    static void writeTwoReportVersions() {
        List<RunResult> runs = SyntheticSweep.runs();
        ReportSpec spec = ReportSpec.of(JOB, 2);
        Path base = root.resolve("reports").resolve(JOB);
        new ReportWriter().write(runs.subList(0, 12), spec, base.resolve("v0001"));
        newest = new ReportWriter().write(runs, spec, base.resolve("v0002")).directory();
    }

    private static boolean hasPyarrow() throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", "import pyarrow").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void reportNotebookRunsOnTheNewestReportFromCsv() throws Exception {
        String why = NotebookRunner.missingPython();
        Assumptions.assumeTrue(why == null, why + ": skipping the notebook execution");
        check(execute("csv"));
    }

    @Test
    void reportNotebookRunsFromParquetWherePyarrowIsThere() throws Exception {
        String why = NotebookRunner.missingPython();
        Assumptions.assumeTrue(why == null, why + ": skipping the notebook execution");
        Assumptions.assumeTrue(hasPyarrow(), "pyarrow is not importable (Debian 12 has no python3-pyarrow): the CSV run "
                + "covers the notebook");
        check(execute("parquet"));
    }

    /** Runs the notebook with the given data format and returns the text of all its outputs. */
    private static String execute(String format) throws Exception {
        NotebookRunner.Outputs out = NotebookRunner.execute("report.ipynb", root.resolve("nb-" + format),
                Map.of("ORIS_DATA_ROOT", root.toString(), "ORIS_JOB", JOB, "ORIS_NOTEBOOK_FORMAT", format));
        assertTrue(out.images() >= 4, "expected learning curves, Table I bars and ablation bars, found " + out.images()
                + " images");
        return out.text();
    }

    /** The notebook read the newest version and its Table I cells equal the report's own cell statistics. */
    private static void check(String output) throws IOException {
        assertTrue(output.contains("report: " + newest.toRealPath()), "the newest version, " + newest + ":\n" + output);
        assertTrue(output.contains(SyntheticSweep.runs().size() + " runs"), output);
        List<String[]> cells = new ArrayList<>();
        for (String line : Files.readAllLines(newest.resolve("csv/cells.csv"))) {
            cells.add(line.split(",", -1));
        }
        int checked = 0;
        for (String[] c : cells.subList(1, cells.size())) {
            // column, method, variant, task, dataset, gap, seeds, n, failed, missing, score_mean, score_std, ...
            if (c[10].isEmpty() || c[4].contains("@") || !c[2].isEmpty()) {
                continue;
            }
            double mean = Double.parseDouble(c[10]);
            double std = c[11].isEmpty() ? 0.0 : Double.parseDouble(c[11]);
            // pandas sums in another order than Java: a mean of 45.549999... here may be 45.550000...1 there, so the
            // cell may round either way where the value sits on a rounding boundary
            List<String> shown = new ArrayList<>();
            for (double dm : new double[] {-1e-9, 1e-9}) {
                for (double ds : new double[] {-1e-9, 1e-9}) {
                    shown.add(String.format(Locale.ROOT, "%.1f ± %.1f", mean + dm * Math.max(1, Math.abs(mean)),
                            Math.max(0, std + ds * Math.max(1, std))));
                }
            }
            assertTrue(shown.stream().anyMatch(output::contains),
                    "Table I cell " + String.join(",", c) + " shown as one of " + shown + ":\n" + output);
            checked++;
        }
        assertTrue(checked >= 20, "checked " + checked + " cells");
    }
}
