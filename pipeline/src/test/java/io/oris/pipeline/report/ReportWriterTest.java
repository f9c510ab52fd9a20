package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the synthetic sweep once and checks every output against values recomputed here from the raw
 * run results: scores.parquet, the Markdown Table I numbers, failed and missing seeds, the HTML page and
 * its PNGs, the terminal table; and that a failing step leaves no report folder behind.
 */
class ReportWriterTest {
    private static final int LAST_K = 2;
    private static final ReportSpec SPEC = ReportSpec.of("unit-sweep", LAST_K);

    @TempDir
    static Path root;
    static List<RunResult> runs;
    static ReportResult result;

    @BeforeAll
    static void render() {
        runs = SyntheticSweep.runs();
        result = new ReportWriter().write(runs, SPEC, ReportWriter.reportDir(root, SPEC.sweepName()));
    }

    @Test
    void reportFolderHasTheExpectedFiles() {
        Path dir = result.directory();
        assertEquals(root.resolve("reports/unit-sweep").toAbsolutePath(), dir);
        for (String f : List.of("scores.parquet", "index.html", "tables.md", "tables.tex", "tables.txt", "report.json",
                "csv/table1_gravity-2.0.csv", "csv/table1_friction-0.3.csv", "csv/table1_gravity-3.0.csv",
                "csv/table2.csv", "csv/cells.csv", "csv/runs.csv", "csv/scores.csv", "csv/curves.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), "missing " + f);
        }
        for (String f : result.files()) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), "listed but absent: " + f);
        }
        assertTrue(pngs(dir).stream().anyMatch(p -> p.startsWith("small_data_hopper-medium-replay")), "small-data figure");
        assertTrue(pngs(dir).stream().anyMatch(p -> p.startsWith("robustness_gravity_hopper-medium-replay")), "robustness figure");
        assertTrue(pngs(dir).stream().anyMatch(p -> p.startsWith("ablation_oris_hopper-medium-replay")), "ablation figure");
        assertTrue(pngs(dir).contains("curve_hopper-medium-replay_gravity-2.0.png"), "learning curves " + pngs(dir));
        assertFalse(pngs(dir).stream().anyMatch(p -> p.startsWith("robustness_friction")), "one friction gap: no robustness");
    }

    @Test
    void scoresParquetHasOneRowPerRunWithTheRightValues() throws IOException {
        Map<String, Group> rows = readParquet(result.scores());
        assertEquals(runs.size(), rows.size(), "one row per run");
        for (RunResult run : runs) {
            Group g = rows.get(run.runId());
            assertNotNull(g, "no row for " + run.runId());
            assertEquals(run.method(), g.getString("method", 0));
            assertEquals(run.variant().isEmpty() ? "" : run.column(), g.getString("variant", 0));
            assertEquals(run.task(), g.getString("task", 0));
            assertEquals(run.dataset(), g.getString("dataset", 0));
            assertEquals(run.gap(), g.getString("gap", 0));
            assertEquals(run.seed(), g.getLong("seed", 0));
            assertEquals(run.status(), g.getString("status", 0));
            assertEquals(run.curve().size(), g.getInteger("eval_points", 0));
            if (run.status().equals(RunResult.SUCCEEDED)) {
                assertEquals(finalScore(run), g.getDouble("final_normalized_score", 0), 1e-9, run.runId());
                assertEquals(SyntheticSweep.POINTS, g.getGroup("curve_step", 0).getFieldRepetitionCount("list"));
                Group last = g.getGroup("curve_normalized_score", 0).getGroup("list", SyntheticSweep.POINTS - 1);
                assertEquals(run.curve().get(SyntheticSweep.POINTS - 1).meanNormalizedScore(), last.getDouble("element", 0));
            } else {
                assertEquals(0, g.getFieldRepetitionCount("final_normalized_score"), "no score for " + run.runId());
            }
            if (run.status().equals(RunResult.FAILED)) {
                assertEquals(run.error(), g.getString("error", 0));
            } else {
                assertEquals(0, g.getFieldRepetitionCount("error"));
            }
        }
    }

    @Test
    void markdownTableOneNumbersEqualAnIndependentMeanAndStd() throws IOException {
        String md = Files.readString(result.directory().resolve("tables.md"));
        for (String gap : List.of(SyntheticSweep.G2, SyntheticSweep.F03)) {
            Map<String, Map<String, String>> table = markdownTable(md, "## Table I: normalized score, " + Names.gapDisplay(gap));
            assertEquals(List.of("hopper-medium-replay", "hopper-medium", "walker2d-medium-replay", "walker2d-medium", "Average"),
                    new ArrayList<>(table.keySet()), "rows in paper order, subsets left out");
            assertEquals(List.of("BC", "CQL", "SAC", "H2O", "ORIS"), new ArrayList<>(table.get("Average").keySet()));
            int checked = 0;
            for (String row : List.of("hopper-medium-replay", "hopper-medium", "walker2d-medium-replay", "walker2d-medium")) {
                String task = row.substring(0, row.indexOf('-'));
                String dataset = row.substring(row.indexOf('-') + 1);
                for (String column : List.of("bc", "cql", "sac", "h2o", "oris")) {
                    String shown = table.get(row).get(Names.display(column)).replace("**", "");
                    List<RunResult> seeds = cellRuns(column, task, dataset, gap);
                    double[] finals = seeds.stream().filter(r -> r.status().equals(RunResult.SUCCEEDED))
                            .mapToDouble(ReportWriterTest::finalScore).toArray();
                    if (finals.length == 0) {
                        assertTrue(shown.startsWith("failed (" + seeds.size() + "/" + seeds.size() + ")"), shown);
                        continue;
                    }
                    String expected = fmt(mean(finals)) + " ± " + fmt(sampleStd(finals));
                    assertTrue(shown.startsWith(expected), row + " " + column + ": expected " + expected + " got " + shown);
                    if (finals.length < seeds.size()) {
                        assertTrue(shown.contains("(n=" + finals.length + "/" + seeds.size()), shown);
                    } else {
                        assertFalse(shown.contains("n="), shown);
                    }
                    checked++;
                }
            }
            assertEquals(19, checked, "cells with scores checked under " + gap);
        }
    }

    @Test
    void failedAndMissingSeedsAreShownAndExcluded() throws IOException {
        String md = Files.readString(result.directory().resolve("tables.md"));
        Map<String, Map<String, String>> g2 = markdownTable(md, "## Table I: normalized score, gravity ×2.0");
        String oris = g2.get("hopper-medium").get("ORIS");
        assertTrue(oris.contains("(n=2/3; failed 1/3)"), oris);
        double[] two = cellRuns("oris", "hopper", "medium", SyntheticSweep.G2).stream()
                .filter(r -> r.status().equals(RunResult.SUCCEEDED)).mapToDouble(ReportWriterTest::finalScore).toArray();
        assertEquals(2, two.length);
        assertTrue(oris.replace("**", "").startsWith(fmt(mean(two))), oris);
        assertEquals("failed (3/3)", g2.get("walker2d-medium").get("CQL"));
        Map<String, Map<String, String>> f = markdownTable(md, "## Table I: normalized score, friction ×0.3");
        assertTrue(f.get("walker2d-medium").get("H2O").contains("(n=2/3; missing 1/3)"), f.get("walker2d-medium").get("H2O"));
        String html = Files.readString(result.html());
        assertTrue(html.contains("failed (3/3)") && html.contains("failed 1/3"), "HTML shows failures");
        assertTrue(html.contains("NaN in critic loss"), "HTML lists the error of the failed run");
    }

    @Test
    void variantsGetAblationTablesAndAreNotColumnsOfTableOne() throws IOException {
        String md = Files.readString(result.directory().resolve("tables.md"));
        Map<String, Map<String, String>> oris = markdownTable(md, "## ORIS ablation: hopper-medium-replay, gravity ×2.0");
        assertEquals(List.of("Original", "w/o restart", "H2O reweight"), new ArrayList<>(oris.keySet()));
        Map<String, Map<String, String>> h2o = markdownTable(md, "## H2O ablation: hopper-medium-replay, gravity ×2.0");
        assertEquals(List.of("H2O", "H2O-a", "H2O-dr", "CQL", "SAC"), new ArrayList<>(h2o.get("Adaptive").keySet()));
        assertEquals("✗", h2o.get("Adaptive").get("H2O-a"));
        assertEquals("✗", h2o.get("Modified").get("H2O-dr"));
        double[] a = cellRuns("h2o-a", "hopper", "medium-replay", SyntheticSweep.G2).stream()
                .mapToDouble(ReportWriterTest::finalScore).toArray();
        assertTrue(h2o.get("Normalized score").get("H2O-a").replace("**", "")
                .startsWith(fmt(mean(a)) + " ± " + fmt(sampleStd(a))));
        Map<String, Map<String, String>> g2 = markdownTable(md, "## Table I: normalized score, gravity ×2.0");
        assertFalse(g2.get("Average").containsKey("H2O-a"));
    }

    @Test
    void htmlIsSelfContainedAndShowsEveryPng() throws IOException {
        String html = Files.readString(result.html());
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no remote references");
        assertFalse(html.contains("<link") || html.contains("<script"), "no external stylesheets or scripts");
        Matcher src = Pattern.compile("<img src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), "image not embedded: " + src.group(1));
            byte[] png = Base64.getDecoder().decode(src.group(1).substring("data:image/png;base64,".length()));
            assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), "embedded image is not a PNG");
            images++;
        }
        List<String> pngs = pngs(result.directory());
        assertEquals(pngs.size(), images, "one embedded image per PNG file");
        for (String png : pngs) {
            assertTrue(html.contains("href=\"" + png + "\""), "HTML does not reference " + png);
        }
        Matcher href = Pattern.compile("href=\"([^\"#]+)\"").matcher(html);
        while (href.find()) {
            assertTrue(Files.isRegularFile(result.directory().resolve(href.group(1))), "dangling link " + href.group(1));
        }
    }

    @Test
    void everyPngDecodes() throws IOException {
        List<String> pngs = pngs(result.directory());
        assertTrue(pngs.size() >= 10, "figures: " + pngs);
        for (String png : pngs) {
            BufferedImage img = ImageIO.read(result.directory().resolve(png).toFile());
            assertNotNull(img, png + " does not decode");
            assertEquals(Figures.WIDTH, img.getWidth(), png);
            assertEquals(Figures.HEIGHT, img.getHeight(), png);
        }
    }

    @Test
    void terminalTablesAreAligned() throws IOException {
        String text = result.terminalTables();
        assertEquals(text, Files.readString(result.directory().resolve("tables.txt")));
        assertEquals(text, ReportWriter.terminalTables(runs, SPEC));
        String[] tables = text.split("\n\n");
        assertEquals(3, tables.length, "one Table I per gap: gravity ×2, gravity ×3, friction ×0.3");
        for (String t : tables) {
            List<String> lines = t.lines().toList();
            assertTrue(lines.get(0).startsWith("Table I"), lines.get(0));
            int width = lines.get(1).length();
            for (String l : lines.subList(1, lines.size())) {
                assertEquals(width, l.length(), "misaligned line: " + l);
            }
            assertTrue(lines.get(lines.size() - 1).startsWith("Average"));
        }
    }

    @Test
    void latexAndCsvCarryTheSameNumbers() throws IOException {
        String tex = Files.readString(result.directory().resolve("tables.tex"));
        assertTrue(tex.contains("\\begin{tabular}") && tex.contains("\\bottomrule"));
        assertEquals(count(tex, "\\begin{table}"), count(tex, "\\end{table}"));
        String csv = Files.readString(result.directory().resolve("csv/table1_gravity-2.0.csv"));
        List<String> lines = csv.lines().toList();
        assertEquals("Task,BC,CQL,SAC,H2O,ORIS", lines.get(0));
        double[] sac = cellRuns("sac", "hopper", "", SyntheticSweep.G2).stream()
                .mapToDouble(ReportWriterTest::finalScore).toArray();
        String sacText = fmt(mean(sac)) + " ± " + fmt(sampleStd(sac));
        assertTrue(lines.get(1).contains(sacText) && lines.get(2).contains(sacText),
                "sim-only SAC fills every hopper row: " + lines.subList(1, 3));
        assertTrue(tex.contains(sacText.replace(" ± ", " \\pm ")), "LaTeX has SAC's " + sacText);
    }

    @Test
    void aFailingStepLeavesNoReportFolder(@TempDir Path other) throws IOException {
        FigureStep broken = s -> {
            throw new IllegalStateException("figure step failed on purpose");
        };
        ReportWriter failing = new ReportWriter(List.of(Figures::smallData, broken));
        Path target = ReportWriter.reportDir(other, "crashy");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.write(runs, SPEC, target));
        assertEquals("figure step failed on purpose", e.getMessage());
        assertFalse(Files.exists(target), "a half report was left at " + target);
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(List.of(), left.toList(), "temporary folders left behind");
        }

        // an earlier complete report survives a failing rewrite untouched
        ReportResult first = new ReportWriter(List.of()).write(runs, SPEC, target);
        String before = Files.readString(first.html());
        assertThrows(IllegalStateException.class, () -> failing.write(runs, SPEC, target));
        assertEquals(before, Files.readString(target.resolve("index.html")));
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(List.of(target.toAbsolutePath()), left.map(Path::toAbsolutePath).toList());
        }
    }

    // ---- independent recomputation and parsing helpers ----

    /** Mean normalized score of the last K eval points, computed here without the production code. */
    static double finalScore(RunResult run) {
        List<EvalPoint> c = run.curve();
        double sum = 0;
        int k = Math.min(LAST_K, c.size());
        for (int i = c.size() - k; i < c.size(); i++) {
            sum += c.get(i).meanNormalizedScore();
        }
        return sum / k;
    }

    /** The runs filling a Table I cell: exact, else the method's offline runs, else its sim-only runs. */
    static List<RunResult> cellRuns(String column, String task, String dataset, String gap) {
        for (String[] key : new String[][] {{dataset, gap}, {dataset, RunResult.REAL}, {"", gap}}) {
            List<RunResult> found = runs.stream().filter(r -> r.column().equals(column) && r.task().equals(task)
                    && r.dataset().equals(key[0]) && r.gap().equals(key[1])).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        throw new AssertionError("no runs for " + column + " " + task + " " + dataset + " " + gap);
    }

    /** One decimal, rounded from the exact binary value half-to-even (as Python and pandas print). */
    static String fmt(double v) {
        return new java.math.BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sampleStd(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** The Markdown table under {@code heading}: row label → (header → cell text). */
    static Map<String, Map<String, String>> markdownTable(String md, String heading) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(heading) + "( \\(.*)?$").matcher(md);
        assertTrue(m.find(), "no table '" + heading + "' in tables.md");
        int at = m.start();
        List<String> lines = md.substring(at).lines().skip(2).takeWhile(l -> l.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> c = cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i < c.size(); i++) {
                row.put(header.get(i), c.get(i));
            }
            table.put(c.get(0).replace("**", ""), row);
        }
        return table;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        List<String> out = new ArrayList<>();
        for (String c : inner.split(" \\| ", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    static Map<String, Group> readParquet(Path file) throws IOException {
        Map<String, Group> rows = new HashMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    assertNull(rows.put(g.getString("run_id", 0), g), "run id twice in scores.parquet");
                }
            }
        }
        return rows;
    }

    static List<String> pngs(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
