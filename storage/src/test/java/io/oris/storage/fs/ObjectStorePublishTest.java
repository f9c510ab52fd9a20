package io.oris.storage.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object-store commit protocol (copy, commit marker last), exercised on a local folder. */
class ObjectStorePublishTest {
    @TempDir
    Path dir;

    private Path stagedDataset() throws IOException {
        Path staged = dir.resolve(".staging/d.1");
        Files.createDirectories(staged.resolve("data"));
        Files.writeString(staged.resolve("manifest.json"), "{\"rows\": 2}");
        Files.writeString(staged.resolve("data/part-00000.parquet"), "p0");
        Files.writeString(staged.resolve("data/part-00001.parquet"), "p1");
        return staged;
    }

    @Test
    void theMarkerIsCopiedAfterEveryOtherFile() throws IOException {
        Path staged = stagedDataset();
        List<String> order = ObjectStorePublish.copyOrder(staged).stream()
                .map(p -> staged.relativize(p).toString()).toList();
        assertEquals(List.of("", "data", "data/part-00000.parquet", "data/part-00001.parquet", "manifest.json"), order);
    }

    @Test
    void reportsCopyTheirManifestThenTheScoresReadersCheck() throws IOException {
        Path report = dir.resolve("r");
        Files.createDirectories(report);
        for (String f : List.of("scores.parquet", "report.json", "report.html")) {
            Files.writeString(report.resolve(f), f);
        }
        assertEquals(List.of("", "report.html", "report.json", "scores.parquet"), ObjectStorePublish.copyOrder(report)
                .stream().map(p -> report.relativize(p).toString()).toList());
    }

    @Test
    void moveCopiesTheTreeAndRemovesTheSource() throws IOException {
        Path staged = stagedDataset();
        Path target = dir.resolve("datasets/d");
        Files.createDirectories(target.getParent());
        ObjectStorePublish.move(staged, target, false);
        assertFalse(Files.exists(staged));
        assertEquals("p1", Files.readString(target.resolve("data/part-00001.parquet")));
        assertEquals("{\"rows\": 2}", Files.readString(target.resolve("manifest.json")));
        Path again = stagedDataset();
        assertThrows(FileAlreadyExistsException.class, () -> ObjectStorePublish.move(again, target, false));
        Files.writeString(again.resolve("manifest.json"), "{\"rows\": 3}");
        ObjectStorePublish.move(again, target, true);
        assertEquals("{\"rows\": 3}", Files.readString(target.resolve("manifest.json")));
    }
}
