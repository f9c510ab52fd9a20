package io.oris.storage.csv;

import io.oris.storage.BadInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file as read by {@link CsvFiles#read}: its header names and its data rows, each row with its line number in
 * the file, so that a bad cell can be reported by file, line and column.
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {
    /** One data row: its line number in the file (header = line 1) and its cells in header order. */
    public record Row(long line, List<String> cells) {
    }

    /** The index of a header column, or a {@link BadInputException} naming the file and the columns it has. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new BadInputException(file, "header", "has no column '" + name + "'; its columns are " + header);
        }
        return i;
    }
}
