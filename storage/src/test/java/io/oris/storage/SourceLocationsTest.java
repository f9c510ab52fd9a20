package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D4RL_DATASET_DIR and MINARI_DATASETS_PATH are looked at first, then the data root, then Minari's default. */
class SourceLocationsTest {
    @TempDir
    Path dir;

    @Test
    void environmentFoldersComeFirst() throws Exception {
        Path root = dir.resolve("root");
        Path d4rl = dir.resolve("d4rl-home");
        Path minari = dir.resolve("minari-home");
        Path home = dir.resolve("home");
        SourceLocations where = SourceLocations.of(root, Map.of("D4RL_DATASET_DIR", d4rl.toString(),
                "MINARI_DATASETS_PATH", minari.toString(), "HOME", home.toString()));
        String file = "hopper_medium-v2.hdf5";
        String id = "mujoco/hopper/medium-v0";
        assertEquals(List.of(d4rl.resolve(file), root.resolve("d4rl").resolve(file)), where.d4rlCandidates(file));
        assertEquals(List.of(minari.resolve(id), root.resolve("minari").resolve(id),
                home.resolve(".minari/datasets").resolve(id)), where.minariCandidates(id));
        assertNull(where.d4rlFile(file));
        assertNull(where.minariFolder(id));

        Files.createDirectories(root.resolve("d4rl"));
        Files.writeString(root.resolve("d4rl").resolve(file), "x");
        assertEquals(root.resolve("d4rl").resolve(file), where.d4rlFile(file), "the data root when the env folder lacks it");
        Files.createDirectories(d4rl);
        Files.writeString(d4rl.resolve(file), "x");
        assertEquals(d4rl.resolve(file), where.d4rlFile(file), "D4RL_DATASET_DIR first");

        Files.createDirectories(home.resolve(".minari/datasets").resolve(id));
        assertEquals(home.resolve(".minari/datasets").resolve(id), where.minariFolder(id), "Minari's default last");
        Files.createDirectories(minari.resolve(id));
        assertEquals(minari.resolve(id), where.minariFolder(id), "MINARI_DATASETS_PATH first");
    }

    @Test
    void unsetOrEmptyVariablesAreIgnored() {
        Path root = dir.resolve("root");
        SourceLocations where = SourceLocations.of(root, Map.of("D4RL_DATASET_DIR", " "));
        assertEquals(List.of(root.resolve("d4rl").resolve("f.hdf5")), where.d4rlCandidates("f.hdf5"));
        assertEquals(List.of(root.resolve("minari").resolve("a/b-v0")), where.minariCandidates("a/b-v0"));
    }
}
