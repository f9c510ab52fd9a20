package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {
    @TempDir
    Path dir;

    /** Random transitions: episodes of 1..50 steps, values from a seeded generator. */
    static TransitionArrays random(int rows, int od, int ad, int nq, int nv, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TransitionBuilder b = new TransitionBuilder(od, ad, nq, nv);
        long episode = 0;
        int t = 0;
        int length = 1 + rnd.nextInt(50);
        for (int i = 0; i < rows; i++) {
            float[] o = new float[od];
            float[] n = new float[od];
            float[] a = new float[ad];
            for (int k = 0; k < od; k++) {
                o[k] = (float) rnd.nextGaussian();
                n[k] = (float) rnd.nextGaussian();
            }
            for (int k = 0; k < ad; k++) {
                a[k] = (float) rnd.nextDouble(-1, 1);
            }
            double[] qp = nq > 0 ? rnd.doubles(nq).toArray() : null;
            double[] qv = nv > 0 ? rnd.doubles(nv).toArray() : null;
            boolean end = t == length - 1;
            boolean terminal = end && rnd.nextBoolean();
            b.add(episode, t, o, a, (float) rnd.nextGaussian(), n, terminal, end && !terminal, qp, qv);
            t++;
            if (end) {
                episode++;
                t = 0;
                length = 1 + rnd.nextInt(50);
            }
        }
        return b.build();
    }

    static DatasetDescription description(TransitionArrays data, String env) {
        return new DatasetDescription(data.dims(env), "fp-" + data.rows(),
                new Manifest.Source("collect", List.of(), "float32", null),
                new Manifest.Made("test", null, null, null), null);
    }

    static void assertSame(TransitionArrays a, TransitionArrays b) {
        assertEquals(a.rows(), b.rows());
        assertArrayEquals(a.episode(), b.episode());
        assertArrayEquals(a.t(), b.t());
        assertArrayEquals(a.obs(), b.obs());
        assertArrayEquals(a.action(), b.action());
        assertArrayEquals(a.reward(), b.reward());
        assertArrayEquals(a.nextObs(), b.nextObs());
        assertArrayEquals(a.terminal(), b.terminal());
        assertArrayEquals(a.timeout(), b.timeout());
        assertArrayEquals(a.qpos(), b.qpos());
        assertArrayEquals(a.qvel(), b.qvel());
    }

    @Test
    void writesAndReadsBackExactlyWithAndWithoutState() {
        DatasetStore store = new DatasetStore(dir);
        TransitionArrays withState = random(3000, 11, 3, 6, 6, 1);
        TransitionArrays without = random(2000, 7, 4, 0, 0, 2);
        Manifest m = store.write("a", withState, description(withState, "hopper"), false);
        store.write("b", without, description(without, "pick-and-place"), false);
        assertSame(withState, store.read("a"));
        assertSame(without, store.read("b"));
        assertEquals(List.of("a", "b"), store.list());
        assertEquals(withState.episodeCount(), m.episodes());
        assertEquals(3000, m.rows());
        assertEquals(6, store.manifest("a").nq());
        assertTrue(Files.isRegularFile(store.layout().manifest("a")));
    }

    @Test
    void largeWritesAreSplitIntoPartsThatReadBackInOrder() {
        DatasetStore store = new DatasetStore(dir);
        TransitionArrays data = random(DatasetStore.ROWS_PER_PART + 1234, 3, 1, 0, 0, 3);
        Manifest m = store.write("big", data, description(data, "hopper"), false);
        assertEquals(2, m.parts().size());
        assertSame(data, store.read("big"));
        double sum = 0;
        for (float r : data.reward()) {
            sum += r;
        }
        assertEquals(sum / data.episodeCount(), m.returns().mean(), 1e-3);
    }

    @Test
    void failedWriteLeavesNothingAndExistingIdIsRefused() {
        DatasetStore store = new DatasetStore(dir);
        TransitionArrays data = random(100, 11, 3, 0, 0, 4);
        assertThrows(IllegalArgumentException.class,
                () -> store.write("x", data, description(random(10, 17, 6, 0, 0, 5), "walker2d"), false));
        assertFalse(store.exists("x"));
        D4rlIngestTest.assertNothingStaged(store);
        store.write("x", data, description(data, "hopper"), false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.write("x", data, description(data, "hopper"), false));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        D4rlIngestTest.assertNothingStaged(store);
        try (StagedDataset stage = store.stage("y", false)) {
            stage.writePart(data);
            assertTrue(Files.isDirectory(stage.dir()));
        }
        assertFalse(store.exists("y"));
        D4rlIngestTest.assertNothingStaged(store);
        assertThrows(IllegalArgumentException.class, () -> store.stage("../evil", false));
    }

    @Test
    void subsetsKeepWholeSeededTrajectoriesWithLineage() {
        DatasetStore store = new DatasetStore(dir);
        TransitionArrays data = random(5000, 11, 3, 6, 6, 6);
        store.write("parent", data, description(data, "hopper"), false);
        IngestResult r = Subsets.subset(store, "parent", 0.25, 7, null, false);
        assertEquals("parent-f0.25-s7", r.id());
        Manifest m = store.manifest(r.id());
        assertEquals("parent", m.lineage().parent());
        assertEquals(0.25, m.lineage().fraction());
        assertEquals(7, m.lineage().seed());
        assertEquals(Math.round(0.25 * data.episodeCount()), m.episodes());
        TransitionArrays sub = store.read(r.id());
        long[] chosen = Subsets.chooseEpisodes(data, 0.25, 7);
        int expectedRows = 0;
        for (long e : data.episode()) {
            expectedRows += java.util.Arrays.binarySearch(chosen, e) >= 0 ? 1 : 0;
        }
        assertEquals(expectedRows, sub.rows());
        // whole trajectories: every kept episode has all its steps 0..len-1
        for (int i = 1; i < sub.rows(); i++) {
            if (sub.episode()[i] == sub.episode()[i - 1]) {
                assertEquals(sub.t()[i - 1] + 1, sub.t()[i]);
            } else {
                assertEquals(0, sub.t()[i]);
            }
        }
        assertArrayEquals(chosen, Subsets.chooseEpisodes(data, 0.25, 7));
        assertFalse(java.util.Arrays.equals(chosen, Subsets.chooseEpisodes(data, 0.25, 8)));
        assertEquals(IngestResult.Status.UNCHANGED, Subsets.subset(store, "parent", 0.25, 7, null, false).status());
        IngestResult small = Subsets.subset(store, "parent", 0.05, 7, null, false);
        assertEquals(Math.max(1, Math.round(0.05 * data.episodeCount())), small.manifest().episodes());
    }

    @Test
    void normalizedScoresAndFileNames() {
        assertEquals(0.0, D4rlEnvs.normalizedScore("hopper", -20.272305), 1e-9);
        assertEquals(100.0, D4rlEnvs.normalizedScore("walker2d", 4592.3), 1e-9);
        assertEquals(50.0, D4rlEnvs.normalizedScore("halfcheetah", (-280.178953 + 12135.0) / 2), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> D4rlEnvs.normalizedScore("pick-and-place", 1));
        D4rlEnvs.FileName f = D4rlEnvs.parseFileName("hopper_medium_replay-v2.hdf5").orElseThrow();
        assertEquals("hopper", f.env());
        assertEquals("medium-replay", f.dataset());
        assertEquals("hopper-medium-replay-v2", f.datasetId());
        assertEquals("halfcheetah-medium-expert-v2",
                D4rlEnvs.parseFileName("halfcheetah_medium_expert-v2.hdf5").orElseThrow().datasetId());
        assertTrue(D4rlEnvs.parseFileName("ant_medium-v2.hdf5").isEmpty());
        assertEquals(17, D4rlEnvs.require("walker2d").obsDim());
        assertEquals(9, D4rlEnvs.require("halfcheetah").nq());
    }
}
