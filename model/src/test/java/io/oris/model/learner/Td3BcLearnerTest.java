package io.oris.model.learner;

import io.oris.model.config.LearnerConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.config.Td3BcConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TD3+BC as the paper and CORL run it: states standardised with the dataset's mean and std + 1e-3 in training and in
 * the policy handed out (which takes raw observations), the normaliser saved in snapshots, and the delayed actor loss
 * evaluated with the critics after the same update's critic step.
 */
class Td3BcLearnerTest {
    static final int OBS = OfflineLossTest.OBS;
    static final int ACT = OfflineLossTest.ACT;
    static final SacConfig CFG = OfflineLossTest.CFG;
    static final double[] MEAN = {0.3, -0.5, 1.2};
    static final double[] STD = {0.5, 2.0, 0.1};

    static LearnerDims dims() {
        return new LearnerDims(OBS, ACT, new DatasetStats(MEAN, STD, Double.NaN, Double.NaN));
    }

    static Td3BcConfig config(boolean normalize) {
        // delay 1: every update trains the actor
        return Td3BcConfig.builder().policyDelay(1).normalizeStates(normalize).build();
    }

    static double[] normalized(double[] s) {
        double[] o = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            o[j] = (s[j] - MEAN[j]) / (STD[j] + 1e-3);
        }
        return o;
    }

    /** Independent TD3+BC losses on the standardised batch; {@code cp} are the critics the actor loss uses. */
    private static double[] reference(Td3BcLearner l, Batch b, double[] ap, double[] atp, double[] cpCritic,
                                      double[] tp, double[] cpActor, boolean normalize) {
        int n = b.size();
        int[] qs = Ref.sizes(OBS + ACT, CFG.hidden(), 1);
        int[] as = Ref.sizes(OBS, CFG.hidden(), ACT);
        int qn = Ref.paramCount(qs);
        double[] noise = l.smoothingNoise();
        double cl = 0;
        double absQ = 0;
        double meanQ = 0;
        double bc = 0;
        for (int i = 0; i < n; i++) {
            double[] s = Ref.row(b.obs(), i, OBS);
            double[] s2 = Ref.row(b.nextObs(), i, OBS);
            if (normalize) {
                s = normalized(s);
                s2 = normalized(s2);
            }
            double[] a = Ref.row(b.actions(), i, ACT);
            double[] a2 = Ref.forward(atp, 0, as, s2);
            double[] pi = Ref.forward(ap, 0, as, s);
            for (int j = 0; j < ACT; j++) {
                a2[j] = Math.max(-1, Math.min(1, Math.tanh(a2[j]) + noise[i * ACT + j]));
                pi[j] = Math.tanh(pi[j]);
                bc += (pi[j] - a[j]) * (pi[j] - a[j]) / (n * ACT);
            }
            double[] s2a2 = Ref.concat(s2, a2);
            double y = b.rewards()[i] + CFG.gamma() * (1 - b.done()[i])
                    * Math.min(Ref.forward(tp, 0, qs, s2a2)[0], Ref.forward(tp, qn, qs, s2a2)[0]);
            double q1 = Ref.forward(cpCritic, 0, qs, Ref.concat(s, a))[0];
            double q2 = Ref.forward(cpCritic, qn, qs, Ref.concat(s, a))[0];
            cl += ((q1 - y) * (q1 - y) + (q2 - y) * (q2 - y)) / n;
            double qpi = Ref.forward(cpActor, 0, qs, Ref.concat(s, pi))[0];
            absQ += Math.abs(qpi) / n;
            meanQ += qpi / n;
        }
        double lambda = 2.5 / absQ;
        return new double[] {cl, -lambda * meanQ + bc, lambda};
    }

    @Test
    void trainsOnStandardisedStatesAndNextStates() {
        Td3BcLearner l = new Td3BcLearner("td3bc", dims(), CFG, config(true), 41);
        Batch b = Ref.randomBatch(new Random(42), 7, OBS, ACT);
        l.prepare(UpdateInput.of(b, Batch.empty(OBS, ACT)));
        Map<String, Double> m = l.lossesAndGradients();
        double[] cp = Ref.params(l.criticGroup());
        double[] ref = reference(l, b, Ref.params(l.actorGroup()), HostIO.toHost(l.actorGroup().target()), cp,
                HostIO.toHost(l.criticGroup().target()), cp, true);
        Ref.assertRel(ref[0], m.get("critic_loss"), 1e-9, "TD3+BC critic loss on standardised states");
        Ref.assertRel(ref[1], m.get("actor_loss"), 1e-9, "TD3+BC actor loss on standardised states");
        Ref.assertRel(ref[2], l.lambda(), 1e-9, "TD3+BC lambda on standardised states");
        double[] ga = Ref.grads(l.actorGroup());
        double lam = l.lambda();
        Ref.checkGradient(l.actorGroup().params(), ga, 0, ga.length, Ref.sizes(OBS, CFG.hidden(), ACT), 0, () -> {
            Map<String, Double> mm = l.lossesAndGradients();
            return -lam * mm.get("q_mean") + mm.get("bc_loss");
        }, "TD3+BC actor (standardised states)");
        // the raw-state losses differ: the test would notice a missing normalisation
        double[] raw = reference(l, b, Ref.params(l.actorGroup()), HostIO.toHost(l.actorGroup().target()), cp,
                HostIO.toHost(l.criticGroup().target()), cp, false);
        assertTrue(Math.abs(raw[0] - ref[0]) > 1e-6 * Math.abs(ref[0]), "raw and standardised critic losses coincide");
    }

    @Test
    void policyStandardisesRawObservations() {
        Td3BcLearner l = new Td3BcLearner("td3bc", dims(), CFG, config(true), 43);
        for (UpdateInput in : Ref.offlineInputs(3, 7, OBS, ACT, 44)) {
            l.update(in);
        }
        double[] ap = Ref.params(l.actorGroup());
        int[] as = Ref.sizes(OBS, CFG.hidden(), ACT);
        Random r = new Random(45);
        int differs = 0;
        for (int k = 0; k < 5; k++) {
            float[] raw = new float[OBS];
            double[] rawD = new double[OBS];
            for (int j = 0; j < OBS; j++) {
                raw[j] = (float) (MEAN[j] + STD[j] * 2 * r.nextGaussian());
                rawD[j] = raw[j];
            }
            double[] f = Ref.forward(ap, 0, as, normalized(rawD));
            double[] unnormalised = Ref.forward(ap, 0, as, rawD);
            float[] a = l.policy().act(raw, true, new SeededRandom(1));
            float[] aStochastic = l.act(raw, false, new SeededRandom(2));
            for (int j = 0; j < ACT; j++) {
                assertEquals(Math.tanh(f[j]), a[j], 1e-5, "policy on a raw observation, action " + j);
                assertEquals(a[j], aStochastic[j], 0.0, "the TD3+BC actor is deterministic");
                differs += Math.abs(Math.tanh(unnormalised[j]) - a[j]) > 1e-3 ? 1 : 0;
            }
        }
        assertTrue(differs >= 5, "the network on raw observations gives the same actions (" + differs
                + " of 10 differ); the check is vacuous");
    }

    @Test
    void withoutNormalisationThePolicyActsOnRawObservations() {
        Td3BcLearner l = new Td3BcLearner("td3bc", dims(), CFG, config(false), 46);
        assertArrayEquals(new double[OBS], l.normalizer().mean());
        assertArrayEquals(new double[] {1, 1, 1}, l.normalizer().scale());
        float[] raw = {0.7f, -1.3f, 2.2f};
        double[] f = Ref.forward(Ref.params(l.actorGroup()), 0, Ref.sizes(OBS, CFG.hidden(), ACT),
                new double[] {0.7f, -1.3f, 2.2f});
        float[] a = l.act(raw, true, new SeededRandom(1));
        for (int j = 0; j < ACT; j++) {
            assertEquals(Math.tanh(f[j]), a[j], 1e-5);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new Td3BcLearner("td3bc", new LearnerDims(OBS, ACT, null), CFG, config(true), 1));
    }

    @Test
    void snapshotCarriesTheNormaliser() throws Exception {
        LearnerConfig c = LearnerConfig.defaults().withOverrides(Map.of("sac.hidden", List.of(8, 8),
                "sac.singleSourceBatch", 16));
        Learner trained = Learners.create("td3bc", c, dims(), null, 47);
        for (UpdateInput in : Ref.offlineInputs(4, 16, OBS, ACT, 48)) {
            trained.update(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.save(out);
        // as the evaluate stage builds it: unit statistics, another seed; everything must come from the snapshot
        Td3BcLearner restored = (Td3BcLearner) Learners.create("td3bc", c, LearnerDims.of(OBS, ACT), null, 99);
        float[] probe = {1.1f, -3.0f, 1.25f};
        assertFalse(java.util.Arrays.equals(trained.act(probe, true, null), restored.act(probe, true, null)));
        restored.load(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(((Td3BcLearner) trained).normalizer().mean(), restored.normalizer().mean());
        assertArrayEquals(((Td3BcLearner) trained).normalizer().scale(), restored.normalizer().scale());
        double[] scale = restored.normalizer().scale();
        for (int j = 0; j < OBS; j++) {
            assertEquals(STD[j] + 1e-3, scale[j], 1e-15);
        }
        Random r = new Random(49);
        for (int k = 0; k < 5; k++) {
            float[] raw = new float[OBS];
            for (int j = 0; j < OBS; j++) {
                raw[j] = (float) (MEAN[j] + STD[j] * r.nextGaussian());
            }
            assertArrayEquals(trained.act(raw, true, null), restored.act(raw, true, null));
        }
    }

    @Test
    void actorLossUsesTheCriticsAfterTheirStep() {
        Td3BcLearner l = new Td3BcLearner("td3bc", dims(), CFG, config(true), 50);
        Batch b = Ref.randomBatch(new Random(51), 7, OBS, ACT);
        double[] ap = Ref.params(l.actorGroup());
        double[] atp = HostIO.toHost(l.actorGroup().target());
        double[] cpBefore = Ref.params(l.criticGroup());
        double[] tpBefore = HostIO.toHost(l.criticGroup().target());
        Map<String, Double> m = l.update(UpdateInput.of(b, Batch.empty(OBS, ACT)));
        double[] cpAfter = Ref.params(l.criticGroup()); // Polyak moves only the targets
        double[] ref = reference(l, b, ap, atp, cpBefore, tpBefore, cpAfter, true);
        Ref.assertRel(ref[0], m.get("critic_loss"), 1e-9, "TD3+BC critic loss of the update");
        Ref.assertRel(ref[1], m.get("actor_loss"), 1e-9, "TD3+BC actor loss with the stepped critics");
        double[] stale = reference(l, b, ap, atp, cpBefore, tpBefore, cpBefore, true);
        assertTrue(Math.abs(stale[1] - ref[1]) > 1e-6 * Math.abs(ref[1]),
                "actor losses with the critics before and after their step coincide: " + stale[1] + " " + ref[1]);
    }

    @Test
    void criticOnlyUpdatesEvaluateNoActorLossAndLeaveTheActorAlone() {
        Td3BcConfig delayed = Td3BcConfig.builder().policyDelay(2).normalizeStates(true).build();
        Td3BcLearner l = new Td3BcLearner("td3bc", dims(), CFG, delayed, 53);
        Random r = new Random(54);
        for (int u = 1; u <= 4; u++) {
            double[] actorBefore = Ref.params(l.actorGroup());
            double[] targetBefore = HostIO.toHost(l.criticGroup().target());
            Map<String, Double> m = l.update(UpdateInput.of(Ref.randomBatch(r, 7, OBS, ACT), Batch.empty(OBS, ACT)));
            boolean actorStep = u % 2 == 0;
            assertTrue(m.containsKey("critic_loss"), "update " + u + ": " + m.keySet());
            for (String k : List.of("actor_loss", "bc_loss", "lambda", "q_mean")) {
                assertEquals(actorStep, m.containsKey(k), "update " + u + " reports " + k + " only on actor steps: "
                        + m.keySet());
            }
            assertEquals(!actorStep, java.util.Arrays.equals(actorBefore, Ref.params(l.actorGroup())),
                    "update " + u + ": the actor moves on actor steps only");
            assertEquals(!actorStep, java.util.Arrays.equals(targetBefore, HostIO.toHost(l.criticGroup().target())),
                    "update " + u + ": the targets move on actor steps only");
        }
    }
}
