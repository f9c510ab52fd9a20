package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipped datasets: listed from a folder or from a classpath index, installed into a data root atomically
 * (verified against the manifest, no staging left behind), a second install a no-op, and clear errors.
 */
class ShippedDatasetsTest {
    @TempDir
    Path dir;

    /** A tiny hopper-shaped dataset written by the store; returns the folder holding it (laid out like jobs/data). */
    private Path fixture(String id, long seed) {
        TransitionArrays data = DatasetStoreTest.random(700, 11, 3, 6, 6, seed);
        DatasetStore src = new DatasetStore(dir.resolve("src-" + seed));
        src.write(id, data, DatasetStoreTest.description(data, "hopper"), false);
        return src.layout().datasets();
    }

    @Test
    void installsAtomicallyAndASecondInstallIsANoOp() throws IOException {
        Path shippedDir = fixture("hopper-tiny", 1);
        ShippedDatasets shipped = new ShippedDatasets(shippedDir);
        assertEquals(List.of("hopper-tiny"), shipped.ids());
        assertEquals("hopper", shipped.manifest("hopper-tiny").env());
        assertEquals(700, shipped.manifest("hopper-tiny").rows());

        DatasetStore store = new DatasetStore(dir.resolve("root"));
        IngestResult first = shipped.install("hopper-tiny", store);
        assertEquals(IngestResult.Status.WRITTEN, first.status());
        DatasetStoreTest.assertSame(new DatasetStore(shippedDir.getParent()).read("hopper-tiny"), store.read("hopper-tiny"));
        assertArrayEquals(Files.readAllBytes(shippedDir.resolve("hopper-tiny/manifest.json")),
                Files.readAllBytes(store.layout().manifest("hopper-tiny")), "the manifest is copied as it is");
        assertEquals(List.of(), children(store.layout().staging()), "no temporary folder left");

        long modified = Files.getLastModifiedTime(store.layout().manifest("hopper-tiny")).toMillis();
        IngestResult second = shipped.install("hopper-tiny", store);
        assertEquals(IngestResult.Status.UNCHANGED, second.status());
        assertEquals(modified, Files.getLastModifiedTime(store.layout().manifest("hopper-tiny")).toMillis());
        assertEquals(List.of(), children(store.layout().staging()));
    }

    @Test
    void readsTheClasspathIndex() throws IOException {
        Path shippedDir = fixture("hopper-tiny", 2);
        Path classes = dir.resolve("classes");
        copyTree(shippedDir, classes.resolve(ShippedDatasets.RESOURCE_DIR));
        Files.writeString(classes.resolve(ShippedDatasets.RESOURCE_DIR).resolve(ShippedDatasets.INDEX),
                "# shipped\n\nhopper-tiny\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            ShippedDatasets shipped = new ShippedDatasets(loader);
            assertEquals(List.of("hopper-tiny"), shipped.ids());
            DatasetStore store = new DatasetStore(dir.resolve("root"));
            assertEquals(IngestResult.Status.WRITTEN, shipped.install("hopper-tiny", store).status());
            assertEquals(700, store.read("hopper-tiny").rows());
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[] {dir.resolve("nothing").toUri().toURL()}, null)) {
            assertEquals(List.of(), new ShippedDatasets(empty).ids(), "no index: nothing ships");
        }
    }

    @Test
    void errorsNameTheIdAndLeaveNothingBehind() throws IOException {
        Path shippedDir = fixture("hopper-tiny", 3);
        ShippedDatasets shipped = new ShippedDatasets(shippedDir);
        DatasetStore store = new DatasetStore(dir.resolve("root"));

        String unknown = assertThrows(IllegalArgumentException.class, () -> shipped.install("hopper-nope", store)).getMessage();
        assertTrue(unknown.contains("no shipped dataset 'hopper-nope'") && unknown.contains("shipped: hopper-tiny"), unknown);

        // another dataset under the same id is not replaced
        TransitionArrays other = DatasetStoreTest.random(50, 11, 3, 6, 6, 9);
        store.write("hopper-tiny", other, DatasetStoreTest.description(other, "hopper"), false);
        String clash = assertThrows(IllegalStateException.class, () -> shipped.install("hopper-tiny", store)).getMessage();
        assertTrue(clash.contains("is not the shipped one"), clash);
        assertEquals(50, store.manifest("hopper-tiny").rows());

        // a part that does not match its manifest fails the install; no dataset, no staging folder
        DatasetStore fresh = new DatasetStore(dir.resolve("fresh"));
        Path part = shippedDir.resolve("hopper-tiny/data/part-00000.parquet");
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        String truncated = assertThrows(IllegalStateException.class, () -> shipped.install("hopper-tiny", fresh)).getMessage();
        assertTrue(truncated.contains("data/part-00000.parquet") && truncated.contains("the manifest says"), truncated);
        assertFalse(fresh.exists("hopper-tiny"));
        assertEquals(List.of(), children(fresh.layout().staging()));
    }

    private static List<Path> children(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
