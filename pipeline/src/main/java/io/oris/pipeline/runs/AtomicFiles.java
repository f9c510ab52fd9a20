package io.oris.pipeline.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes that are either complete or absent: content goes to a hidden temporary sibling and is renamed
 * into place, so a reader (or a resumed sweep) never sees half a file or half a folder.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} to {@code target} atomically (replacing an older version). */
    public static void writeString(Path target, String text) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = tempSibling(target);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A fresh hidden sibling path of {@code target} for staging its content. */
    public static Path tempSibling(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.getParent().resolve("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + "-" + System.nanoTime());
    }

    /** Renames a finished staging folder into place, replacing an older one. */
    public static void publishDirectory(Path staged, Path target) {
        try {
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staged + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or folder tree if it exists. */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
