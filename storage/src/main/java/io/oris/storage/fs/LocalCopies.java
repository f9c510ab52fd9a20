package io.oris.storage.fs;

import io.oris.storage.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A local copy of a file that lives on a Hadoop file system, for readers that only read local files (jHDF, for D4RL
 * and Minari HDF5 files put under an {@code hdfs://} data root's {@code d4rl/}). Copies go to
 * {@code <java.io.tmpdir>/oris-local-copies/}, named after the file's URI, size and modification time, so the row-range
 * tasks of one ingest that run on the same executor copy it once; a copy is written under a temporary name and renamed
 * when complete. Local paths are returned as they are. Copies are kept for {@link #KEEP} after they were made (an
 * ingest's tasks reuse them); older ones are removed whenever a new copy is made, so the folder does not grow without
 * bound (on Linux a reader that still has a removed copy open keeps reading it).
 */
public final class LocalCopies {
    /** How long a copy is kept after it was made. */
    public static final java.time.Duration KEEP = java.time.Duration.ofHours(24);

    private LocalCopies() {
    }

    /** {@code file} itself when it is local, else a complete local copy of it. */
    public static Path of(Path file) {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return file;
        }
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            String key = Sha256.ofString(file.toUri() + "|" + size + "|" + modified).substring(0, 24);
            String name = file.getFileName() == null ? "file" : file.getFileName().toString();
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "oris-local-copies");
            Files.createDirectories(dir);
            Path copy = dir.resolve(key + "-" + name);
            if (Files.exists(copy) && Files.size(copy) == size) {
                return copy;
            }
            prune(dir, java.time.Instant.now().minus(KEEP));
            Path tmp = Files.createTempFile(dir, key + "-", ".tmp");
            try {
                try (var in = Files.newInputStream(file)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " to a local file for reading: " + e.getMessage(), e);
        }
    }

    /** Removes the copies (and abandoned temporary files) in {@code dir} last modified before {@code before}. */
    static int prune(Path dir, java.time.Instant before) {
        int removed = 0;
        try (var files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(before)
                            && Files.deleteIfExists(f)) {
                        removed++;
                    }
                } catch (IOException gone) {
                    // removed by another task meanwhile
                }
            }
        } catch (IOException e) {
            // pruning is housekeeping: a folder that cannot be listed is left as it is
        }
        return removed;
    }
}
