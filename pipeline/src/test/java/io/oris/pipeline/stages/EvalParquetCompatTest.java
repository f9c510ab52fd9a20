package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oris.pipeline.report.EvalPoint;
import io.oris.storage.table.ColumnType;
import io.oris.storage.table.TableSchema;
import io.oris.storage.table.TableWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval.parquet} files of both layouts are read: the current one with Reach/Pick/Place, and the older five columns. */
class EvalParquetCompatTest {
    @Test
    void flagsAreCountedAndOldFilesReadWithoutThem(@TempDir Path dir) {
        Path current = dir.resolve("eval.parquet");
        try (TableWriter w = TableWriter.open(EvaluateStage.SCHEMA, current)) {
            w.write(0L, 0, -15.0, 150, Double.NaN, false, false, false);
            w.write(0L, 1, 5.0, 80, Double.NaN, true, true, true);
            w.write(0L, 2, -10.0, 150, Double.NaN, true, true, false);
        }
        EvalPoint p = AggregateStage.curve(current).get(0);
        assertEquals(List.of(3, 2, 2, 1), List.of(p.episodes(), p.reached(), p.picked(), p.placed()));
        assertEquals(-20.0 / 3, p.meanReturn(), 1e-12);

        TableSchema old = TableSchema.builder("eval").column("step", ColumnType.LONG).column("episode", ColumnType.INT)
                .column("return", ColumnType.DOUBLE).column("length", ColumnType.INT)
                .column("normalized_score", ColumnType.DOUBLE).build();
        Path before = dir.resolve("old.parquet");
        try (TableWriter w = TableWriter.open(old, before)) {
            w.write(1000L, 0, 300.0, 1000, 10.0);
            w.write(1000L, 1, 500.0, 1000, 20.0);
        }
        EvalPoint q = AggregateStage.curve(before).get(0);
        assertEquals(List.of(2, 0, 0, 0), List.of(q.episodes(), q.reached(), q.picked(), q.placed()));
        assertEquals(15.0, q.meanNormalizedScore(), 1e-12);
    }
}
