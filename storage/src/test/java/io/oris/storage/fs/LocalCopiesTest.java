package io.oris.storage.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local files are used in place, and copies older than {@link LocalCopies#KEEP} are pruned. */
class LocalCopiesTest {
    @Test
    void aLocalFileIsItsOwnCopy(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.hdf5"), "x");
        assertSame(f, LocalCopies.of(f));
    }

    @Test
    void copiesOlderThanTheCutOffAreRemovedAndNewerOnesKept(@TempDir Path dir) throws Exception {
        Path old = Files.writeString(dir.resolve("old-copy.hdf5"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(LocalCopies.KEEP).minusSeconds(60)));
        Path fresh = Files.writeString(dir.resolve("fresh-copy.hdf5"), "fresh");
        assertEquals(1, LocalCopies.prune(dir, Instant.now().minus(LocalCopies.KEEP)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
    }
}
