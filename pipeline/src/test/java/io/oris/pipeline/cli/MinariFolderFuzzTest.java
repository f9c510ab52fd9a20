package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oris.storage.d4rl.Hdf5Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Minari dataset folder corrupted seven ways (its metadata.json and its main_data.hdf5): {@code oris ingest minari}
 * names the file and the key with what it expected and found, exits 3 and publishes nothing.
 */
class MinariFolderFuzzTest {
    @TempDir
    Path dir;

    private static final String METADATA = "{\"dataset_id\": \"mujoco/hopper/medium-v0\", \"total_episodes\": 2, "
            + "\"total_steps\": 5, \"minari_version\": \"0.5.1\"}";

    /** The arrays of a valid hopper folder: episode_0 with 3 steps (terminated), episode_1 with 2 (truncated). */
    private static Map<String, Object> episodes() {
        Map<String, Object> m = new LinkedHashMap<>();
        int[] lengths = {3, 2};
        for (int e = 0; e < 2; e++) {
            int t = lengths[e];
            float[][] obs = new float[t + 1][11];
            obs[0][0] = e;
            boolean[] term = new boolean[t];
            boolean[] trunc = new boolean[t];
            (e == 0 ? term : trunc)[t - 1] = true;
            String g = "episode_" + e + "/";
            m.put(g + "observations", obs);
            m.put(g + "actions", new float[t][3]);
            m.put(g + "rewards", new double[t]);
            m.put(g + "terminations", term);
            m.put(g + "truncations", trunc);
        }
        return m;
    }

    private Path folder(Map<String, Object> arrays, String metadata) throws Exception {
        Path folder = dir.resolve("hopper-medium-v0");
        Files.createDirectories(folder.resolve("data"));
        Hdf5Writer.write(folder.resolve("data/main_data.hdf5"), arrays);
        Files.writeString(folder.resolve("data/metadata.json"), metadata);
        return folder;
    }

    private void assertRejected(String corruption, Path folder, String... mustName) {
        Path root = dir.resolve("data-root");
        RejectedInput.assertRejected(corruption, root, new String[] {"ingest", "minari", folder.toString(), "--data-root",
                root.toString(), "--master", "local[1]"}, mustName);
    }

    @Test
    void theValidFolderIngests() throws Exception {
        Path f = folder(episodes(), METADATA);
        CliRun ok = CliRun.of("ingest", "minari", f.toString(), "--data-root", dir.resolve("data-root").toString(),
                "--master", "local[1]");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void metadataMissing() throws Exception {
        Path f = folder(episodes(), METADATA);
        Files.delete(f.resolve("data/metadata.json"));
        assertRejected("metadata missing", f, f + ": metadata.json: missing: expected it beside main_data.hdf5");
    }

    @Test
    void metadataOfGarbage() throws Exception {
        Path f = folder(episodes(), METADATA);
        RejectedInput.garbage(f.resolve("data/metadata.json"), 300);
        assertRejected("metadata garbage", f, f.resolve("data/metadata.json").toString(), "JSON");
    }

    @Test
    void metadataFieldOfTheWrongType() throws Exception {
        Path f = folder(episodes(), METADATA.replace("\"total_steps\": 5", "\"total_steps\": \"five\""));
        assertRejected("metadata wrong type", f, f.resolve("data/metadata.json").toString(), "total_steps: expected an integer, found \"five\"");
    }

    @Test
    void dataTruncated() throws Exception {
        Path f = folder(episodes(), METADATA);
        RejectedInput.truncate(f.resolve("data/main_data.hdf5"), 0.5);
        assertRejected("hdf5 truncated", f, f.resolve("data/main_data.hdf5").toString(),
                "cannot be read as HDF5 (", "bytes: truncated or corrupt?)");
    }

    @Test
    void dataOfGarbage() throws Exception {
        Path f = folder(episodes(), METADATA);
        RejectedInput.garbage(f.resolve("data/main_data.hdf5"), 4096);
        assertRejected("hdf5 garbage", f, f.resolve("data/main_data.hdf5").toString(), "HDF5");
    }

    @Test
    void episodeWithoutActions() throws Exception {
        Map<String, Object> m = episodes();
        m.remove("episode_1/actions");
        Path f = folder(m, METADATA);
        assertRejected("missing key", f, f.resolve("data/main_data.hdf5").toString(), "episode_1/actions");
    }

    @Test
    void observationsOfTheWrongWidth() throws Exception {
        Map<String, Object> m = episodes();
        m.put("episode_0/observations", new float[4][10]);
        Path f = folder(m, METADATA);
        assertRejected("wrong width", f, f.resolve("data/main_data.hdf5").toString(), "episode_0/observations",
                "expected [4, 11]", "[4, 10]");
    }

    @Test
    void actionsOfTheWrongType() throws Exception {
        Map<String, Object> m = episodes();
        m.put("episode_0/actions", new int[3][3]);
        Path f = folder(m, METADATA);
        assertRejected("wrong type", f, f.resolve("data/main_data.hdf5").toString(), "episode_0/actions", "float");
    }
}
