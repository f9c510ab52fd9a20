package io.oris.storage.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a finished output is published where a rename is a copy (object stores such as {@code s3a://}): every file is
 * copied to its final name, the folder's commit marker last, then the temporary copy is deleted. A reader treats a
 * folder without its marker as absent (a dataset without {@code manifest.json}, a run without {@code status.json}, a
 * report without {@code scores.parquet}, a GAN without {@code gan.bin}), so it sees the old output, nothing, or the
 * whole new one. A single file needs no marker: an object becomes visible whole when its upload completes.
 */
public final class ObjectStorePublish {
    /**
     * The commit markers, in the order they are copied: each folder kind's own marker is the one its readers check,
     * and it is copied after every other file of the folder (reports: {@code report.json} then {@code scores.parquet}).
     */
    public static final List<String> MARKERS = List.of("report.json", "scores.parquet", "manifest.json", "status.json",
            "gan.json", "gan.bin", "dynamics.json", "dynamics.bin");

    private ObjectStorePublish() {
    }

    /**
     * Copies {@code from} (a file or a folder tree) to {@code to}, markers last, then deletes {@code from}. An existing
     * {@code to} fails unless {@code replace}, which deletes it first (its marker first, so it reads as absent from then
     * on).
     */
    public static void move(Path from, Path to, boolean replace) throws IOException {
        if (Files.exists(to)) {
            if (!replace) {
                throw new FileAlreadyExistsException(to.toString());
            }
            deleteMarkersFirst(to);
        }
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(from);
            return;
        }
        for (Path file : copyOrder(from)) {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(from);
    }

    /** The entries of {@code folder} (itself included) in copy order: folders, other files, then the markers. */
    public static List<Path> copyOrder(Path folder) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = new ArrayList<>(walk.toList());
        }
        all.sort(Comparator.comparingInt((Path p) -> rank(p)).thenComparing(Path::toString));
        return all;
    }

    private static int rank(Path p) {
        if (Files.isDirectory(p)) {
            return -1;
        }
        int marker = MARKERS.indexOf(p.getFileName().toString());
        return marker < 0 ? 0 : 1 + marker;
    }

    private static void deleteMarkersFirst(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            for (String m : MARKERS) {
                Files.deleteIfExists(target.resolve(m));
            }
        }
        deleteTree(target);
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = new ArrayList<>(walk.toList());
        }
        all.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
