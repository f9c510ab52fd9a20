package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's shipped datasets ({@code jobs/data/}): the index lists exactly the dataset folders, the build
 * packaged them onto the classpath, and each one installs (manifest id = folder name, parts as the manifest
 * says) and stays within the size limit. Passes trivially while nothing ships.
 */
class ShippedDatasetsIndexTest {
    private static final Path JOBS_DATA = Path.of("..", "jobs", "data");
    /** Shipped datasets live in git and in the jar: at most 10 MB each. */
    private static final long MAX_BYTES = 10L << 20;

    @TempDir
    Path dir;

    @Test
    void indexListsExactlyTheDatasetFoldersAndEachInstalls() throws IOException {
        List<String> folders = new ShippedDatasets(JOBS_DATA).ids();
        Path index = JOBS_DATA.resolve(ShippedDatasets.INDEX);
        List<String> listed = Files.isRegularFile(index) ? Files.readAllLines(index).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList() : List.of();
        assertEquals(folders, listed, "jobs/data/index.txt must list exactly the folders of jobs/data that hold a "
                + "manifest.json, one id a line: add or remove lines");
        ShippedDatasets classpath = ShippedDatasets.onClasspath();
        assertEquals(folders, classpath.ids(), "the storage build packages jobs/data into oris-shipped/ (rebuild)");
        DatasetStore store = new DatasetStore(dir);
        for (String id : folders) {
            Manifest m = classpath.manifest(id);
            long bytes = m.parts().stream().mapToLong(Manifest.Part::bytes).sum();
            assertTrue(bytes <= MAX_BYTES, id + ": " + bytes + " bytes of Parquet, at most " + MAX_BYTES + " may ship");
            assertEquals(IngestResult.Status.WRITTEN, classpath.install(id, store).status());
            assertEquals(m.rows(), store.manifest(id).rows());
        }
    }
}
