package io.oris.model.learner;

import io.oris.model.config.BcConfig;
import io.oris.model.config.IqlConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.config.Td3BcConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IQL (expectile, AWR with the Gaussian actor, scaled rewards), TD3+BC (λ) and BC: losses against independent
 * recomputation, gradients against finite differences.
 */
class OfflineLossTest {
    static final int OBS = SacFamilyLossTest.OBS;
    static final int ACT = SacFamilyLossTest.ACT;
    static final SacConfig CFG = SacFamilyLossTest.tiny();

    @Test
    void iqlMatchesReferenceAndFiniteDifferences() {
        Random r = new Random(21);
        IqlConfig ic = IqlConfig.builder().maxWeight(5.0).maxSteps(1000).build();
        // episode returns in [-20, 380]: rewards are scaled by 1000 / 400 = 2.5
        LearnerDims dims = new LearnerDims(OBS, ACT, new DatasetStats(new double[OBS], new double[] {1, 1, 1}, -20.0,
                380.0));
        IqlLearner l = new IqlLearner("iql", dims, CFG, ic, 31);
        assertEquals(2.5, l.rewardScale(), 1e-15);
        // state-independent log σ: one entry inside the clamp [-0.3, 0.3] of CFG, one above it
        l.logStd()[0] = 0.2;
        l.logStd()[1] = 0.45;
        Batch b = Ref.randomBatch(r, 7, OBS, ACT);
        l.prepare(UpdateInput.of(b, Batch.empty(OBS, ACT)));
        int[] qs = Ref.sizes(OBS + ACT, CFG.hidden(), 1);
        int[] vs = Ref.sizes(OBS, CFG.hidden(), 1);
        // shift V's output bias by the median of u so that both expectile branches (u < 0 and u > 0) occur
        {
            double[] cp0 = HostIO.toHost(l.criticGroup().target());
            double[] vp0 = Ref.params(l.valueGroup());
            double[] us = new double[7];
            for (int i = 0; i < 7; i++) {
                double[] sa = Ref.concat(Ref.row(b.obs(), i, OBS), Ref.row(b.actions(), i, ACT));
                us[i] = Math.min(Ref.forward(cp0, 0, qs, sa)[0], Ref.forward(cp0, Ref.paramCount(qs), qs, sa)[0])
                        - Ref.forward(vp0, 0, vs, Ref.row(b.obs(), i, OBS))[0];
            }
            java.util.Arrays.sort(us);
            int last = vp0.length - Ref.cols(vs, vs.length - 2); // output bias: first entry of the last row
            l.valueGroup().params().putScalar(last, vp0[last] + us[3] + 1e-3);
        }
        Map<String, Double> m = l.lossesAndGradients();
        int[] as = Ref.sizes(OBS, CFG.hidden(), ACT);
        double[] cp = Ref.params(l.criticGroup());
        double[] tp = HostIO.toHost(l.criticGroup().target());
        double[] vp = Ref.params(l.valueGroup());
        double[] ap = Ref.params(l.actorGroup());
        double[] logStd = {0.2, 0.3}; // after the clamp
        int qn = Ref.paramCount(qs);
        double vl = 0;
        double cl = 0;
        double al = 0;
        int neg = 0;
        for (int i = 0; i < 7; i++) {
            double[] s = Ref.row(b.obs(), i, OBS);
            double[] a = Ref.row(b.actions(), i, ACT);
            double[] sa = Ref.concat(s, a);
            double v = Ref.forward(vp, 0, vs, s)[0];
            double vn = Ref.forward(vp, 0, vs, Ref.row(b.nextObs(), i, OBS))[0];
            double u = Math.min(Ref.forward(tp, 0, qs, sa)[0], Ref.forward(tp, qn, qs, sa)[0]) - v;
            neg += u < 0 ? 1 : 0;
            vl += (u < 0 ? 0.3 : 0.7) * u * u / 7;
            double y = 2.5 * b.rewards()[i] + CFG.gamma() * (1 - b.done()[i]) * vn;
            double q1 = Ref.forward(cp, 0, qs, sa)[0];
            double q2 = Ref.forward(cp, qn, qs, sa)[0];
            cl += 0.5 * ((q1 - y) * (q1 - y) + (q2 - y) * (q2 - y)) / 7;
            // N(tanh(f(s)), exp(log σ)²) log-density of the data action, no tanh correction (CORL's GaussianPolicy)
            double[] f = Ref.forward(ap, 0, as, s);
            double lp = 0;
            for (int j = 0; j < ACT; j++) {
                double z = (a[j] - Math.tanh(f[j])) / Math.exp(logStd[j]);
                lp += -0.5 * z * z - logStd[j] - 0.5 * Math.log(2 * Math.PI);
            }
            al += -Math.min(Math.exp(3.0 * u), 5.0) * lp / 7;
        }
        assertTrue(neg > 0 && neg < 7, "both expectile branches should occur, negatives: " + neg);
        Ref.assertRel(vl, m.get("value_loss"), 1e-9, "IQL expectile value loss");
        Ref.assertRel(cl, m.get("critic_loss"), 1e-9, "IQL critic loss (scaled rewards)");
        Ref.assertRel(al, m.get("actor_loss"), 1e-9, "IQL actor loss");
        double[] gv = Ref.grads(l.valueGroup());
        double[] gc = Ref.grads(l.criticGroup());
        double[] ga = Ref.grads(l.actorGroup());
        double[] gls = l.logStdGradient().clone();
        Ref.checkGradient(l.valueGroup().params(), gv, 0, gv.length, vs, 0,
                () -> l.lossesAndGradients().get("value_loss"), "IQL value");
        Ref.checkGradient(l.criticGroup().params(), gc, 0, gc.length, qs, 0,
                () -> l.lossesAndGradients().get("critic_loss"), "IQL critics");
        Ref.checkGradient(l.actorGroup().params(), ga, 0, ga.length, as, 0,
                () -> l.lossesAndGradients().get("actor_loss"), "IQL actor");
        assertEquals(0.0, gls[1], 0.0, "the clamped log σ entry gets no gradient");
        assertTrue(Math.abs(gls[0]) > 1e-6, "log σ gradient " + gls[0]);
        for (int j = 0; j < ACT; j++) {
            double x = l.logStd()[j];
            double h = 1e-6;
            l.logStd()[j] = x + h;
            double up = l.lossesAndGradients().get("actor_loss");
            l.logStd()[j] = x - h;
            double down = l.lossesAndGradients().get("actor_loss");
            l.logStd()[j] = x;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, gls[j], 1e-6 + 1e-5 * Math.abs(fd), "IQL d actor_loss / d log σ[" + j + "]");
        }
    }

    @Test
    void td3bcMatchesReferenceAndFiniteDifferences() {
        Random r = new Random(22);
        // delay 1: every update trains the actor; no state normalisation (Td3BcLearnerTest covers it)
        Td3BcConfig tc = Td3BcConfig.builder().policyDelay(1).normalizeStates(false).build();
        Td3BcLearner l = new Td3BcLearner("td3bc", LearnerDims.of(OBS, ACT), CFG, tc, 32);
        Batch b = Ref.randomBatch(r, 7, OBS, ACT);
        l.prepare(UpdateInput.of(b, Batch.empty(OBS, ACT)));
        assertTrue(l.isActorStep());
        Map<String, Double> m = l.lossesAndGradients();
        int[] qs = Ref.sizes(OBS + ACT, CFG.hidden(), 1);
        int[] as = Ref.sizes(OBS, CFG.hidden(), ACT);
        double[] cp = Ref.params(l.criticGroup());
        double[] tp = HostIO.toHost(l.criticGroup().target());
        double[] ap = Ref.params(l.actorGroup());
        double[] atp = HostIO.toHost(l.actorGroup().target());
        double[] noise = l.smoothingNoise();
        int qn = Ref.paramCount(qs);
        double cl = 0;
        double absQ = 0;
        double meanQ = 0;
        double bc = 0;
        for (int i = 0; i < 7; i++) {
            double[] s = Ref.row(b.obs(), i, OBS);
            double[] s2 = Ref.row(b.nextObs(), i, OBS);
            double[] a = Ref.row(b.actions(), i, ACT);
            double[] a2 = Ref.forward(atp, 0, as, s2);
            double[] pi = Ref.forward(ap, 0, as, s);
            for (int j = 0; j < ACT; j++) {
                assertTrue(Math.abs(noise[i * ACT + j]) <= 0.5);
                a2[j] = Math.max(-1, Math.min(1, Math.tanh(a2[j]) + noise[i * ACT + j]));
                pi[j] = Math.tanh(pi[j]);
                bc += (pi[j] - a[j]) * (pi[j] - a[j]) / (7 * ACT);
            }
            double y = b.rewards()[i] + CFG.gamma() * (1 - b.done()[i])
                    * Math.min(Ref.forward(tp, 0, qs, Ref.concat(s2, a2))[0], Ref.forward(tp, qn, qs, Ref.concat(s2, a2))[0]);
            double q1 = Ref.forward(cp, 0, qs, Ref.concat(s, a))[0];
            double q2 = Ref.forward(cp, qn, qs, Ref.concat(s, a))[0];
            cl += ((q1 - y) * (q1 - y) + (q2 - y) * (q2 - y)) / 7;
            double qpi = Ref.forward(cp, 0, qs, Ref.concat(s, pi))[0];
            absQ += Math.abs(qpi) / 7;
            meanQ += qpi / 7;
        }
        double lambda = 2.5 / absQ;
        Ref.assertRel(lambda, l.lambda(), 1e-9, "TD3+BC lambda");
        Ref.assertRel(cl, m.get("critic_loss"), 1e-9, "TD3+BC critic loss");
        Ref.assertRel(-lambda * meanQ + bc, m.get("actor_loss"), 1e-9, "TD3+BC actor loss");
        double[] gc = Ref.grads(l.criticGroup());
        double[] ga = Ref.grads(l.actorGroup());
        Ref.checkGradient(l.criticGroup().params(), gc, 0, gc.length, qs, 0,
                () -> l.lossesAndGradients().get("critic_loss"), "TD3+BC critics");
        // λ is detached: the checked objective keeps it fixed at its current value
        double lam = l.lambda();
        Ref.checkGradient(l.actorGroup().params(), ga, 0, ga.length, as, 0, () -> {
            Map<String, Double> mm = l.lossesAndGradients();
            return -lam * mm.get("q_mean") + mm.get("bc_loss");
        }, "TD3+BC actor");
    }

    @Test
    void bcMatchesReferenceAndFiniteDifferences() {
        Random r = new Random(23);
        BcLearner l = new BcLearner("bc", LearnerDims.of(OBS, ACT), CFG, BcConfig.defaults(), 33);
        Batch b = Ref.randomBatch(r, 7, OBS, ACT);
        l.prepare(UpdateInput.of(b, Batch.empty(OBS, ACT)));
        Map<String, Double> m = l.lossesAndGradients();
        int[] as = Ref.sizes(OBS, CFG.hidden(), ACT);
        double[] ap = Ref.params(l.actorGroup());
        double loss = 0;
        for (int i = 0; i < 7; i++) {
            double[] pi = Ref.forward(ap, 0, as, Ref.row(b.obs(), i, OBS));
            for (int j = 0; j < ACT; j++) {
                double e = Math.tanh(pi[j]) - b.actions()[i * ACT + j];
                loss += e * e / (7 * ACT);
            }
        }
        Ref.assertRel(loss, m.get("bc_loss"), 1e-9, "BC loss");
        double[] ga = Ref.grads(l.actorGroup());
        Ref.checkGradient(l.actorGroup().params(), ga, 0, ga.length, as, 0,
                () -> l.lossesAndGradients().get("bc_loss"), "BC");
    }
}
