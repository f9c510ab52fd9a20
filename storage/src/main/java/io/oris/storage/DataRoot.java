package io.oris.storage;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The folder layout under the data root, in one place: {@code datasets/<id>/manifest.json} beside
 * {@code datasets/<id>/data/part-*.parquet} (a plain Parquet folder that Spark, pyarrow or DuckDB open
 * directly, with no non-Parquet file in it) and {@code .staging/} (temporary folders renamed into place when complete; on
 * the same file system, so the rename is atomic). Nothing is written outside the root.
 */
public final class DataRoot {
    /** Allowed dataset ids: lower-case letters, digits, dot, dash, underscore; starting with a letter or digit. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    /** Name of a dataset's manifest file. */
    public static final String MANIFEST = "manifest.json";

    private final Path root;

    /** A layout rooted at the given folder (made absolute). */
    public DataRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The data root. */
    public Path root() {
        return root;
    }

    /** Folder holding one sub-folder per dataset. */
    public Path datasets() {
        return root.resolve("datasets");
    }

    /** Folder of one dataset (after checking the id). */
    public Path dataset(String id) {
        return datasets().resolve(checkId(id));
    }

    /** Name of the Parquet sub-folder of a dataset. */
    public static final String DATA = "data";

    /** The Parquet folder of one dataset: {@code spark.read().parquet(dataRoot.parquet(id))}. */
    public Path parquet(String id) {
        return dataset(id).resolve(DATA);
    }

    /** Manifest file of one dataset. */
    public Path manifest(String id) {
        return dataset(id).resolve(MANIFEST);
    }

    /** Folder for temporary outputs of unfinished writes. */
    public Path staging() {
        return root.resolve(".staging");
    }

    /** Returns the id if it is valid, else throws naming the rule. */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad dataset id '" + id
                    + "': use lower-case letters, digits, '.', '-', '_' (at most 128, starting with a letter or digit)");
        }
        return id;
    }
}
