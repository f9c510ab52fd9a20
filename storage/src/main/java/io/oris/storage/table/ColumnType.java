package io.oris.storage.table;

/** The primitive column types of the run tables (metrics, evaluations, scores). */
public enum ColumnType {
    LONG, INT, DOUBLE, FLOAT, BOOLEAN, STRING
}
