package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oris.storage.d4rl.Hdf5Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A D4RL HDF5 file corrupted seven ways: {@code oris ingest d4rl} names the file and the key with what it expected
 * and found, exits 3 and publishes nothing.
 */
class D4rlFileFuzzTest {
    private static final int ROWS = 60;

    @TempDir
    Path dir;

    /** A valid hopper file's arrays: 60 rows, episodes of 20 ending in a timeout. */
    private static Map<String, Object> hopper() {
        float[][] obs = new float[ROWS][11];
        float[][] next = new float[ROWS][11];
        float[][] act = new float[ROWS][3];
        float[] rew = new float[ROWS];
        boolean[] term = new boolean[ROWS];
        boolean[] tout = new boolean[ROWS];
        for (int i = 0; i < ROWS; i++) {
            obs[i][0] = i;
            next[i][0] = i + 1;
            act[i][1] = 0.5f;
            rew[i] = i * 0.1f;
            tout[i] = i % 20 == 19;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observations", obs);
        m.put("actions", act);
        m.put("rewards", rew);
        m.put("terminals", term);
        m.put("timeouts", tout);
        m.put("next_observations", next);
        return m;
    }

    private Path file(Map<String, Object> arrays) {
        return Hdf5Writer.write(dir.resolve("hopper_medium-v2.hdf5"), arrays);
    }

    private void assertRejected(String corruption, Path file, String... mustName) {
        Path root = dir.resolve("data");
        String[] names = new String[mustName.length + 1];
        names[0] = file.toString();
        System.arraycopy(mustName, 0, names, 1, mustName.length);
        RejectedInput.assertRejected(corruption, root, new String[] {"ingest", "d4rl", file.toString(), "--data-root",
                root.toString(), "--master", "local[1]"}, names);
    }

    @Test
    void theValidFileIngests() {
        Path f = file(hopper());
        CliRun ok = CliRun.of("ingest", "d4rl", f.toString(), "--data-root", dir.resolve("data").toString(), "--master", "local[1]");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void truncated() throws Exception {
        Path f = file(hopper());
        RejectedInput.truncate(f, 0.5);
        assertRejected("truncated", f, "HDF5");
    }

    @Test
    void garbageBytes() throws Exception {
        Path f = dir.resolve("hopper_medium-v2.hdf5");
        RejectedInput.garbage(f, 4096);
        assertRejected("garbage bytes", f, "HDF5");
    }

    @Test
    void missingKey() {
        Map<String, Object> m = hopper();
        m.remove("actions");
        assertRejected("missing key", file(m), "actions");
    }

    @Test
    void wrongShape() {
        Map<String, Object> m = hopper();
        m.put("observations", new float[ROWS][10]);
        assertRejected("wrong shape", file(m), "observations", "11", "10");
    }

    @Test
    void wrongType() {
        Map<String, Object> m = hopper();
        m.put("actions", new int[ROWS][3]);
        assertRejected("wrong type", file(m), "actions", "float");
    }

    @Test
    void lengthsThatDisagree() {
        Map<String, Object> m = hopper();
        m.put("rewards", new float[ROWS - 1]);
        assertRejected("short column", file(m), "rewards", "59", "60");
    }

    @Test
    void notANumber() {
        Map<String, Object> m = hopper();
        ((float[][]) m.get("observations"))[7][2] = Float.NaN;
        assertRejected("NaN", file(m), "observations", "row 7");
    }
}
