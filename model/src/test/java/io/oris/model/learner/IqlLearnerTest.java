package io.oris.model.learner;

import io.oris.model.config.IqlConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.nn.CosineAnnealing;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Transitions;
import io.oris.model.replay.UpdateInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IQL as the paper and CORL run it on locomotion: rewards scaled by 1000 / (max − min episode return) of the
 * dataset, the actor's learning rate annealed by a cosine over the run, the Gaussian actor with a state-independent
 * σ acting with its (clipped) mean.
 */
class IqlLearnerTest {
    static final int OBS = OfflineLossTest.OBS;
    static final int ACT = OfflineLossTest.ACT;
    static final SacConfig CFG = OfflineLossTest.CFG;

    static IqlConfig config(String schedule, long maxSteps, String rewardScale) {
        return IqlConfig.builder().actorLrSchedule(schedule).maxSteps(maxSteps).rewardScale(rewardScale).build();
    }

    static LearnerDims dims(double minReturn, double maxReturn) {
        return new LearnerDims(OBS, ACT, new DatasetStats(new double[OBS], new double[] {1, 1, 1}, minReturn,
                maxReturn));
    }

    @Test
    void rewardScaleComesFromTheDatasetsEpisodeReturns() {
        // episodes end at a terminal or a time limit: [1, 2, 3 | terminal] = 6, [5, 5 | timeout] = 10,
        // [-1 | terminal] = -1; the trailing [100, 100] has no end and does not count
        float[] rewards = {1, 2, 3, 5, 5, -1, 100, 100};
        boolean[] ends = {false, false, true, false, true, true, false, false};
        int n = rewards.length;
        float[] obs = new float[n * OBS];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = i % 5;
        }
        Transitions data = new Transitions(n, OBS, ACT, obs, new float[n * ACT], rewards, obs.clone(), new float[n]);
        DatasetStats stats = DatasetStats.of(data, ends);
        assertEquals(-1.0, stats.minEpisodeReturn(), 0.0);
        assertEquals(10.0, stats.maxEpisodeReturn(), 0.0);
        double[][] ms = data.stateMeanStd();
        assertArrayEquals(ms[0], stats.stateMean());
        assertArrayEquals(ms[1], stats.stateStd());

        LearnerDims dims = new LearnerDims(OBS, ACT, stats);
        IqlLearner l = new IqlLearner("iql", dims, CFG, config("cosine", 100, "returns_range"), 1);
        assertEquals(1000.0 / 11.0, l.rewardScale(), 1e-12);
        assertEquals(1.0, new IqlLearner("iql", dims, CFG, config("cosine", 100, "none"), 1).rewardScale(), 0.0);

        // without a known return range the learner cannot train, unless a snapshot brings the factor
        IqlLearner unknown = new IqlLearner("iql", LearnerDims.of(OBS, ACT), CFG, config("cosine", 100,
                "returns_range"), 2);
        assertTrue(Double.isNaN(unknown.rewardScale()));
        UpdateInput in = Ref.offlineInputs(1, 5, OBS, ACT, 3).get(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unknown.update(in));
        assertTrue(e.getMessage().contains("rewardScale"), e.getMessage());
        // a single complete episode has no range either
        DatasetStats one = DatasetStats.of(data, new boolean[] {false, false, true, false, false, false, false, false});
        assertTrue(!one.hasReturnRange());
        assertTrue(Double.isNaN(new IqlLearner("iql", new LearnerDims(OBS, ACT, one), CFG,
                config("cosine", 100, "returns_range"), 1).rewardScale()));
        assertThrows(IllegalArgumentException.class,
                () -> new IqlLearner("iql", dims, CFG, config("cosine", 100, "minmax"), 1));
    }

    @Test
    void snapshotCarriesTheRewardScale() throws Exception {
        IqlLearner trained = new IqlLearner("iql", dims(-50, 350), CFG, config("cosine", 100, "returns_range"), 4);
        trained.update(Ref.offlineInputs(1, 5, OBS, ACT, 5).get(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.save(out);
        IqlLearner restored = new IqlLearner("iql", LearnerDims.of(OBS, ACT), CFG, config("cosine", 100,
                "returns_range"), 6);
        restored.load(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(2.5, restored.rewardScale(), 1e-15);
        assertArrayEquals(trained.logStd(), restored.logStd());
    }

    @Test
    void cosineAnnealingAtTheStartMiddleAndEnd() {
        assertEquals(3e-4, CosineAnnealing.lr(3e-4, 0, 1000), 0.0);
        assertEquals(1.5e-4, CosineAnnealing.lr(3e-4, 500, 1000), 1e-18);
        assertEquals(0.0, CosineAnnealing.lr(3e-4, 1000, 1000), 0.0);
        assertEquals(3e-4 * (1 + Math.cos(Math.PI / 4)) / 2, CosineAnnealing.lr(3e-4, 250, 1000), 1e-18);
        IqlLearner l = new IqlLearner("iql", dims(0, 10), CFG, config("cosine", 1000, "returns_range"), 7);
        assertEquals(3e-4, l.actorLr(0), 0.0);
        assertEquals(1.5e-4, l.actorLr(500), 1e-18);
        assertEquals(0.0, l.actorLr(1000), 0.0);
        IqlLearner c = new IqlLearner("iql", dims(0, 10), CFG, config("constant", 1000, "returns_range"), 7);
        assertEquals(3e-4, c.actorLr(500), 0.0);
    }

    /**
     * With T = 2: update 0 runs at lr (both schedules give the same parameters), update 1 (t = T/2) moves the actor
     * by half the constant schedule's step from the same state, update 2 (t = T) does not move it while the critics
     * still learn.
     */
    @Test
    void cosineScheduleDrivesTheActorsSteps() {
        IqlLearner cos = new IqlLearner("iql", dims(0, 10), CFG, config("cosine", 2, "returns_range"), 8);
        IqlLearner con = new IqlLearner("iql", dims(0, 10), CFG, config("constant", 2, "returns_range"), 8);
        List<UpdateInput> in = Ref.offlineInputs(3, 6, OBS, ACT, 9);
        assertEquals(3e-4, cos.update(in.get(0)).get("actor_lr"), 0.0);
        con.update(in.get(0));
        assertArrayEquals(Ref.params(con.actorGroup()), Ref.params(cos.actorGroup()));
        assertArrayEquals(con.logStd(), cos.logStd());

        double[] a0 = Ref.params(cos.actorGroup());
        double[] s0 = cos.logStd().clone();
        assertEquals(1.5e-4, cos.update(in.get(1)).get("actor_lr"), 1e-18);
        con.update(in.get(1));
        double[] aCos = Ref.params(cos.actorGroup());
        double[] aCon = Ref.params(con.actorGroup());
        int moved = 0;
        for (int p = 0; p < a0.length; p++) {
            double dCon = aCon[p] - a0[p];
            if (dCon != 0) {
                moved++;
                assertEquals(0.5 * dCon, aCos[p] - a0[p], 1e-9 * Math.abs(dCon) + 1e-15, "actor parameter " + p);
            }
        }
        assertTrue(moved > 10, "actor parameters moved: " + moved);
        for (int j = 0; j < ACT; j++) {
            double dCon = con.logStd()[j] - s0[j];
            assertTrue(dCon != 0);
            assertEquals(0.5 * dCon, cos.logStd()[j] - s0[j], 1e-9 * Math.abs(dCon) + 1e-15, "log σ " + j);
        }

        double[] a1 = Ref.params(cos.actorGroup());
        double[] s1 = cos.logStd().clone();
        double[] c1 = Ref.params(cos.criticGroup());
        assertEquals(0.0, cos.update(in.get(2)).get("actor_lr"), 0.0);
        assertArrayEquals(a1, Ref.params(cos.actorGroup()), "at t = T the actor does not move");
        assertArrayEquals(s1, cos.logStd());
        assertTrue(!java.util.Arrays.equals(c1, Ref.params(cos.criticGroup())), "the critics still learn");
    }

    @Test
    void gaussianPolicyActsWithItsClippedMean() {
        IqlLearner l = new IqlLearner("iql", dims(0, 10), CFG, config("cosine", 100, "returns_range"), 10);
        l.logStd()[0] = -0.2;
        l.logStd()[1] = 0.9; // clamped to CFG's 0.3
        l.update(Ref.offlineInputs(1, 5, OBS, ACT, 11).get(0)); // a fresh policy copy after the update
        double[] ap = Ref.params(l.actorGroup());
        double[] ls = l.logStd().clone();
        float[] o = {0.4f, -1.2f, 0.8f};
        double[] f = Ref.forward(ap, 0, Ref.sizes(OBS, CFG.hidden(), ACT), new double[] {0.4f, -1.2f, 0.8f});
        float[] det = l.act(o, true, new SeededRandom(3));
        float[] sto = l.act(o, false, new SeededRandom(3));
        SeededRandom r = new SeededRandom(3);
        for (int j = 0; j < ACT; j++) {
            assertEquals(Math.tanh(f[j]), det[j], 1e-6, "deterministic action = mean tanh(f(s))");
            double sigma = Math.exp(Math.max(CFG.logStdMin(), Math.min(CFG.logStdMax(), ls[j])));
            double expected = Math.max(-1, Math.min(1, Math.tanh(f[j]) + sigma * r.nextGaussian()));
            assertEquals(expected, sto[j], 1e-6, "stochastic action = clip(μ + σ ε)");
        }
    }
}
