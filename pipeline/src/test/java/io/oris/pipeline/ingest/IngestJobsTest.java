package io.oris.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.oris.storage.BadInputException;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.TransitionArrays;
import io.oris.storage.d4rl.D4rlIngest;
import io.oris.storage.d4rl.D4rlOptions;
import io.oris.storage.d4rl.D4rlSyntheticFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ingest jobs give the same datasets as the in-process ingest, and fail cleanly. */
class IngestJobsTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ingest-job-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private Path hopper(String name, int rows, long seed) {
        Path f = dir.resolve(name);
        new D4rlSyntheticFile(D4rlEnvs.require("hopper"), rows, false, false, true, 200, 0.004, seed).write(f);
        return f;
    }

    @Test
    void manyFilesAndRowRangesGiveTheSameDatasetsAsInProcess() {
        Path a = hopper("hopper_medium-v2.hdf5", 3000, 1);
        Path b = dir.resolve("walker2d_random-v2.hdf5");
        new D4rlSyntheticFile(D4rlEnvs.require("walker2d"), 1500, true, true, false, 100, 0.02, 2).write(b);
        DatasetStore sparkStore = new DatasetStore(dir.resolve("spark"));
        List<IngestResult> results = new D4rlIngestJob(sparkStore, 700)
                .run(spark, List.of(a, b), List.of(), D4rlOptions.defaults(), false);
        assertEquals(List.of("hopper-medium-v2", "walker2d-random-v2"), results.stream().map(IngestResult::id).toList());
        assertTrue(results.get(0).manifest().parts().size() >= 4, "a 3000-row file in 700-row tasks has several parts");

        DatasetStore local = new DatasetStore(dir.resolve("local"));
        for (Path f : List.of(a, b)) {
            IngestResult r = D4rlIngest.ingest(local, f, null, D4rlOptions.defaults(), false);
            TransitionArrays x = local.read(r.id());
            TransitionArrays y = sparkStore.read(r.id());
            assertArrayEquals(x.episode(), y.episode());
            assertArrayEquals(x.t(), y.t());
            assertArrayEquals(x.obs(), y.obs());
            assertArrayEquals(x.nextObs(), y.nextObs());
            assertArrayEquals(x.action(), y.action());
            assertArrayEquals(x.reward(), y.reward());
            assertArrayEquals(x.terminal(), y.terminal());
            assertArrayEquals(x.timeout(), y.timeout());
            assertArrayEquals(x.qpos(), y.qpos());
            assertEquals(local.manifest(r.id()).returns(), sparkStore.manifest(r.id()).returns());
            assertEquals(local.manifest(r.id()).fingerprint(), sparkStore.manifest(r.id()).fingerprint());
        }
        List<IngestResult> again = new D4rlIngestJob(sparkStore, 700)
                .run(spark, List.of(a, b), List.of(), D4rlOptions.defaults(), false);
        assertTrue(again.stream().allMatch(r -> r.status() == IngestResult.Status.UNCHANGED));
    }

    /** A hopper file in D4RL layout whose observation row {@code nanRow} holds a NaN (found only by the tasks). */
    private Path withNan(String name, int rows, int nanRow) {
        float[][] obs = new float[rows][11];
        obs[nanRow][4] = Float.NaN;
        boolean[] timeouts = new boolean[rows];
        for (int i = 99; i < rows; i += 100) {
            timeouts[i] = true;
        }
        Path f = dir.resolve(name);
        try (WritableHdfFile out = HdfFile.write(f)) {
            out.putDataset("observations", obs);
            out.putDataset("actions", new float[rows][3]);
            out.putDataset("rewards", new float[rows]);
            out.putDataset("terminals", new boolean[rows]);
            out.putDataset("timeouts", timeouts);
            out.putDataset("next_observations", new float[rows][11]);
        }
        return f;
    }

    @Test
    void aNanFoundByATaskFailsTheJobWithTheFileKeyAndRow() {
        Path good = hopper("hopper_medium-v2.hdf5", 2000, 5);
        Path bad = withNan("hopper_random-v2.hdf5", 2000, 1500);
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> new D4rlIngestJob(store, 500)
                .run(spark, List.of(good, bad), List.of(), D4rlOptions.defaults(), false));
        assertTrue(e instanceof BadInputException, e.toString());
        assertEquals(bad + ": key 'observations': row 1500 holds NaN, expected a finite number", e.getMessage());
        assertTrue(store.list().isEmpty(), "no dataset of the failed job is committed");
        assertTrue(!Files.isDirectory(store.layout().staging()) || store.layout().staging().toFile().list().length == 0);
    }

    /** A Minari folder for hopper with two episodes of 3 and 2 steps. */
    private Path minari(String name, long shift) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder.resolve("data"));
        try (WritableHdfFile out = HdfFile.write(folder.resolve("data").resolve("main_data.hdf5"))) {
            for (int e = 0; e < 2; e++) {
                int steps = 3 - e;
                float[][] obs = new float[steps + 1][11];
                for (int i = 0; i <= steps; i++) {
                    obs[i][0] = shift + e * 100 + i;
                }
                boolean[] term = new boolean[steps];
                boolean[] trunc = new boolean[steps];
                term[steps - 1] = e == 0;
                trunc[steps - 1] = e == 1;
                var g = out.putGroup("episode_" + e);
                g.putDataset("observations", obs);
                g.putDataset("actions", new float[steps][3]);
                g.putDataset("rewards", steps == 3 ? new float[] {1, 2, 3} : new float[] {4, 5});
                g.putDataset("terminations", term);
                g.putDataset("truncations", trunc);
            }
        }
        Files.writeString(folder.resolve("data").resolve("metadata.json"),
                "{\"dataset_id\": \"mujoco/hopper/" + name + "-v0\", \"total_steps\": 5}");
        return folder;
    }

    @Test
    void minariFoldersRunAsOneJobOneTaskEach() throws IOException {
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        List<IngestResult> results = new MinariIngestJob(spark, store.layout().root())
                .run(List.of(minari("medium", 0), minari("expert", 1000)), null, null, false);
        assertEquals(List.of("minari-mujoco-hopper-medium-v0", "minari-mujoco-hopper-expert-v0"),
                results.stream().map(IngestResult::id).toList());
        TransitionArrays expert = store.read("minari-mujoco-hopper-expert-v0");
        assertEquals(5, expert.rows());
        assertEquals(1100f, expert.obs()[3 * 11], "episode 1 starts at row 3");
        assertEquals(1101f, expert.nextObs()[3 * 11]);
        assertEquals(9.0, store.manifest("minari-mujoco-hopper-expert-v0").returns().max(), 1e-9);
    }

    @Test
    void aBadFileFailsTheJobWithItsMessageAndLeavesNothing() throws IOException {
        Path good = hopper("hopper_medium-v2.hdf5", 2000, 3);
        Path bad = dir.resolve("hopper_expert-v2.hdf5");
        byte[] bytes = Files.readAllBytes(hopper("tmp.hdf5", 2000, 4));
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length - 20000));
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> new D4rlIngestJob(store, 500)
                .run(spark, List.of(good, bad), List.of(), D4rlOptions.defaults(), false));
        assertTrue(e instanceof BadInputException, e.toString());
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        assertTrue(store.list().isEmpty(), "no dataset of the failed job is committed");
        Path staging = store.layout().staging();
        if (Files.isDirectory(staging)) {
            try (Stream<Path> s = Files.list(staging)) {
                assertEquals(0, s.count());
            }
        }
    }
}
