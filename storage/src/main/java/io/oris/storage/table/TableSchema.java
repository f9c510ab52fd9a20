package io.oris.storage.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The columns of a flat run table (one primitive value per column and row), e.g. {@code eval.parquet}:
 * step, episode, return, length, normalized score. String columns may be null; the others are required.
 */
public final class TableSchema {
    private final String name;
    private final Map<String, ColumnType> columns;

    private TableSchema(String name, Map<String, ColumnType> columns) {
        this.name = name;
        this.columns = columns;
    }

    /** Starts a schema; add columns in order with {@link Builder#column}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    public ColumnType type(String column) {
        ColumnType t = columns.get(column);
        if (t == null) {
            throw new IllegalArgumentException("table " + name + " has no column '" + column + "'; columns: " + columns.keySet());
        }
        return t;
    }

    public int size() {
        return columns.size();
    }

    /** The Parquet message type, as Spark writes non-null primitives (and nullable strings). */
    public MessageType toParquet() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Map.Entry<String, ColumnType> e : columns.entrySet()) {
            b.addField(field(e.getKey(), e.getValue()));
        }
        return b.named("spark_schema");
    }

    private static Type field(String name, ColumnType type) {
        return switch (type) {
            case LONG -> Types.required(PrimitiveTypeName.INT64).named(name);
            case INT -> Types.required(PrimitiveTypeName.INT32).named(name);
            case DOUBLE -> Types.required(PrimitiveTypeName.DOUBLE).named(name);
            case FLOAT -> Types.required(PrimitiveTypeName.FLOAT).named(name);
            case BOOLEAN -> Types.required(PrimitiveTypeName.BOOLEAN).named(name);
            case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
        };
    }

    /** Accumulates columns in order. */
    public static final class Builder {
        private final String name;
        private final Map<String, ColumnType> columns = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder column(String column, ColumnType type) {
            if (columns.put(column, type) != null) {
                throw new IllegalArgumentException("column '" + column + "' declared twice in table " + name);
            }
            return this;
        }

        public TableSchema build() {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("table " + name + " has no columns");
            }
            return new TableSchema(name, new LinkedHashMap<>(columns));
        }
    }
}
