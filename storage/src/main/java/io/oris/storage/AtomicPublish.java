package io.oris.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import io.oris.storage.fs.DataRootUri;
import io.oris.storage.fs.ObjectStorePublish;

/**
 * The one way oris publishes an output: write it under a hidden temporary sibling name, then rename it into place
 * atomically, so a reader (or a resumed sweep) sees the old complete output or the new complete one, never a part.
 * Files and folders alike; a file system that cannot rename atomically fails the write with a message naming the
 * path rather than publishing non-atomically, except on object stores, where a folder is published by copying its commit
 * marker last ({@link ObjectStorePublish}; see storage/README.md). Every store (datasets, GANs, runs, reports, results, exports, bench
 * figures) goes through here.
 */
public final class AtomicPublish {
    private AtomicPublish() {
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Something that fills a folder. */
    @FunctionalInterface
    public interface FolderFiller<T> {
        T fill(Path folder) throws IOException;
    }

    /** A fresh hidden sibling path of {@code target} (same folder, so the final rename stays on one file system). */
    public static Path tempSibling(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.getParent().resolve("." + abs.getFileName() + ".tmp-" + UUID.randomUUID());
    }

    /** Writes {@code target} through a temporary sibling, replacing an older version only once complete. */
    public static void writeFile(Path target, StreamWriter writer) {
        Path abs = target.toAbsolutePath();
        Path tmp = tempSibling(abs);
        try {
            Files.createDirectories(abs.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                writer.write(out);
            }
            move(tmp, abs, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + abs + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        writeFile(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Renames a finished temporary file onto {@code target} (replacing it) atomically. */
    public static void publishFile(Path temp, Path target) {
        try {
            move(temp, target, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + temp + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a temporary sibling folder of {@code target}, lets {@code filler} write into it, then puts it in place
     * of {@code target} ({@link #publishFolder}). On any failure the temporary folder is deleted and {@code target} is
     * left as it was (absent, or the previous complete version).
     */
    public static <T> T writeFolder(Path target, FolderFiller<T> filler) {
        Path abs = target.toAbsolutePath();
        Path temp = tempSibling(abs);
        try {
            Files.createDirectories(abs.getParent());
            Files.createDirectory(temp);
            T result = filler.fill(temp);
            publishFolder(temp, abs);
            return result;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write folder " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Puts a finished folder in place of {@code target}: an existing target is first renamed aside (and restored if
     * the second rename fails), then deleted, so at every moment the target name holds a complete version or nothing.
     */
    public static void publishFolder(Path staged, Path target) {
        Path abs = target.toAbsolutePath();
        Path old = abs.getParent().resolve("." + abs.getFileName() + ".old-" + UUID.randomUUID());
        try {
            boolean replaced = false;
            if (Files.exists(abs)) {
                move(abs, old, false);
                replaced = true;
            }
            try {
                move(staged, abs, false);
            } catch (IOException e) {
                if (replaced) {
                    move(old, abs, false);
                }
                throw e;
            }
            if (replaced) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staged + " to " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames {@code from} to {@code to} atomically; {@code replace} overwrites an existing file. Where a rename is a
     * copy (object stores, {@link DataRootUri#renamesAtomically}), the move copies the commit marker last instead
     * ({@link ObjectStorePublish}), so readers, which treat a folder without its marker as absent, never see a part.
     */
    public static void move(Path from, Path to, boolean replace) throws IOException {
        if (!DataRootUri.renamesAtomically(to)) {
            ObjectStorePublish.move(from, to, replace);
            return;
        }
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename " + from + " atomically", e);
        }
    }

    /** Deletes a file or folder tree; nothing when it does not exist. */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (UncheckedIOException ignored) {
            // best effort: the temporary name is hidden and unique, so a leftover is never mistaken for output
        }
    }
}
