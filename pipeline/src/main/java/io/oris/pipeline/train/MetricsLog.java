package io.oris.pipeline.train;

import io.oris.storage.table.ColumnType;
import io.oris.storage.table.TableReader;
import io.oris.storage.table.TableSchema;
import io.oris.storage.table.TableWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Training metrics of a run in long form (step, metric, value), so every method can log its own loss terms;
 * written to {@code train_metrics.parquet} atomically each time it is flushed, and reloaded on resume.
 */
public final class MetricsLog {
    /** Schema of {@code train_metrics.parquet}. */
    public static final TableSchema SCHEMA = TableSchema.builder("train_metrics")
            .column("step", ColumnType.LONG)
            .column("metric", ColumnType.STRING)
            .column("value", ColumnType.DOUBLE)
            .build();

    private final Path file;
    private final List<Object[]> rows = new ArrayList<>();

    /** Opens the log of {@code file}, keeping rows up to {@code upToStep} from an earlier attempt. */
    public MetricsLog(Path file, long upToStep) {
        this.file = file;
        if (Files.exists(file)) {
            for (Map<String, Object> r : TableReader.readAll(file)) {
                long step = (Long) r.get("step");
                if (step <= upToStep) {
                    rows.add(new Object[] {step, r.get("metric"), r.get("value")});
                }
            }
        }
    }

    public void add(long step, String metric, double value) {
        rows.add(new Object[] {step, metric, value});
    }

    public void addAll(long step, Map<String, Double> metrics) {
        metrics.forEach((k, v) -> add(step, k, v));
    }

    /** Rewrites the Parquet file with every row so far. */
    public void flush() {
        try (TableWriter w = TableWriter.open(SCHEMA, file)) {
            for (Object[] r : rows) {
                w.write(r);
            }
        }
    }
}
