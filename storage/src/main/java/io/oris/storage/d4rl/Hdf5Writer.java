package io.oris.storage.d4rl;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes small HDF5 files from key → array maps with jHDF's writer (a key with '/' goes into groups), for the tests
 * that need D4RL- or Minari-shaped files with chosen keys, shapes and types, valid or not.
 */
public final class Hdf5Writer {
    private Hdf5Writer() {
    }

    /** Writes each key → array (float[][], double[], boolean[], int[][], String, ...) into {@code file}. */
    public static Path write(Path file, Map<String, Object> datasets) {
        try (WritableHdfFile out = HdfFile.write(file)) {
            Map<String, WritableGroup> groups = new HashMap<>();
            for (Map.Entry<String, Object> e : datasets.entrySet()) {
                String[] parts = e.getKey().split("/");
                WritableGroup parent = out;
                String path = "";
                for (int i = 0; i < parts.length - 1; i++) {
                    path = path + "/" + parts[i];
                    WritableGroup p = parent;
                    String name = parts[i];
                    parent = groups.computeIfAbsent(path, k -> p.putGroup(name));
                }
                parent.putDataset(parts[parts.length - 1], e.getValue());
            }
        }
        return file;
    }
}
