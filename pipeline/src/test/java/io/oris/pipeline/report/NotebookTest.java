package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private static final String PYTHON = "/usr/bin/python3";
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

    private static String missingPython() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import nbclient, ipykernel, pandas, matplotlib")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : PYTHON
                    + " lacks a package (python3-nbclient python3-ipykernel python3-pandas python3-matplotlib): " + out.trim();
        } catch (IOException e) {
            return PYTHON + " cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean hasPyarrow() throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", "import pyarrow").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void reportNotebookRunsOnTheNewestReportFromCsv() throws Exception {
        String why = missingPython();
        Assumptions.assumeTrue(why == null, why + ": skipping the notebook execution");
        check(execute("csv"));
    }

    @Test
    void reportNotebookRunsFromParquetWherePyarrowIsThere() throws Exception {
        String why = missingPython();
        Assumptions.assumeTrue(why == null, why + ": skipping the notebook execution");
        Assumptions.assumeTrue(hasPyarrow(), "pyarrow is not importable (Debian 12 has no python3-pyarrow): the CSV run "
                + "covers the notebook");
        check(execute("parquet"));
    }

    /** Runs the notebook with the given data format and returns the text of all its outputs. */
    private static String execute(String format) throws Exception {
        Path work = root.resolve("nb-" + format);
        Files.createDirectories(work);
        Path runner = work.resolve("run_notebook.py");
        try (InputStream in = NotebookTest.class.getResourceAsStream("/notebook/run_notebook.py")) {
            Files.copy(in, runner, StandardCopyOption.REPLACE_EXISTING);
        }
        Path notebook = Path.of("..", "notebooks", "report.ipynb").toAbsolutePath().normalize();
        Path executed = work.resolve("executed.ipynb");
        ProcessBuilder pb = new ProcessBuilder(PYTHON, runner.toString(), notebook.toString(), executed.toString(),
                work.toString()).redirectErrorStream(true);
        pb.environment().put("ORIS_DATA_ROOT", root.toString());
        pb.environment().put("ORIS_JOB", JOB);
        pb.environment().put("ORIS_NOTEBOOK_FORMAT", format);
        pb.environment().put("MPLBACKEND", "module://matplotlib_inline.backend_inline");
        pb.environment().put("PATH", "/usr/bin:/bin:" + pb.environment().getOrDefault("PATH", ""));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "notebook did not finish in 10 minutes:\n" + log);
        assertEquals(0, p.exitValue(), "a cell of notebooks/report.ipynb failed (" + format + "):\n" + log);

        JsonNode nb = new ObjectMapper().readTree(executed.toFile());
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonNode cell : nb.get("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                assertTrue(!out.path("output_type").asText().equals("error"), "cell error: " + out);
                out.path("text").forEach(t -> text.append(t.asText()));
                JsonNode data = out.path("data");
                data.path("text/plain").forEach(t -> text.append(t.asText()));
                if (data.has("image/png")) {
                    images++;
                }
            }
        }
        assertTrue(images >= 4, "expected learning curves, Table I bars and ablation bars, found " + images + " images");
        return text.toString();
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
