package io.oris.model.learner;

import io.oris.model.config.LearnerConfig;
import io.oris.model.nn.SeededRandom;
import io.oris.model.policy.Npy;
import io.oris.model.policy.PolicyFiles;
import io.oris.model.replay.UpdateInput;
import io.oris.storage.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy snapshots ({@link PolicyFiles}): every learner's policy survives write → read acting bit for bit as before
 * (deterministic and stochastic), NumPy alone reproduces the deterministic actions ({@code oris_policy.py}), a hopper
 * 256-256 actor fits in 300 KB, and damaged snapshots fail naming the file and field.
 */
class PolicySnapshotTest {
    static final int OBS = LearnerLifecycleTest.OBS;
    static final int ACT = LearnerLifecycleTest.ACT;
    static final Path READER = Path.of("src/main/python/oris_policy.py");

    static Learner trained(String method) {
        Learner l = Learners.createWith(method, LearnerLifecycleTest.small(), LearnerLifecycleTest.dims(),
                LearnerLifecycleTest.pretrained(), 1);
        for (UpdateInput in : LearnerLifecycleTest.inputs(l.batchSpec(), 2, 5)) {
            l.update(in);
        }
        return l;
    }

    static float[][] states(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[][] s = new float[n][dim];
        for (float[] row : s) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) (2 * r.nextGaussian());
            }
        }
        return s;
    }

    static Path write(Learner l, Path dir) throws IOException {
        Files.createDirectories(dir);
        PolicyFiles.write(l.policy().export(), dir, Map.of("method", l.method(), "step", l.step()));
        return dir;
    }

    @Test
    void everyMethodsPolicyActsAsBeforeAfterWriteAndRead(@TempDir Path tmp) throws IOException {
        for (String m : Learners.knownMethods()) {
            Learner l = trained(m);
            Policy back = PolicyFiles.read(write(l, tmp.resolve(m))).policy();
            assertEquals(OBS, back.obsDim(), m);
            assertEquals(ACT, back.actDim(), m);
            for (float[] s : states(20, OBS, 3)) {
                assertArrayEquals(l.policy().act(s, true, null), back.act(s, true, null), m + " deterministic");
                assertArrayEquals(l.policy().act(s, false, new SeededRandom(9)), back.act(s, false, new SeededRandom(9)),
                        m + " stochastic");
            }
        }
    }

    @Test
    void headsAndNormalisationAreTheLearnersOwn(@TempDir Path tmp) throws IOException {
        assertTrue(PolicyFiles.read(write(trained("sac"), tmp.resolve("sac"))).head() instanceof PolicyHead.TanhGaussian);
        assertTrue(PolicyFiles.read(write(trained("iql"), tmp.resolve("iql"))).head()
                instanceof PolicyHead.TanhMeanGaussian);
        PolicyExport td3 = PolicyFiles.read(write(trained("td3bc"), tmp.resolve("td3bc")));
        assertTrue(td3.head() instanceof PolicyHead.DeterministicTanh);
        assertArrayEquals(LearnerLifecycleTest.dims().dataset().stateMean(), td3.normalizer().mean());
        assertEquals(null, PolicyFiles.read(write(trained("bc"), tmp.resolve("bc"))).normalizer());
    }

    @Test
    void hopperSnapshotIsAtMost300KB(@TempDir Path tmp) throws IOException {
        // the default actor (256-256) at hopper's dims: 11 → 256 → 256 → 2·3
        Learner sac = Learners.create("sac", LearnerConfig.defaults(), LearnerDims.of(11, 3), null, 0);
        Path dir = write(sac, tmp.resolve("hopper"));
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("[policy snapshot] hopper SAC 256-256: %,d bytes in %s%n", bytes, dir.getFileName());
        long params = (11 * 256 + 256) + (256 * 256 + 256) + (256 * 6 + 6);
        assertTrue(bytes >= 4 * params, "float32 weights: " + bytes);
        assertTrue(bytes <= 300 * 1024, "hopper snapshot " + bytes + " bytes, goal 300 KB");
    }

    @Test
    void numpyAloneComputesTheSameDeterministicActions(@TempDir Path tmp) throws Exception {
        String absent = numpyAbsent();
        Assumptions.assumeTrue(absent == null, absent);
        for (String m : List.of("sac", "oris", "cql", "iql", "sql", "td3bc", "bc")) {
            Learner l = trained(m);
            Path dir = write(l, tmp.resolve(m));
            float[][] s = states(10, OBS, 17);
            float[] flat = new float[10 * OBS];
            for (int i = 0; i < 10; i++) {
                System.arraycopy(s[i], 0, flat, i * OBS, OBS);
            }
            Path statesFile = tmp.resolve(m + "-states.npy");
            Path actionsFile = tmp.resolve(m + "-actions.npy");
            Npy.write(statesFile, flat, 10, OBS);
            Process p = new ProcessBuilder("/usr/bin/python3", READER.toString(), dir.toString(), statesFile.toString(),
                    actionsFile.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python reader did not finish");
            assertEquals(0, p.exitValue(), "python reader: " + output);
            Npy.Array actions = Npy.read(actionsFile);
            assertArrayEquals(new int[] {10, ACT}, actions.shape(), m);
            for (int i = 0; i < 10; i++) {
                float[] java = l.policy().act(s[i], true, null);
                for (int j = 0; j < ACT; j++) {
                    assertEquals(java[j], actions.values()[i * ACT + j], 1e-5, m + " state " + i + " action " + j);
                }
            }
        }
    }

    /** Why NumPy cannot run here, or null. */
    static String numpyAbsent() throws InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return "/usr/bin/python3 absent -- the NumPy reader check is SKIPPED";
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "numpy absent from /usr/bin/python3 -- the NumPy reader check is SKIPPED";
            }
        } catch (IOException e) {
            return "/usr/bin/python3 cannot start (" + e.getMessage() + ") -- the NumPy reader check is SKIPPED";
        }
        return null;
    }

    @Test
    void damagedSnapshotsFailNamingFileAndField(@TempDir Path tmp) throws IOException {
        Path dir = write(trained("sac"), tmp.resolve("sac"));
        BadInputException e = assertThrows(BadInputException.class, () -> PolicyFiles.read(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("policy.json"), e.getMessage());

        Files.delete(dir.resolve("layer1_bias.npy"));
        e = assertThrows(BadInputException.class, () -> PolicyFiles.read(dir));
        assertTrue(e.getMessage().contains("layers[1].bias") && e.getMessage().contains("layer1_bias.npy"),
                e.getMessage());

        Npy.write(dir.resolve("layer1_bias.npy"), new double[16], 16);
        e = assertThrows(BadInputException.class, () -> PolicyFiles.read(dir));
        assertTrue(e.getMessage().contains("layer1_bias.npy") && e.getMessage().contains("'<f4'"), e.getMessage());

        Files.write(dir.resolve("layer1_bias.npy"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        e = assertThrows(BadInputException.class, () -> PolicyFiles.read(dir));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());

        Files.writeString(dir.resolve("policy.json"), "{\"format\": \"oris-policy/9\"}");
        e = assertThrows(BadInputException.class, () -> PolicyFiles.read(dir));
        assertTrue(e.getMessage().contains("format") && e.getMessage().contains("oris-policy/1"), e.getMessage());
    }
}
