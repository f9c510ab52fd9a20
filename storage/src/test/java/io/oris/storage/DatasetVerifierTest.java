package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset's parts are checked against its manifest; each kind of damage is named with the part's path. */
class DatasetVerifierTest {
    @TempDir
    Path dir;

    private Path writeDataset(DatasetStore store) {
        TransitionArrays data = DatasetStoreTest.random(3000, 11, 3, 0, 0, 5);
        Manifest m = store.write("d", data, DatasetStoreTest.description(data, "hopper"), false);
        Manifest.Part part = m.parts().get(0);
        assertNotNull(part.sha256(), "the commit records each part's SHA-256");
        assertEquals(Sha256.ofFile(store.layout().dataset("d").resolve(part.file())), part.sha256());
        return store.layout().dataset("d").resolve(part.file());
    }

    private static String onlyProblem(DatasetStore store) {
        List<DatasetVerifier.PartCheck> damaged = DatasetVerifier.check(store, "d", true).stream()
                .filter(c -> !c.intact()).toList();
        assertEquals(1, damaged.size(), "one damaged part: " + damaged);
        return damaged.get(0).problem();
    }

    @Test
    void intactDatasetPasses() {
        DatasetStore store = new DatasetStore(dir);
        writeDataset(store);
        assertTrue(DatasetVerifier.check(store, "d", true).stream().allMatch(DatasetVerifier.PartCheck::intact));
        DatasetVerifier.requireIntact(store, "d");
    }

    @Test
    void truncatedPartIsNamedBySizeAndReadingFailsNamingTheFile() throws Exception {
        DatasetStore store = new DatasetStore(dir);
        Path part = writeDataset(store);
        long size = Files.size(part);
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ch.truncate(size / 2);
        }
        assertTrue(onlyProblem(store).startsWith("size " + size / 2 + " bytes, the manifest says " + size), onlyProblem(store));
        BadInputException e = assertThrows(BadInputException.class, () -> store.read("d"));
        assertTrue(e.getMessage().startsWith(part.toString()) && e.getMessage().contains("damaged"), e.getMessage());
        assertFalse(e.getMessage().contains("LocalInputFile@"), e.getMessage());
    }

    @Test
    void changedBytesOfTheSameSizeFailTheChecksum() throws Exception {
        DatasetStore store = new DatasetStore(dir);
        Path part = writeDataset(store);
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(part, bytes);
        assertTrue(onlyProblem(store).startsWith("SHA-256 "), onlyProblem(store));
        assertThrows(BadInputException.class, () -> store.read("d"));
        // the quick check (no checksum) does not read the bytes: sizes and footer still match
        assertTrue(DatasetVerifier.check(store, "d", false).stream().allMatch(DatasetVerifier.PartCheck::intact));
    }

    @Test
    void missingAndNonParquetPartsAreNamed() throws Exception {
        DatasetStore store = new DatasetStore(dir);
        Path part = writeDataset(store);
        long size = Files.size(part);
        Files.write(part, new byte[(int) size]);   // same size, not Parquet: checksum off, the footer check names it
        String problem = DatasetVerifier.check(store, "d", false).stream().filter(c -> !c.intact()).findFirst()
                .orElseThrow().problem();
        assertTrue(problem.startsWith("not a readable Parquet file") && !problem.contains("LocalInputFile@"), problem);
        Files.delete(part);
        assertEquals("missing", onlyProblem(store));
    }
}
