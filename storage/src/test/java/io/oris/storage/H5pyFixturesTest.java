package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.d4rl.D4rlIngest;
import io.oris.storage.d4rl.D4rlLayout;
import io.oris.storage.d4rl.D4rlOptions;
import io.oris.storage.d4rl.D4rlReader;
import io.oris.storage.minari.MinariIngest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by h5py as D4RL and Minari write them (gzip-compressed chunks, numpy bools as HDF5
 * enums), made by {@code src/test/resources/h5py/make_fixtures.py}.
 */
class H5pyFixturesTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "h5py");

    @TempDir
    Path dir;

    @Test
    void d4rlFloat32FileAsD4rlWritesIt() {
        DatasetStore store = new DatasetStore(dir);
        IngestResult r = D4rlIngest.ingest(store, FIXTURES.resolve("hopper_medium-v2.hdf5"), null,
                D4rlOptions.defaults(), false);
        assertEquals("hopper-medium-v2", r.id());
        TransitionArrays d = store.read(r.id());
        assertEquals(38, d.rows(), "40 rows less the two timeout steps");
        int row = 0;
        for (int i = 0; i < 40; i++) {
            if (i == 19 || i == 39) {
                continue;
            }
            for (int k = 0; k < 11; k++) {
                assertEquals((float) (i + k / 100.0), d.obs()[row * 11 + k]);
                assertEquals((float) (i + 0.5 + k / 100.0), d.nextObs()[row * 11 + k]);
            }
            assertEquals((float) (-i / 10.0 + 2), d.action()[row * 3 + 2]);
            assertEquals(i * 1.25f, d.reward()[row]);
            assertEquals(10 * i + 5 + 0.123456789012, d.qpos()[row * 6 + 5]);
            assertEquals(-(10 * i + 3) - 0.987654321098, d.qvel()[row * 6 + 3]);
            assertEquals(i == 9, d.terminal()[row], "row " + i);
            assertEquals(i == 18 || i == 38, d.timeout()[row], "row " + i);
            row++;
        }
        assertEquals(3, d.episodeCount());
        Manifest m = store.manifest(r.id());
        assertEquals("SAC", m.source().attributes().get("metadata/algorithm"));
        assertEquals(42, ((Number) m.source().attributes().get("metadata/iteration")).intValue());
        assertTrue(String.valueOf(m.source().attributes().get("metadata/policy/fc0/weight")).startsWith("array [4, 11]"));
    }

    @Test
    void d4rlFloat64RewardColumnWithoutNextObservations() {
        DatasetStore store = new DatasetStore(dir);
        IngestResult r = D4rlIngest.ingest(store, FIXTURES.resolve("hopper_medium_replay-v2.hdf5"), null,
                D4rlOptions.defaults(), false);
        TransitionArrays d = store.read(r.id());
        assertEquals(38, d.rows());
        assertEquals((float) (20 + 0.07), d.obs()[19 * 11 + 7], "row 20 follows the dropped timeout row 19");
        assertEquals((float) (21 + 0.07), d.nextObs()[19 * 11 + 7]);
        assertEquals(20 * 1.25f, d.reward()[19]);
        assertEquals("float64", store.manifest(r.id()).source().dtype());
    }

    @Test
    void rowRangesOfCompressedChunksMatchTheWholeRead() {
        Path file = FIXTURES.resolve("hopper_medium-v2.hdf5");
        D4rlLayout layout = D4rlLayout.inspect(file, null);
        TransitionArrays whole = D4rlReader.read(layout, D4rlOptions.defaults());
        int row = 0;
        for (D4rlLayout.RowRange range : layout.split(3)) {
            TransitionArrays part = D4rlReader.read(layout, D4rlOptions.defaults(), range);
            for (int i = 0; i < part.rows(); i++, row++) {
                assertEquals(whole.episode()[row], part.episode()[i]);
                assertArrayEquals(java.util.Arrays.copyOfRange(whole.obs(), row * 11, row * 11 + 11),
                        java.util.Arrays.copyOfRange(part.obs(), i * 11, i * 11 + 11));
                assertEquals(whole.qvel()[row * 6 + 1], part.qvel()[i * 6 + 1]);
                assertEquals(whole.terminal()[row], part.terminal()[i]);
            }
        }
        assertEquals(whole.rows(), row);
    }

    @Test
    void minariFolderAsMinariWritesIt() {
        DatasetStore store = new DatasetStore(dir);
        IngestResult r = MinariIngest.ingest(store, FIXTURES.resolve("minari-hopper"), null, null, false);
        TransitionArrays d = store.read(r.id());
        assertEquals(5, d.rows());
        assertArrayEquals(new long[] {0, 0, 0, 1, 1}, d.episode());
        assertArrayEquals(new boolean[] {false, false, true, false, false}, d.terminal());
        assertArrayEquals(new boolean[] {false, false, false, false, true}, d.timeout());
        assertEquals((float) (101 + 0.3), d.nextObs()[3 * 11 + 3]);
        assertEquals(1.5f, d.reward()[4]);
    }
}
