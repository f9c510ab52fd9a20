package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.d4rl.D4rlIngest;
import io.oris.storage.d4rl.D4rlLayout;
import io.oris.storage.d4rl.D4rlOptions;
import io.oris.storage.d4rl.D4rlReader;
import io.oris.storage.d4rl.D4rlSyntheticFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class D4rlIngestTest {
    @TempDir
    Path dir;

    private Path fixture(String name, Map<String, Object> arrays) {
        return Hdf5Fixtures.write(dir.resolve(name), arrays);
    }

    @Test
    void float32FileRoundTripsExactlyAndDropsTheTimeoutStep() {
        Path file = fixture("hopper_medium-v2.hdf5", Hdf5Fixtures.hopperArrays(false, false, true, true));
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        IngestResult result = D4rlIngest.ingest(store, file, null, D4rlOptions.defaults(), false);
        assertEquals("hopper-medium-v2", result.id());
        assertEquals(IngestResult.Status.WRITTEN, result.status());
        TransitionArrays d = store.read("hopper-medium-v2");
        // row 7 (timeout) dropped: rows 0-6, 8-9
        int[] source = {0, 1, 2, 3, 4, 5, 6, 8, 9};
        assertEquals(source.length, d.rows());
        assertEquals(6, d.nq());
        long[] episodes = {0, 0, 0, 0, 1, 1, 1, 2, 2};
        int[] steps = {0, 1, 2, 3, 0, 1, 2, 0, 1};
        assertArrayEquals(episodes, d.episode());
        assertArrayEquals(steps, d.t());
        for (int r = 0; r < source.length; r++) {
            int i = source[r];
            for (int k = 0; k < 11; k++) {
                assertEquals(i + k / 100f, d.obs()[r * 11 + k]);
                assertEquals(i + 0.5f + k / 100f, d.nextObs()[r * 11 + k]);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(-i / 10f + j, d.action()[r * 3 + j]);
            }
            assertEquals(i * 1.25f, d.reward()[r]);
            for (int k = 0; k < 6; k++) {
                assertEquals(i * 10 + k + 0.123456789012, d.qpos()[r * 6 + k]);
                assertEquals(-(i * 10 + k) - 0.987654321098, d.qvel()[r * 6 + k]);
            }
            assertEquals(i == 3, d.terminal()[r], "terminal row " + i);
            assertEquals(i == 6, d.timeout()[r], "the row before the dropped timeout step ends its episode");
        }
        Manifest m = store.manifest("hopper-medium-v2");
        assertEquals("hopper", m.env());
        assertEquals(11, m.obsDim());
        assertEquals(3, m.actionDim());
        assertEquals(9, m.rows());
        assertEquals(3, m.episodes());
        assertEquals("float32", m.source().dtype());
        assertEquals(Sha256.ofFile(file), m.source().files().get(0).sha256());
        assertEquals("SAC", m.source().attributes().get("metadata/algorithm"));
        assertEquals(42, ((Number) m.source().attributes().get("metadata/iteration")).intValue());
        // returns: ep0 = (0+1+2+3)*1.25, ep1 = (4+5+6)*1.25, ep2 = (8+9)*1.25
        assertEquals(7.5, m.returns().min(), 1e-6);
        assertEquals(21.25, m.returns().max(), 1e-6);
        assertEquals((7.5 + 18.75 + 21.25) / 3, m.returns().mean(), 1e-6);
        assertTrue(m.returns().normalizedMean() != null);
    }

    @Test
    void float64RewardColumnAndMissingNextObservations() {
        Path file = fixture("hopper_medium_replay-v2.hdf5", Hdf5Fixtures.hopperArrays(true, true, false, true));
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        IngestResult result = D4rlIngest.ingest(store, file, null, D4rlOptions.defaults(), false);
        assertEquals("hopper-medium-replay-v2", result.id());
        TransitionArrays d = store.read(result.id());
        // timeout row 7 dropped and the last row 9 (no successor) dropped
        int[] source = {0, 1, 2, 3, 4, 5, 6, 8};
        assertEquals(source.length, d.rows());
        for (int r = 0; r < source.length; r++) {
            int i = source[r];
            for (int k = 0; k < 11; k++) {
                assertEquals((float) (double) (i + k / 100f), d.obs()[r * 11 + k]);
                assertEquals(i + 1 + k / 100f, d.nextObs()[r * 11 + k], "next obs = obs[i+1]");
            }
            assertEquals(i * 1.25f, d.reward()[r]);
        }
        Manifest m = store.manifest(result.id());
        assertEquals("float64", m.source().dtype());
        assertTrue(m.made().notes().stream().anyMatch(n -> n.contains("next_obs = observations[i+1]")));
    }

    @Test
    void keepTimeoutsKeepsTheStepAndNoStateWithoutInfos() {
        Path file = fixture("hopper_expert-v2.hdf5", Hdf5Fixtures.hopperArrays(false, false, true, false));
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        D4rlIngest.ingest(store, file, "keep", new D4rlOptions(null, true), false);
        TransitionArrays d = store.read("keep");
        assertEquals(10, d.rows());
        assertFalse(d.hasState());
        assertTrue(d.timeout()[7]);
        assertFalse(d.timeout()[6]);
        assertEquals(2, d.episode()[8]);
    }

    @Test
    void rowRangesCoverTheFileWithWholeEpisodes() {
        Path file = dir.resolve("walker2d_random-v2.hdf5");
        new D4rlSyntheticFile(D4rlEnvs.require("walker2d"), 5000, false, false, true, 100, 0.01, 3).write(file);
        D4rlLayout layout = D4rlLayout.inspect(file, null);
        TransitionArrays whole = D4rlReader.read(layout, D4rlOptions.defaults());
        int row = 0;
        for (D4rlLayout.RowRange range : layout.split(4)) {
            TransitionArrays part = D4rlReader.read(layout, D4rlOptions.defaults(), range);
            for (int i = 0; i < part.rows(); i++, row++) {
                assertEquals(whole.episode()[row], part.episode()[i]);
                assertEquals(whole.t()[row], part.t()[i]);
                assertEquals(whole.obs()[row * 17 + 5], part.obs()[i * 17 + 5]);
                assertEquals(whole.timeout()[row], part.timeout()[i]);
                assertEquals(whole.qvel()[row * 9 + 8], part.qvel()[i * 9 + 8]);
            }
        }
        assertEquals(whole.rows(), row);
        assertTrue(layout.split(4).size() > 1);
    }

    @Test
    void sameFileAgainIsANoOpAndAnotherFileIsRefusedUnlessOverwrite() throws IOException {
        Path file = fixture("hopper_medium-v2.hdf5", Hdf5Fixtures.hopperArrays(false, false, true, true));
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        D4rlIngest.ingest(store, file, null, D4rlOptions.defaults(), false);
        IngestResult again = D4rlIngest.ingest(store, file, null, D4rlOptions.defaults(), false);
        assertEquals(IngestResult.Status.UNCHANGED, again.status());
        assertTrue(again.describe().contains("unchanged"));

        Path other = dir.resolve("other").resolve("hopper_medium-v2.hdf5");
        Files.createDirectories(other.getParent());
        Map<String, Object> arrays = Hdf5Fixtures.hopperArrays(false, false, true, true);
        ((float[]) arrays.get("rewards"))[0] = 99f;
        Hdf5Fixtures.write(other, arrays);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> D4rlIngest.ingest(store, other, null, D4rlOptions.defaults(), false));
        assertTrue(refused.getMessage().contains("--overwrite"), refused.getMessage());
        assertEquals(0f, store.read("hopper-medium-v2").reward()[0]);

        IngestResult replaced = D4rlIngest.ingest(store, other, null, D4rlOptions.defaults(), true);
        assertEquals(IngestResult.Status.WRITTEN, replaced.status());
        assertEquals(99f, store.read("hopper-medium-v2").reward()[0]);
        assertNothingStaged(store);
    }

    @Test
    void envFromOptionWhenTheFileNameSaysNothing() {
        Path file = fixture("my-data.hdf5", Hdf5Fixtures.hopperArrays(false, false, true, true));
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> D4rlIngest.ingest(store, file, null, D4rlOptions.defaults(), false));
        assertTrue(e.getMessage().contains("--env"), e.getMessage());
        IngestResult r = D4rlIngest.ingest(store, file, null, new D4rlOptions("hopper", false), false);
        assertEquals("hopper-my-data", r.id());
    }

    @Test
    void missingKeyIsNamed() {
        Map<String, Object> arrays = Hdf5Fixtures.hopperArrays(false, false, true, true);
        arrays.remove("terminals");
        assertBad(fixture("hopper_medium-v2.hdf5", arrays), "key 'terminals'", "missing");
    }

    @Test
    void lengthsThatDisagreeAreNamed() {
        Map<String, Object> arrays = Hdf5Fixtures.hopperArrays(false, false, true, true);
        arrays.put("rewards", new float[9]);
        assertBad(fixture("hopper_medium-v2.hdf5", arrays), "key 'rewards'", "expected [10] or [10, 1]");
    }

    @Test
    void wrongDimsForTheEnvAreNamed() {
        Map<String, Object> arrays = Hdf5Fixtures.hopperArrays(false, false, true, true);
        assertBad(fixture("walker2d_medium-v2.hdf5", arrays), "key 'observations'", "expected [10, 17]");
        Map<String, Object> badQpos = Hdf5Fixtures.hopperArrays(false, false, true, true);
        badQpos.put("infos/qpos", new double[10][7]);
        assertBad(fixture("hopper_medium-v2.hdf5", badQpos), "key 'infos/qpos'", "expected [10, 6]");
    }

    @Test
    void nanAndInfinityAreNamedWithTheRow() {
        Map<String, Object> arrays = Hdf5Fixtures.hopperArrays(false, false, true, true);
        ((float[][]) arrays.get("next_observations"))[5][2] = Float.NaN;
        assertBad(fixture("hopper_medium-v2.hdf5", arrays), "key 'next_observations'", "row 5 holds NaN");
        Map<String, Object> inf = Hdf5Fixtures.hopperArrays(false, false, true, true);
        ((float[]) inf.get("rewards"))[2] = Float.POSITIVE_INFINITY;
        Path dir2 = dir.resolve("b");
        dir2.toFile().mkdirs();
        assertBad(Hdf5Fixtures.write(dir2.resolve("hopper_medium-v2.hdf5"), inf), "key 'rewards'", "row 2 holds Infinity");
    }

    @Test
    void truncatedFileFailsWithTheFileNamed() throws IOException {
        Path good = fixture("good.hdf5", Hdf5Fixtures.hopperArrays(false, false, true, true));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("hopper_medium-v2.hdf5");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> D4rlIngest.ingest(store, cut, null, D4rlOptions.defaults(), false));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertFalse(store.exists("hopper-medium-v2"));
        assertNothingStaged(store);
    }

    private void assertBad(Path file, String where, String expected) {
        DatasetStore store = new DatasetStore(dir.resolve("root-" + file.getParent().getFileName()));
        BadInputException e = assertThrows(BadInputException.class,
                () -> D4rlIngest.ingest(store, file, null, D4rlOptions.defaults(), false));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(where), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(store.list().isEmpty());
        assertNothingStaged(store);
    }

    static void assertNothingStaged(DatasetStore store) {
        Path staging = store.layout().staging();
        if (Files.isDirectory(staging)) {
            try (Stream<Path> s = Files.list(staging)) {
                assertEquals(0, s.count(), "staging folder must be empty");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertNull(null);
    }
}
