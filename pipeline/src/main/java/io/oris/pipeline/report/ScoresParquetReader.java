package io.oris.pipeline.report;

import io.oris.storage.fs.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a report's {@code scores.parquet} ({@link ScoresParquet}) back into the run results it was written from,
 * so tools that start from a finished report (the results folder) score exactly the runs the report scored, with
 * the same last-K rule. The curves come back with their steps, returns and normalized scores; the episode count
 * of an evaluation is not stored and reads as 0.
 */
public final class ScoresParquetReader {
    private ScoresParquetReader() {
    }

    /** A report's runs and the rules they were scored by. */
    public record Contents(String sweepName, int lastK, List<RunResult> runs) {
        public Contents {
            runs = List.copyOf(runs);
        }

        /** The report's scoring options (its column order and decimals are the defaults). */
        public ReportSpec spec() {
            return ReportSpec.of(sweepName, lastK);
        }
    }

    /**
     * Reads every row of {@code file}. The sweep name and last K are those of the rows; a file without rows gives
     * {@code fallbackSweep} and last K 1.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when its rows disagree on the sweep or last K, or miss a column
     */
    public static Contents read(Path file, String fallbackSweep) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("no scores file " + file));
        }
        List<RunResult> runs = new ArrayList<>();
        String sweep = null;
        Integer lastK = null;
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.input(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    String rowSweep = g.getString("sweep", 0);
                    int rowK = g.getInteger("last_k", 0);
                    if ((sweep != null && !sweep.equals(rowSweep)) || (lastK != null && lastK != rowK)) {
                        throw new IllegalArgumentException(file + " mixes sweeps or last-K rules (" + sweep + "/" + lastK
                                + " and " + rowSweep + "/" + rowK + ")");
                    }
                    sweep = rowSweep;
                    lastK = rowK;
                    runs.add(run(g));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("cannot read " + file + " as a report's scores.parquet: " + e.getMessage(), e);
        }
        return new Contents(sweep == null ? fallbackSweep : sweep, lastK == null ? 1 : lastK, runs);
    }

    private static RunResult run(Group g) {
        String method = g.getString("method", 0);
        // the file stores the column (method-variant) as the variant, a form RunResult accepts
        String variant = g.getString("variant", 0);
        String error = g.getFieldRepetitionCount("error") > 0 ? g.getString("error", 0) : null;
        List<EvalPoint> curve = new ArrayList<>();
        if (g.getFieldRepetitionCount("curve_step") > 0) {
            Group steps = g.getGroup("curve_step", 0);
            Group scores = g.getGroup("curve_normalized_score", 0);
            Group returns = g.getGroup("curve_return", 0);
            int n = steps.getFieldRepetitionCount("list");
            int[] episodes = counts(g, "curve_episodes", n);
            int[] reached = counts(g, "curve_reached", n);
            int[] picked = counts(g, "curve_picked", n);
            int[] placed = counts(g, "curve_placed", n);
            for (int i = 0; i < n; i++) {
                curve.add(new EvalPoint(steps.getGroup("list", i).getLong("element", 0),
                        returns.getGroup("list", i).getDouble("element", 0),
                        scores.getGroup("list", i).getDouble("element", 0), episodes[i], reached[i], picked[i],
                        placed[i]));
            }
        }
        return new RunResult(g.getString("run_id", 0), method, variant, g.getString("task", 0),
                g.getString("dataset", 0), g.getString("gap", 0), g.getLong("seed", 0), g.getString("status", 0),
                error, curve);
    }

    /**
     * An int list column of the curve ({@code curve_episodes} and the pick-place success counts), zeros when the
     * file predates it.
     */
    private static int[] counts(Group g, String column, int n) {
        int[] out = new int[n];
        if (!g.getType().containsField(column) || g.getFieldRepetitionCount(column) == 0) {
            return out;
        }
        Group list = g.getGroup(column, 0);
        for (int i = 0; i < Math.min(n, list.getFieldRepetitionCount("list")); i++) {
            out[i] = list.getGroup("list", i).getInteger("element", 0);
        }
        return out;
    }
}
