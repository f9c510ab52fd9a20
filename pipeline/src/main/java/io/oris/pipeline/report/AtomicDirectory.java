package io.oris.pipeline.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Writes a folder under a hidden temporary name beside its target and renames it into place only when
 * complete, so a crash or a failed step never leaves a half-written folder under the target name. Used for report
 * folders and results folders.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {
    }

    /** What fills the temporary folder. */
    @FunctionalInterface
    public interface Filler<T> {
        T fill(Path tempDir) throws IOException;
    }

    /**
     * Creates a temporary sibling of {@code target}, lets {@code filler} write into it, then replaces
     * {@code target} with it. On any failure the temporary folder is deleted and {@code target} is left as
     * it was (absent, or the previous complete version).
     */
    public static <T> T write(Path target, Filler<T> filler) {
        Path parent = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path temp = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(temp);
            T result = filler.fill(temp);
            publish(temp, target.toAbsolutePath(), parent.resolve("." + name + ".old-" + UUID.randomUUID()));
            return result;
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new UncheckedIOException("cannot write folder " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    private static void publish(Path temp, Path target, Path old) throws IOException {
        boolean replaced = false;
        if (Files.exists(target)) {
            move(target, old);
            replaced = true;
        }
        try {
            move(temp, target);
        } catch (IOException e) {
            if (replaced) {
                move(old, target);
            }
            throw e;
        }
        if (replaced) {
            delete(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename " + from + " atomically", e);
        }
    }

    private static void deleteQuietly(Path dir, Throwable cause) {
        try {
            delete(dir);
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
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
    }
}
