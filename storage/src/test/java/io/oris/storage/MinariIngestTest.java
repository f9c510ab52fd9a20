package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.minari.MinariIngest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinariIngestTest {
    @TempDir
    Path dir;

    /** A Minari folder for hopper: episode_0 with 3 steps (terminated), episode_1 with 2 steps (truncated). */
    private Path minariFolder(int totalSteps, boolean badWidth) throws IOException {
        Path folder = dir.resolve("hopper-medium-v0");
        Files.createDirectories(folder.resolve("data"));
        Map<String, Object> m = new LinkedHashMap<>();
        int[] lengths = {3, 2};
        for (int e = 0; e < 2; e++) {
            int t = lengths[e];
            float[][] obs = new float[t + 1][badWidth && e == 1 ? 10 : 11];
            for (int i = 0; i <= t; i++) {
                for (int k = 0; k < obs[i].length; k++) {
                    obs[i][k] = e * 100 + i + k / 10f;
                }
            }
            float[][] act = new float[t][3];
            act[0][1] = 0.5f + e;
            double[] rew = new double[t];
            for (int i = 0; i < t; i++) {
                rew[i] = e + i * 0.5;
            }
            boolean[] term = new boolean[t];
            boolean[] trunc = new boolean[t];
            if (e == 0) {
                term[t - 1] = true;
            } else {
                trunc[t - 1] = true;
            }
            String g = "episode_" + e + "/";
            m.put(g + "observations", obs);
            m.put(g + "actions", act);
            m.put(g + "rewards", rew);
            m.put(g + "terminations", term);
            m.put(g + "truncations", trunc);
        }
        Hdf5Fixtures.write(folder.resolve("data").resolve("main_data.hdf5"), m);
        Files.writeString(folder.resolve("data").resolve("metadata.json"),
                "{\"dataset_id\": \"mujoco/hopper/medium-v0\", \"total_episodes\": 2, \"total_steps\": " + totalSteps
                        + ", \"minari_version\": \"0.5.1\"}");
        return folder;
    }

    @Test
    void convertsEpisodesWithNextObservationFromTheFollowingRow() throws IOException {
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        IngestResult r = MinariIngest.ingest(store, minariFolder(5, false), null, null, false);
        assertEquals("minari-mujoco-hopper-medium-v0", r.id());
        TransitionArrays d = store.read(r.id());
        assertEquals(5, d.rows());
        assertEquals(0, d.episode()[2]);
        assertEquals(1, d.episode()[3]);
        assertEquals(1, d.t()[4]);
        assertEquals(100 + 1 + 0.3f, d.obs()[4 * 11 + 3]);
        assertEquals(100 + 2 + 0.3f, d.nextObs()[4 * 11 + 3]);
        assertEquals(3 + 0.7f, d.nextObs()[2 * 11 + 7]);
        assertEquals(1.5f, d.action()[3 * 3 + 1]);
        assertEquals(1.5f, d.reward()[4]);
        assertTrue(d.terminal()[2]);
        assertTrue(d.timeout()[4]);
        Manifest m = store.manifest(r.id());
        assertEquals("minari", m.source().kind());
        assertEquals("mujoco/hopper/medium-v0", m.source().attributes().get("dataset_id"));
        assertEquals(2, m.episodes());
        assertEquals(IngestResult.Status.UNCHANGED,
                MinariIngest.ingest(store, dir.resolve("hopper-medium-v0"), null, null, false).status());
    }

    @Test
    void stepCountThatDisagreesWithMetadataAndWrongWidthAreNamed() throws IOException {
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        BadInputException steps = assertThrows(BadInputException.class,
                () -> MinariIngest.ingest(store, minariFolder(6, false), null, null, false));
        assertTrue(steps.getMessage().contains("total_steps") && steps.getMessage().contains("5 steps"),
                steps.getMessage());
        Path other = dir.resolve("w");
        Files.createDirectories(other);
        BadInputException width = assertThrows(BadInputException.class, () -> {
            Path f = minariFolder(5, true);
            MinariIngest.ingest(store, f, null, "x", true);
        });
        assertTrue(width.getMessage().contains("episode_1/observations"), width.getMessage());
        assertTrue(width.getMessage().contains("expected [3, 11]"), width.getMessage());
        assertTrue(store.list().isEmpty());
        D4rlIngestTest.assertNothingStaged(store);
    }
}
