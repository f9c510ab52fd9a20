package io.oris.pipeline.cli;

import io.oris.storage.AtomicPublish;
import io.oris.storage.csv.CsvFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of states (one row per state, columns {@code s0 … s(d-1)}) written as CSV, the form in which
 * {@code oris datasets export} and {@code oris gan sample} hand states to notebooks and scripts that have no Parquet
 * reader ({@code notebooks/states.ipynb} compares the two). Written under a temporary name and renamed when complete.
 */
final class StatesCsv {
    private StatesCsv() {
    }

    /** Writes {@code rows} states of {@code dim} values each, row-major in {@code states}, to {@code file}. */
    static void write(Path file, double[] states, int rows, int dim) {
        List<String> header = new ArrayList<>();
        for (int j = 0; j < dim; j++) {
            header.add("s" + j);
        }
        List<List<String>> table = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            List<String> row = new ArrayList<>(dim);
            for (int j = 0; j < dim; j++) {
                row.add(Float.toString((float) states[i * dim + j]));
            }
            table.add(row);
        }
        AtomicPublish.writeString(file, CsvFiles.render(header, table));
    }
}
