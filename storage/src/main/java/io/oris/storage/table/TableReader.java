package io.oris.storage.table;

import io.oris.storage.fs.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Reads a flat Parquet table (a run table, or any file of primitive columns) into rows of name → value. */
public final class TableReader {
    private TableReader() {
    }

    /** All rows of {@code file}; a missing or truncated file throws with the path and the reason. */
    public static List<Map<String, Object>> readAll(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("table " + file + " does not exist"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.input(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(toMap(records.read()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read Parquet table " + file
                    + " (truncated or not a Parquet file?): " + e.getMessage(), e));
        }
        return rows;
    }

    private static Map<String, Object> toMap(Group g) {
        GroupType type = g.getType();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type field = type.getType(i);
            if (g.getFieldRepetitionCount(i) == 0) {
                row.put(field.getName(), null);
                continue;
            }
            if (!field.isPrimitive()) {
                row.put(field.getName(), g.getGroup(i, 0).toString());
                continue;
            }
            PrimitiveType p = field.asPrimitiveType();
            Object value = switch (p.getPrimitiveTypeName()) {
                case INT64 -> g.getLong(i, 0);
                case INT32 -> g.getInteger(i, 0);
                case DOUBLE -> g.getDouble(i, 0);
                case FLOAT -> g.getFloat(i, 0);
                case BOOLEAN -> g.getBoolean(i, 0);
                case BINARY -> g.getString(i, 0);
                default -> g.getValueToString(i, 0);
            };
            row.put(field.getName(), value);
        }
        return row;
    }
}
