package io.oris.pipeline.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.train.ModelLearners;
import io.oris.sim.env.Task;
import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.ShippedDatasets;
import io.oris.storage.TransitionArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped hopper medium-replay dataset ({@code jobs/data/hopper-medium-replay-oris/}) is what its command makes:
 * re-running the behaviour collector with its seed and params reproduces its first rows bit for bit, and another
 * seed does not. Skipped until the dataset is committed.
 */
class ShippedDatasetRegenerationTest {
    static final String ID = "hopper-medium-replay-oris";
    /** The command that makes it (jobs/data/README.md). */
    static final String COMMAND = "OPENBLAS_CORETYPE=Haswell ./oris collect hopper medium-replay --size 90000 --seed 0 --random-steps 1000"
            + " --max-train-steps 90000 --no-state --id " + ID;
    /**
     * The params of that command. Pinning max_train_steps keeps the replay capacity, hence every sampled batch, the
     * same when only a prefix is regenerated (size caps the rows kept, not the training).
     */
    static final Map<String, Object> PARAMS = Map.of("random_steps", 1000L, "max_train_steps", 90_000L,
            "record_state", false);
    private static final int PREFIX = 2000;

    @TempDir
    Path dir;

    @Test
    void firstRowsRegenerateBitForBitAndAnotherSeedDiffers() {
        ShippedDatasets shipped = ShippedDatasets.onClasspath();
        if (Files.isRegularFile(Path.of("..", "jobs", "data", ID, "manifest.json"))) {
            assertTrue(shipped.has(ID), "jobs/data/" + ID + "/ exists but is not shipped: add '" + ID
                    + "' to jobs/data/index.txt (and rebuild)");
        }
        Assumptions.assumeTrue(shipped.has(ID), "jobs/data/" + ID + "/ is not committed yet; make it with `" + COMMAND
                + "`, copy <data-root>/datasets/" + ID + "/ to jobs/data/ and add its id to jobs/data/index.txt");
        Manifest m = shipped.manifest(ID);
        // bit for bit holds only with the matrix kernels the dataset was made with (its manifest records them; the
        // launcher pins OpenBLAS's Haswell kernels on AVX2+FMA CPUs, docs/determinism.md); plain `mvn test` leaves
        // OpenBLAS to pick by CPU model, and other kernels differ in the last bits
        Object made = m.made() == null ? null : m.made().options().get("numerics");
        String madeWith = made instanceof java.util.Map<?, ?> numerics ? String.valueOf(numerics.get("openblas_coretype"))
                : null;
        String here = System.getenv("OPENBLAS_CORETYPE");
        Assumptions.assumeTrue(madeWith == null || madeWith.equalsIgnoreCase(here), ID + " was made with OpenBLAS's "
                + madeWith + " kernels and OPENBLAS_CORETYPE is " + here + " here: run through ./oris test (which pins "
                + "them) to check the regeneration bit for bit");
        assertEquals("hopper", m.env());
        Map<String, Object> options = m.made().options();
        assertEquals("medium-replay", options.get("policy"), "made.options of " + ID);
        assertEquals(0, ((Number) options.get("seed")).intValue(), "made.options of " + ID);
        assertTrue(options.get("behaviour") instanceof Map<?, ?> b && b.containsKey("medium-replay_sac_final_mean_return")
                && b.containsKey("medium-replay_target_return"), "the manifest records the return reached and the target: "
                + options.get("behaviour"));

        DatasetStore store = new DatasetStore(dir);
        shipped.install(ID, store);
        TransitionArrays data = store.read(ID);
        TransitionArrays again = new BehaviourCollector(Task.HOPPER, 0, new ModelLearners(), PARAMS, line -> { })
                .collect("medium-replay", PREFIX);
        assertNull(firstDifference(data, again, PREFIX), "regenerating the first " + PREFIX + " rows of " + ID + " with `"
                + COMMAND + "` (size " + PREFIX + ")");

        TransitionArrays otherSeed = new BehaviourCollector(Task.HOPPER, 1, new ModelLearners(), PARAMS, line -> { })
                .collect("medium-replay", 300);
        assertNotNull(firstDifference(data, otherSeed, 300), "seed 1 must not reproduce the seed-0 dataset");
    }

    @Test
    void theComparisonSeesSeedsAndOnlySeeds() {
        TransitionArrays a = new BehaviourCollector(Task.HOPPER, 0, new ModelLearners(), PARAMS, line -> { })
                .collect("medium-replay", 300);
        TransitionArrays b = new BehaviourCollector(Task.HOPPER, 0, new ModelLearners(), PARAMS, line -> { })
                .collect("medium-replay", 300);
        TransitionArrays c = new BehaviourCollector(Task.HOPPER, 1, new ModelLearners(), PARAMS, line -> { })
                .collect("medium-replay", 300);
        assertNull(firstDifference(a, b, 300));
        assertNotNull(firstDifference(a, c, 300));
    }

    /** The first row and column where the first {@code rows} rows differ (bit for bit), or null when they are equal. */
    static String firstDifference(TransitionArrays expected, TransitionArrays actual, int rows) {
        if (expected.rows() < rows || actual.rows() < rows) {
            return "fewer than " + rows + " rows: " + expected.rows() + " and " + actual.rows();
        }
        int od = expected.obsDim();
        int ad = expected.actionDim();
        for (int i = 0; i < rows; i++) {
            String at = "row " + i + ": ";
            if (expected.episode()[i] != actual.episode()[i] || expected.t()[i] != actual.t()[i]) {
                return at + "episode/t " + expected.episode()[i] + "/" + expected.t()[i] + " vs " + actual.episode()[i]
                        + "/" + actual.t()[i];
            }
            String d = floats("obs", expected.obs(), actual.obs(), i * od, od);
            d = d != null ? d : floats("action", expected.action(), actual.action(), i * ad, ad);
            d = d != null ? d : floats("reward", expected.reward(), actual.reward(), i, 1);
            d = d != null ? d : floats("next_obs", expected.nextObs(), actual.nextObs(), i * od, od);
            if (d != null) {
                return at + d;
            }
            if (expected.terminal()[i] != actual.terminal()[i] || expected.timeout()[i] != actual.timeout()[i]) {
                return at + "terminal/timeout " + expected.terminal()[i] + "/" + expected.timeout()[i] + " vs "
                        + actual.terminal()[i] + "/" + actual.timeout()[i];
            }
            if (expected.hasState() && actual.hasState()) {
                d = doubles("qpos", expected.qpos(), actual.qpos(), i * expected.nq(), expected.nq());
                d = d != null ? d : doubles("qvel", expected.qvel(), actual.qvel(), i * expected.nv(), expected.nv());
                if (d != null) {
                    return at + d;
                }
            }
        }
        return null;
    }

    private static String floats(String column, float[] a, float[] b, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (Float.floatToRawIntBits(a[k]) != Float.floatToRawIntBits(b[k])) {
                return column + "[" + (k - from) + "] " + a[k] + " vs " + b[k];
            }
        }
        return null;
    }

    private static String doubles(String column, double[] a, double[] b, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (Double.doubleToRawLongBits(a[k]) != Double.doubleToRawLongBits(b[k])) {
                return column + "[" + (k - from) + "] " + a[k] + " vs " + b[k];
            }
        }
        return null;
    }
}
