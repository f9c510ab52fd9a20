package io.oris.pipeline.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;

/**
 * The entry point of the report renderer: takes the run results of one sweep and writes its report folder
 * ({@code scores.parquet}, the tables as Markdown, CSV and LaTeX, the figures as PNG, {@code index.html}
 * and a {@code report.json} manifest). The folder is written under a temporary name and renamed into
 * place when complete. Charts are drawn off-screen; run the JVM with {@code -Djava.awt.headless=true}.
 */
public final class ReportWriter {
    private static final com.fasterxml.jackson.databind.ObjectMapper REPORT_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    /** Folder of the CSV tables inside the report. */
    public static final String CSV_DIR = "csv";

    private final List<FigureStep> figureSteps;

    /** A writer drawing the standard figures ({@link Figures#standardSteps()}). */
    public ReportWriter() {
        this(Figures.standardSteps());
    }

    /** A writer drawing the given figure kinds, in that order. */
    public ReportWriter(List<FigureStep> figureSteps) {
        this.figureSteps = List.copyOf(figureSteps);
    }

    /** The report folder of a sweep under a data root: {@code <dataRoot>/reports/<sweepName>}. */
    public static Path reportDir(Path dataRoot, String sweepName) {
        return dataRoot.resolve("reports").resolve(sweepName);
    }

    /**
     * Writes the report of {@code runs} to {@code reportDir}, replacing an earlier report there only once
     * the new one is complete.
     *
     * @throws IllegalArgumentException when the runs are inconsistent (e.g. a run id twice)
     * @throws UncheckedIOException     when a file cannot be written; the previous report (if any) stays
     */
    public ReportResult write(List<RunResult> runs, ReportSpec spec, Path reportDir) {
        SweepScores scores = ScoreAggregator.aggregate(runs, spec);
        List<ReportTable> tables = ReportTables.all(scores);
        String terminal = terminalTables(scores);
        Path target = reportDir.toAbsolutePath();
        List<String> files = io.oris.storage.AtomicPublish.writeFolder(target, dir -> fill(dir, scores, tables, terminal));
        return new ReportResult(target, target.resolve(HtmlReport.FILE), target.resolve(ScoresParquet.FILE), files,
                terminal);
    }

    /** The Table-I-shaped tables (one per gap) of {@code runs} as aligned plain text, without writing anything. */
    public static String terminalTables(List<RunResult> runs, ReportSpec spec) {
        return terminalTables(ScoreAggregator.aggregate(runs, spec));
    }

    /** The Table-I-shaped tables of a scored sweep (and Table III for pick-place) as aligned plain text. */
    public static String terminalTables(SweepScores scores) {
        List<ReportTable> tableOne = new ArrayList<>(ReportTables.tableOne(scores));
        tableOne.addAll(PickPlaceTables.tables(scores));
        if (tableOne.isEmpty()) {
            return "No scores in sweep " + scores.spec().sweepName() + " (" + scores.runs().size() + " runs).\n";
        }
        return PlainTextTables.render(tableOne, scores.spec().decimals());
    }

    private List<String> fill(Path dir, SweepScores scores, List<ReportTable> tables, String terminal)
            throws IOException {
        int d = scores.spec().decimals();
        List<String> files = new ArrayList<>();
        ScoresParquet.write(dir.resolve(ScoresParquet.FILE), scores);
        files.add(ScoresParquet.FILE);
        io.oris.storage.PausePoint.reach("report-write");

        String heading = "Sweep " + scores.spec().sweepName();
        files.add(text(dir, "tables.md", MarkdownTables.render(heading, tables, d)));
        files.add(text(dir, "tables.tex", LatexTables.render(
                tables.stream().filter(t -> !t.id().equals("runs")).toList(), d)));
        files.add(text(dir, "tables.txt", terminal));
        Files.createDirectory(dir.resolve(CSV_DIR));
        for (ReportTable t : tables) {
            files.add(text(dir, CSV_DIR + "/" + t.id() + ".csv", CsvTables.render(t, d)));
        }
        files.add(text(dir, CSV_DIR + "/cells.csv", CsvTables.cells(scores)));
        files.add(text(dir, CSV_DIR + "/scores.csv", CsvTables.runs(scores)));
        files.add(text(dir, CSV_DIR + "/curves.csv", CsvTables.curves(scores)));

        List<HtmlReport.Image> images = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FigureStep step : figureSteps) {
            for (Figure f : step.draw(scores)) {
                if (!names.add(f.fileName())) {
                    throw new IllegalStateException("two figures of sweep " + scores.spec().sweepName()
                            + " are both named " + f.fileName());
                }
                byte[] png = BitmapEncoder.getBitmapBytes(f.chart(), BitmapEncoder.BitmapFormat.PNG);
                Files.write(dir.resolve(f.fileName()), png);
                files.add(f.fileName());
                images.add(new HtmlReport.Image(f.fileName(), f.section(), f.title(), png));
            }
        }
        files.add(text(dir, HtmlReport.FILE, HtmlReport.render(scores, tables, images)));
        files.add("report.json");
        text(dir, "report.json", manifest(scores, files));
        return files;
    }

    private static String text(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        return name;
    }

    private static String manifest(SweepScores s, List<String> files) throws IOException {
        long ok = s.runs().stream().filter(r -> r.run().status().equals(RunResult.SUCCEEDED)).count();
        long failed = s.runs().stream().filter(RunScore::failed).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", s.spec().sweepName());
        m.put("created", Instant.now().toString());
        m.put("last_k", s.spec().lastK());
        m.put("runs", s.runs().size());
        m.put("succeeded", ok);
        m.put("failed", failed);
        m.put("missing", s.runs().size() - ok - failed);
        m.put("files", files);
        return REPORT_JSON.writeValueAsString(m) + "\n";
    }
}
