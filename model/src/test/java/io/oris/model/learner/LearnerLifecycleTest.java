package io.oris.model.learner;

import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.GanConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.SeededRandom;
import io.oris.model.oris.StateGan;
import io.oris.model.replay.Batch;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Factory names, snapshot → restore → continue equality, failure on non-finite losses. */
class LearnerLifecycleTest {
    static final int OBS = 4;
    static final int ACT = 2;

    static LearnerConfig small() {
        LearnerConfig d = LearnerConfig.defaults();
        return d.withOverrides(Map.of("sac.hidden", List.of(16, 16), "sac.offlineBatch", 8, "sac.simulatedBatch", 8,
                "sac.singleSourceBatch", 16, "discriminator.hidden", List.of(8, 8), "discriminator.realBatch", 8,
                "discriminator.simBatch", 8, "cql.sampledActions", 2, "h2o.nextStateSamples", 3))
                .withOverrides(Map.of("combo.rolloutBatch", 6, "combo.rolloutHorizon", 2, "combo.rolloutEvery", 2,
                        "combo.retainRounds", 2, "dynamics.hidden", List.of(8), "dynamics.weightDecay", List.of(1e-4, 1e-4),
                        "dynamics.ensembleSize", 3, "dynamics.elites", 2));
    }

    /** The GAN (ORIS), and COMBO's untrained dynamics model and offline data (its rollouts start there). */
    static Learners.Pretrained pretrained() {
        LearnerConfig c = small();
        double[] ones = {1, 1, 1, 1, 1, 1};
        io.oris.model.combo.DynamicsEnsemble dyn = new io.oris.model.combo.DynamicsEnsemble(OBS, ACT, c.dynamics(),
                new double[OBS + ACT], ones, DataType.FLOAT, new SeededRandom(5));
        Batch b = Ref.randomBatch(new Random(12), 20, OBS, ACT);
        return new Learners.Pretrained(gan(), dyn, new io.oris.model.replay.Transitions(20, OBS, ACT, b.obs(),
                b.actions(), b.rewards(), b.nextObs(), b.done()), io.oris.model.combo.TerminationFn.NEVER);
    }

    /** Dims with dataset statistics (state std for H2O/ORIS, mean for TD3+BC, a return range for IQL). */
    static LearnerDims dims() {
        return new LearnerDims(OBS, ACT, new DatasetStats(new double[] {0.1, -0.2, 0.3, 0.0}, new double[] {1, 2, 1, 0.5},
                -10.0, 50.0));
    }

    static StateGan gan() {
        GanConfig g = GanConfig.builder()
                .generatorHidden(List.of(8, 8))
                .discriminatorHidden(List.of(8, 8))
                .steps(1)
                .batch(8)
                .lr(1e-3)
                .nonSaturating(false)
                .curveEvery(1)
                .build();
        return new StateGan(OBS, g, new double[OBS], new double[] {1, 1, 1, 1}, DataType.FLOAT, new SeededRandom(3));
    }

    static List<UpdateInput> inputs(BatchSpec s, int count, long seed) {
        Random r = new Random(seed);
        List<UpdateInput> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Batch off = s.offline() > 0 ? Ref.randomBatch(r, s.offline(), OBS, ACT) : Batch.empty(OBS, ACT);
            Batch sim = s.simulated() > 0 ? Ref.randomBatch(r, s.simulated(), OBS, ACT) : Batch.empty(OBS, ACT);
            if (s.needsDiscriminatorBatches()) {
                list.add(new UpdateInput(off, sim, Ref.randomBatch(r, s.discriminatorOffline(), OBS, ACT),
                        Ref.randomBatch(r, s.discriminatorSimulated(), OBS, ACT)));
            } else {
                list.add(UpdateInput.of(off, sim));
            }
        }
        return list;
    }

    static byte[] state(Learner l) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        l.save(out);
        return out.toByteArray();
    }

    @Test
    void everyKnownMethodBuildsAndUpdates() {
        LearnerDims dims = dims();
        for (String m : Learners.knownMethods()) {
            Learner l = Learners.createWith(m, small(), dims, pretrained(), 1);
            assertEquals(m, l.method());
            for (UpdateInput in : inputs(l.batchSpec(), 2, 5)) {
                Map<String, Double> metrics = l.update(in);
                assertTrue(metrics.values().stream().allMatch(Double::isFinite), m + " metrics " + metrics);
            }
            assertEquals(2, l.step());
            float[] a = l.act(new float[OBS], false, new SeededRandom(1));
            assertEquals(ACT, a.length);
            for (float x : a) {
                assertTrue(x >= -1 && x <= 1);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Learners.create("h2o-x", small(), dims, null, 1));
        assertThrows(IllegalArgumentException.class, () -> small().withOverrides(Map.of("sac.gama", 0.9)));
    }

    @Test
    void ablationNamesSwitchTheirConfig() {
        LearnerConfig c = Learners.resolve("h2o-a-dr", small());
        assertTrue(!c.h2o().adaptiveWeights() && !c.h2o().dynamicsRatio() && c.h2o().regularisation());
        c = Learners.resolve("h2o-reg", small());
        assertTrue(!c.h2o().regularisation() && c.h2o().adaptiveWeights());
        assertTrue(Learners.resolve("h2o-v", small()).h2o().expectationVariant());
        c = Learners.resolve("oris-no_restart-h2o_reweight", small());
        assertTrue(!c.oris().restartFromGenerator() && c.oris().h2oReweight());
    }

    @Test
    void restoreThenContinueEqualsNotStopping(@TempDir Path dir) throws Exception {
        LearnerDims dims = dims();
        for (String m : List.of("sac", "h2o", "oris", "oris-h2o_reweight", "cql", "iql", "sql", "combo", "td3bc", "bc",
                "darc+")) {
            Learner a = Learners.createWith(m, small(), dims, pretrained(), 7);
            List<UpdateInput> in = inputs(a.batchSpec(), 6, 11);
            for (int i = 0; i < 3; i++) {
                a.update(in.get(i));
            }
            Path snap = dir.resolve(m.replace('+', 'p'));
            a.snapshot(snap);
            for (int i = 3; i < 6; i++) {
                a.update(in.get(i));
            }
            Learner b = Learners.createWith(m, small(), dims, pretrained(), 99); // different seed: everything must come from the snapshot
            b.restore(snap);
            assertEquals(3, b.step());
            for (int i = 3; i < 6; i++) {
                b.update(in.get(i));
            }
            assertEquals(a.metrics(), b.metrics(), m + ": metrics after restore differ");
            assertArrayEquals(state(a), state(b), m + ": state after restore differs");
            float[] o = {0.1f, -0.2f, 0.3f, 0.4f};
            assertArrayEquals(a.act(o, false, new SeededRandom(5)), b.act(o, false, new SeededRandom(5)));
        }
    }

    @Test
    void sameSeedGivesSameNumbers() throws Exception {
        LearnerDims dims = LearnerDims.of(OBS, ACT);
        Learner a = Learners.create("sac", small(), dims, null, 3);
        Learner b = Learners.create("sac", small(), dims, null, 3);
        for (UpdateInput in : inputs(a.batchSpec(), 3, 1)) {
            assertEquals(a.update(in), b.update(in));
        }
        assertArrayEquals(state(a), state(b));
        Learner c = Learners.create("sac", small(), dims, null, 4);
        assertTrue(!java.util.Arrays.equals(state(a), state(c)));
    }

    @Test
    void nonFiniteLossStopsWithMethodTermAndStep(@TempDir Path dir) throws Exception {
        LearnerDims dims = dims();
        Learner l = Learners.create("h2o", small(), dims, null, 2);
        List<UpdateInput> in = inputs(l.batchSpec(), 3, 4);
        l.update(in.get(0));
        l.update(in.get(1));
        l.snapshot(dir);
        byte[] before = state(l);
        double[] actorBefore = HostIO.toHost(((SacLearner) l).actorGroup().params());
        double[] criticsBefore = HostIO.toHost(((SacLearner) l).criticGroup().params());
        UpdateInput bad = in.get(2);
        bad.offline().rewards()[0] = Float.NaN;
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> l.update(bad));
        assertEquals("h2o", e.method());
        assertEquals(2, e.step());
        assertEquals("q1_td_loss", e.term());
        assertTrue(e.getMessage().contains("h2o") && e.getMessage().contains("q1_td_loss")
                && e.getMessage().contains("step 2"), e.getMessage());
        // actor and critics are untouched (H2O's discriminator step of that update ran before the SAC losses),
        // and the last good snapshot is readable
        assertArrayEquals(actorBefore, HostIO.toHost(((SacLearner) l).actorGroup().params()));
        assertArrayEquals(criticsBefore, HostIO.toHost(((SacLearner) l).criticGroup().params()));
        Learner r = Learners.create("h2o", small(), dims, null, 2);
        r.restore(dir);
        assertArrayEquals(before, state(r));
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void snapshotRejectsAnotherMethod(@TempDir Path dir) throws Exception {
        LearnerDims dims = LearnerDims.of(OBS, ACT);
        Learner l = Learners.create("sac", small(), dims, null, 2);
        l.snapshot(dir);
        Learner other = Learners.create("bc", small(), dims, null, 2);
        assertThrows(java.io.IOException.class, () -> other.restore(dir));
        assertThrows(java.io.IOException.class, () -> other.load(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }

    @Test
    void hostPolicyMatchesTheNd4jActor() {
        // the plain-Java rollout forward and the learner's ND4J forward give the same deterministic action
        SacConfig s = small().sac();
        SacConfig d = s.toBuilder()
                .autoAlpha(true)
                .initialAlpha(1.0)
                .targetEntropy(null)
                .logStdMin(-20)
                .logStdMax(2)
                .logStdMultiplier(1.0)
                .logStdOffset(-1.0)
                .lastLayerGain(0.0)
                .offlineBatch(4)
                .simulatedBatch(4)
                .singleSourceBatch(4)
                .dataType("double")
                .backupEntropy(false)
                .build();
        SacLearner l = new SacLearner("sac", LearnerDims.of(OBS, ACT), d, 3);
        Random r = new Random(1);
        Batch b = Ref.randomBatch(r, 4, OBS, ACT);
        l.prepare(UpdateInput.of(Batch.empty(OBS, ACT), b));
        l.lossesAndGradients();
        double[] ap = HostIO.toHost(l.actorGroup().params());
        int[] as = Ref.sizes(OBS, d.hidden(), 2 * ACT);
        for (int i = 0; i < 4; i++) {
            float[] o = new float[OBS];
            for (int j = 0; j < OBS; j++) {
                o[j] = b.obs()[i * OBS + j];
            }
            double[] raw = Ref.forward(ap, 0, as, Ref.row(b.obs(), i, OBS));
            float[] a = l.policy().act(o, true, new SeededRandom(1));
            for (int j = 0; j < ACT; j++) {
                assertEquals(Math.tanh(raw[j]), a[j], 1e-5);
            }
        }
    }
}
