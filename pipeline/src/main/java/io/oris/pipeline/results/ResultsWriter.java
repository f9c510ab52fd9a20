package io.oris.pipeline.results;

import io.oris.pipeline.report.Bootstrap;
import io.oris.pipeline.report.CellKey;
import io.oris.pipeline.report.CellStats;
import io.oris.pipeline.report.Figure;
import io.oris.pipeline.report.Figures;
import io.oris.pipeline.report.Names;
import io.oris.pipeline.report.RunScore;
import io.oris.pipeline.report.ScoreAggregator;
import io.oris.pipeline.report.SweepScores;
import io.oris.pipeline.runs.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;

/**
 * Writes a results folder ({@code results/<name>/}) from a job's newest report and its run folders:
 * {@code README.md} ({@link ResultsReadme}), {@code scores.csv} ({@link ScoresCsv}), the learning curves (the
 * report's own PNGs, copied, or drawn the same way when the report lacks one) and the w(s) figures of the ORIS runs
 * that logged it ({@link WeightFigures}). The folder is staged under a hidden name and renamed into place when
 * complete; an existing folder is replaced only when asked. Charts are drawn off-screen (headless JVM).
 */
public final class ResultsWriter {
    /** What was written: the folder and its files. */
    public record Written(Path directory, List<String> files) {
        public Written {
            files = List.copyOf(files);
        }
    }

    private final Bootstrap bootstrap;

    public ResultsWriter(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Writes the results folder {@code out}.
     *
     * @param dataRoot  where the report's run folders are ({@code runs/<run-id>/train_metrics.parquet})
     * @param overwrite replace {@code out} when it exists
     * @throws IllegalArgumentException when {@code out} exists and {@code overwrite} is false
     */
    public Written write(JobSummary job, LatestReport report, Provenance provenance, Path dataRoot, Path out,
                         boolean overwrite) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !overwrite) {
            throw new IllegalArgumentException("results folder " + target + " already exists; choose another --out or pass"
                    + " --overwrite to replace it");
        }
        SweepScores scores = ScoreAggregator.aggregate(report.contents().runs(), report.contents().spec());
        List<Figure> curves = new ArrayList<>(Figures.learningCurves(scores));
        curves.addAll(io.oris.pipeline.report.PickPlaceFigures.returnCurves(scores));
        curves.addAll(io.oris.pipeline.report.PickPlaceFigures.successBars(scores));
        ResultsReadme.WeightSection weights = weights(scores, dataRoot);

        List<String> files = new ArrayList<>(List.of(ResultsReadme.FILE, ScoresCsv.FILE));
        Set<String> names = new HashSet<>(files);
        for (Figure f : concat(curves, weights.figures())) {
            if (!names.add(f.fileName())) {
                throw new IllegalStateException("two figures of " + job.dagId() + " are both named " + f.fileName());
            }
            files.add(f.fileName());
        }
        ResultsTables tables = new ResultsTables(bootstrap, scores.spec().decimals());
        String readme = ResultsReadme.render(job, scores, tables, bootstrap, report, provenance, curves, weights, files);

        io.oris.storage.AtomicPublish.writeFolder(target, dir -> {
            Files.writeString(dir.resolve(ScoresCsv.FILE), ScoresCsv.render(scores), StandardCharsets.UTF_8);
            for (Figure f : curves) {
                Path drawn = report.dir().resolve(f.fileName());
                if (Files.isRegularFile(drawn)) {
                    Files.copy(drawn, dir.resolve(f.fileName()));   // the report's own figure of exactly this
                } else {
                    png(dir, f);
                }
            }
            for (Figure f : weights.figures()) {
                png(dir, f);
            }
            Files.writeString(dir.resolve(ResultsReadme.FILE), readme, StandardCharsets.UTF_8);
            return null;
        });
        return new Written(target, files);
    }

    /** The w(s) figures of every ORIS cell with scores, and a note for each that logged part of it or none. */
    static ResultsReadme.WeightSection weights(SweepScores scores, Path dataRoot) {
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CellStats cell : ResultsTables.orderedCells(scores)) {
            CellKey k = cell.key();
            if (!Names.methodOf(k.column()).equals("oris") || !cell.hasScore()) {
                continue;
            }
            List<Path> metricFiles = cell.runs().stream().filter(RunScore::usable)
                    .map(r -> RunDirectory.of(dataRoot, r.run().runId()).trainMetricsFile()).toList();
            WeightCurves w = WeightCurves.read(metricFiles);
            String where = Names.display(k.column()) + ", " + Names.taskDataset(k.task(), k.dataset()) + ", "
                    + Names.gapDisplay(k.gap());
            if (w.isEmpty()) {
                notes.add(where + ": no w(s) metrics logged" + skipped(w) + ".");
                continue;
            }
            figures.addAll(WeightFigures.draw(k, w));
            if (!w.absent().isEmpty() || w.skipped() > 0) {
                notes.add(where + ": " + (w.absent().isEmpty() ? "every w(s) metric logged"
                        : "not logged: " + String.join(", ", w.absent().stream().map(m -> "`" + m + "`").toList()))
                        + skipped(w) + ".");
            }
        }
        return new ResultsReadme.WeightSection(figures, notes);
    }

    private static String skipped(WeightCurves w) {
        return w.skipped() == 0 ? "" : " (" + w.skipped() + " of " + (w.runs() + w.skipped())
                + " runs have no readable train_metrics.parquet under the data root)";
    }

    private static void png(Path dir, Figure f) throws IOException {
        Files.write(dir.resolve(f.fileName()), BitmapEncoder.getBitmapBytes(f.chart(), BitmapEncoder.BitmapFormat.PNG));
    }

    private static List<Figure> concat(List<Figure> a, List<Figure> b) {
        List<Figure> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
