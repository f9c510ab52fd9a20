package io.oris.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run tables round-trip through real Parquet files; unfinished writes leave nothing behind. */
class TableRoundTripTest {
    static final TableSchema EVAL = TableSchema.builder("eval")
            .column("step", ColumnType.LONG).column("episode", ColumnType.INT)
            .column("return", ColumnType.DOUBLE).column("ok", ColumnType.BOOLEAN)
            .column("note", ColumnType.STRING).build();

    @TempDir
    Path dir;

    @Test
    void rowsRoundTrip() {
        Path file = dir.resolve("eval.parquet");
        try (TableWriter w = TableWriter.open(EVAL, file)) {
            w.write(1000L, 0, 123.5, true, "a");
            w.write(Map.of("step", 2000L, "episode", 1, "return", -4.25, "ok", false));
            assertFalse(Files.exists(file), "the table appears only when complete");
        }
        List<Map<String, Object>> rows = TableReader.readAll(file);
        assertEquals(2, rows.size());
        assertEquals(1000L, rows.get(0).get("step"));
        assertEquals(123.5, rows.get(0).get("return"));
        assertEquals("a", rows.get(0).get("note"));
        assertEquals(-4.25, rows.get(1).get("return"));
        assertEquals(false, rows.get(1).get("ok"));
        assertNull(rows.get(1).get("note"));
    }

    @Test
    void abortedWriteLeavesNothing() throws Exception {
        Path file = dir.resolve("eval.parquet");
        TableWriter w = TableWriter.open(EVAL, file);
        w.write(1L, 0, 1.0, true, null);
        w.abort();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void badRowsAndFilesAreNamed() throws Exception {
        try (TableWriter w = TableWriter.open(EVAL, dir.resolve("x.parquet"))) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.write(1L, 0))
                    .getMessage().contains("5 columns"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.write("x", 0, 1.0, true, null))
                    .getMessage().contains("'step'"));
            w.abort();
        }
        Path junk = dir.resolve("junk.parquet");
        Files.writeString(junk, "PAR1 not really");
        assertTrue(assertThrows(UncheckedIOException.class, () -> TableReader.readAll(junk))
                .getMessage().contains(junk.toString()));
    }
}
