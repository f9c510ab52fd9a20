package io.oris.storage.table;

import io.oris.storage.fs.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes a flat run table as one Parquet file without Spark. Rows go to a temporary file beside the
 * target, renamed into place by {@link #close()}; {@link #abort()} (or a failure) leaves no file behind, so
 * a crash never leaves a table that looks complete.
 */
public final class TableWriter implements AutoCloseable {
    private final TableSchema schema;
    private final Path target;
    private final Path temp;
    private final SimpleGroupFactory groups;
    private final List<String> names;
    private ParquetWriter<Group> writer;
    private long rows;

    private TableWriter(TableSchema schema, Path target) throws IOException {
        this.schema = schema;
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.temp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        this.groups = new SimpleGroupFactory(schema.toParquet());
        this.names = schema.columnNames();
        this.writer = ExampleParquetWriter.builder(ParquetFiles.output(temp))
                .withType(schema.toParquet())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withConf(new Configuration(false))
                .build();
    }

    /** Opens a writer for {@code target} (replaced when complete). */
    public static TableWriter open(TableSchema schema, Path target) {
        try {
            return new TableWriter(schema, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open table " + schema.name() + " at " + target + ": " + e.getMessage(), e);
        }
    }

    /** Appends a row given as values in column order. */
    public void write(Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("table " + schema.name() + " has " + names.size() + " columns " + names
                    + ", got " + values.length + " values");
        }
        Group g = groups.newGroup();
        for (int i = 0; i < values.length; i++) {
            put(g, names.get(i), values[i]);
        }
        try {
            writer.write(g);
            rows++;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write table " + schema.name() + " to " + target, e);
        }
    }

    /** Appends a row given as a map from column name to value. */
    public void write(Map<String, ?> row) {
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            if (!row.containsKey(names.get(i)) && schema.type(names.get(i)) != ColumnType.STRING) {
                throw new IllegalArgumentException("row for table " + schema.name() + " lacks column '" + names.get(i) + "'");
            }
            values[i] = row.get(names.get(i));
        }
        write(values);
    }

    private void put(Group g, String column, Object value) {
        ColumnType type = schema.type(column);
        if (value == null) {
            if (type == ColumnType.STRING) {
                return;
            }
            throw new IllegalArgumentException("column '" + column + "' of table " + schema.name() + " is required, got null");
        }
        try {
            switch (type) {
                case LONG -> g.add(column, ((Number) value).longValue());
                case INT -> g.add(column, ((Number) value).intValue());
                case DOUBLE -> g.add(column, ((Number) value).doubleValue());
                case FLOAT -> g.add(column, ((Number) value).floatValue());
                case BOOLEAN -> g.add(column, (Boolean) value);
                case STRING -> g.add(column, value.toString());
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("column '" + column + "' of table " + schema.name() + " expects " + type
                    + ", got " + value.getClass().getSimpleName() + " " + value);
        }
    }

    public long rows() {
        return rows;
    }

    /** Drops what was written; the target is left as it was. */
    public void abort() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the temporary file is deleted below either way
            }
            writer = null;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: a hidden .tmp file is never read as a table
        }
    }

    /** Finishes the file and renames it into place. */
    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
            writer = null;
            io.oris.storage.AtomicPublish.move(temp, target, true);
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot finish table " + schema.name() + " at " + target + ": " + e.getMessage(), e);
        }
    }
}
