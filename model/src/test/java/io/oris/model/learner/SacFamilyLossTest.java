package io.oris.model.learner;

import io.oris.model.config.CqlConfig;
import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.GanConfig;
import io.oris.model.config.H2oConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.oris.StateGan;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For SAC, H2O (and its ablations), ORIS, DARC and CQL: on tiny double-precision networks and a fixed batch, the
 * learner's losses equal an independent plain-Java recomputation, and its gradients match finite differences.
 */
class SacFamilyLossTest {
    static final int OBS = 3;
    static final int ACT = 2;
    static final double TOL = 1e-9;

    static SacConfig tiny() {
        // last-layer gain 0 = default init, so outputs (and gradients) are not all tiny; log σ bounds tight enough
        // that some rows hit the clamp
        return SacConfig.builder()
                .hidden(List.of(5, 4))
                .initialAlpha(0.7)
                .logStdMin(-0.3)
                .logStdMax(0.3)
                .logStdMultiplier(1.3)
                .logStdOffset(-0.2)
                .lastLayerGain(0.0)
                .offlineBatch(4)
                .simulatedBatch(5)
                .singleSourceBatch(9)
                .dataType("double")
                .build();
    }

    static DiscriminatorConfig tinyDisc() {
        return DiscriminatorConfig.builder().hidden(List.of(5, 4)).lr(1e-3).realBatch(3).simBatch(4).build();
    }

    private static LearnerDims dims() {
        return new LearnerDims(OBS, ACT, new DatasetStats(new double[OBS], new double[] {0.5, 1.0, 2.0}, Double.NaN,
                Double.NaN));
    }

    /** Checks loss values against the reference and the critic / actor gradients against finite differences. */
    private static void checkCore(SacLearner l, SacRef ref, String what) {
        Map<String, Double> m = l.lossesAndGradients();
        Ref.assertRel(ref.criticLoss, m.get("critic_loss"), TOL, what + " critic loss");
        Ref.assertRel(ref.actorLoss, m.get("actor_loss"), TOL, what + " actor loss");
        Ref.assertRel(ref.alphaLoss, m.get("alpha_loss"), TOL, what + " alpha loss");
        double[] gc = Ref.grads(l.criticGroup());
        double[] ga = Ref.grads(l.actorGroup());
        int[] qs = Ref.sizes(OBS + ACT, tiny().hidden(), 1);
        int[] as = Ref.sizes(OBS, tiny().hidden(), 2 * ACT);
        int nc = Ref.checkGradient(l.criticGroup().params(), gc, 0, gc.length, qs, 0,
                () -> l.lossesAndGradients().get("critic_loss"), what + " critic");
        int na = Ref.checkGradient(l.actorGroup().params(), ga, 0, ga.length, as, 0,
                () -> l.lossesAndGradients().get("actor_loss"), what + " actor");
        assertTrue(nc > 50 && na > 30, "too few parameters checked");
        checkHeadScalars(l, what);
        // α: the loss is linear in log α
        l.lossesAndGradients();
        Ref.assertRel(-(ref.alphaLoss / -l.logAlpha()), l.alphaGradient(), 1e-9, what + " alpha gradient");
    }

    /** The trainable log-std multiplier and offset of the head: analytic gradients vs central differences. */
    private static void checkHeadScalars(SacLearner l, String what) {
        l.lossesAndGradients();
        double m = l.head().multiplier();
        double o = l.head().offset();
        double gm = l.head().multiplierGrad();
        double go = l.head().offsetGrad();
        double h = 1e-6;
        l.head().setAffine(m + h, o);
        double up = l.lossesAndGradients().get("actor_loss");
        l.head().setAffine(m - h, o);
        double down = l.lossesAndGradients().get("actor_loss");
        double fdm = (up - down) / (2 * h);
        l.head().setAffine(m, o + h);
        up = l.lossesAndGradients().get("actor_loss");
        l.head().setAffine(m, o - h);
        down = l.lossesAndGradients().get("actor_loss");
        double fdo = (up - down) / (2 * h);
        l.head().setAffine(m, o);
        assertTrue(Math.abs(gm) > 1e-6 && Math.abs(go) > 1e-6, what + ": head scalars get no gradient");
        Ref.assertRel(fdm, gm, 1e-5, what + " log-std multiplier gradient");
        Ref.assertRel(fdo, go, 1e-5, what + " log-std offset gradient");
    }

    @Test
    void headStartsAtTheH2oInitialisationAndTrainsItsScalars() {
        SacLearner l = new SacLearner("sac", LearnerDims.of(OBS, ACT), SacConfig.defaults(), 5);
        assertEquals(1.0, l.head().multiplier(), 0.0);
        assertEquals(-1.0, l.head().offset(), 0.0);
        Random r = new Random(3);
        l.update(UpdateInput.of(Batch.empty(OBS, ACT), Ref.randomBatch(r, 8, OBS, ACT)));
        assertNotEquals(1.0, l.head().multiplier(), "the multiplier must be trained");
        assertNotEquals(-1.0, l.head().offset(), "the offset must be trained");
    }

    @Test
    void sacMatchesReferenceAndFiniteDifferences() {
        Random r = new Random(1);
        SacLearner l = new SacLearner("sac", dims(), tiny(), 11);
        Batch sim = Ref.randomBatch(r, 9, OBS, ACT);
        Batch off = Batch.empty(OBS, ACT);
        l.prepare(UpdateInput.of(off, sim));
        SacRef ref = new SacRef(l, tiny(), off, sim, i -> 1.0 / 9, i -> 0.0, (k, q) -> 0.0);
        checkCore(l, ref, "sac");
    }

    private static UpdateInput hybridInput(Random r) {
        return new UpdateInput(Ref.randomBatch(r, 4, OBS, ACT), Ref.randomBatch(r, 5, OBS, ACT),
                Ref.randomBatch(r, 3, OBS, ACT), Ref.randomBatch(r, 4, OBS, ACT));
    }

    /** log P_sim/P_real via the probabilities (the form of docs/reference.md §4), from the learner's discriminator parameters. */
    static double logSimOverReal(H2oLikeDisc d, double[] s, double[] a, double[] s2) {
        double[] la = d.logits(0, Ref.concat(s, a));
        double[] ls = d.logits(1, Ref.concat(s, a, s2));
        double[] pa = softmax(la[0], la[1]);
        double[] ps = softmax(ls[0] + la[0], ls[1] + la[1]);
        double ratioRealOverSim = ps[0] * pa[1] / (ps[1] * pa[0]);
        return -Math.log(ratioRealOverSim);
    }

    static double[] softmax(double a, double b) {
        double m = Math.max(a, b);
        double ea = Math.exp(a - m);
        double eb = Math.exp(b - m);
        return new double[] {ea / (ea + eb), eb / (ea + eb)};
    }

    /** Reference view of the two discriminators' parameters. */
    static final class H2oLikeDisc {
        final double[] p;
        final int[] sa = Ref.sizes(OBS + ACT, tinyDisc().hidden(), 2);
        final int[] sas = Ref.sizes(2 * OBS + ACT, tinyDisc().hidden(), 2);

        H2oLikeDisc(io.oris.model.h2o.DynamicsDiscriminators d) {
            p = Ref.params(d.group());
        }

        double[] logits(int net, double[] x) {
            double[] o = net == 0 ? Ref.forward(p, 0, sa, x) : Ref.forward(p, Ref.paramCount(sa), sas, x);
            return new double[] {2 * Math.tanh(o[0]), 2 * Math.tanh(o[1])};
        }
    }

    private void checkH2o(String method, H2oConfig h) {
        Random r = new Random(2);
        H2oLearner l = new H2oLearner(method, dims(), tiny(), h, tinyDisc(), 12);
        UpdateInput in = hybridInput(r);
        l.prepare(in);
        Batch off = in.offline();
        Batch sim = in.simulated();
        H2oLikeDisc d = new H2oLikeDisc(l.discriminators());
        int nOff = off.size();
        int nSim = sim.size();
        double[] ratio = new double[nSim];
        double[] u = new double[nSim];
        double[] un = l.uNoise();
        double[] std = dims().stateStd();
        for (int i = 0; i < nSim; i++) {
            double[] s = Ref.row(sim.obs(), i, OBS);
            double[] a = Ref.row(sim.actions(), i, ACT);
            double[] s2 = Ref.row(sim.nextObs(), i, OBS);
            ratio[i] = Math.min(h.ratioMax(), Math.max(h.ratioMin(), Math.exp(-logSimOverReal(d, s, a, s2))));
            double sum = 0;
            for (int k = 0; k < h.nextStateSamples(); k++) {
                double[] sp = s2.clone();
                for (int j = 0; j < OBS; j++) {
                    sp[j] += un[(i * h.nextStateSamples() + k) * OBS + j] * std[j] * h.nextStateNoise();
                }
                sum += logSimOverReal(d, s, a, sp);
            }
            u[i] = h.adaptiveWeights() ? Math.min(h.uMax(), Math.max(h.uMin(), sum / h.nextStateSamples())) : 1.0;
        }
        double us = 0;
        for (double x : u) {
            us += x;
        }
        double[] omega = new double[nSim];
        for (int i = 0; i < nSim; i++) {
            omega[i] = u[i] / us;
        }
        SacRef ref = new SacRef(l, tiny(), off, sim,
                i -> i < nOff ? 1.0 / nOff : (h.dynamicsRatio() ? ratio[i - nOff] : 1.0) / nSim, i -> 0.0,
                (k, q) -> {
                    if (!h.regularisation()) {
                        return 0.0;
                    }
                    double gap = 0;
                    if (h.expectationVariant()) {
                        for (int i = 0; i < nSim; i++) {
                            gap += omega[i] * q[nOff + i];
                        }
                    } else {
                        double s = 0;
                        for (int i = 0; i < nSim; i++) {
                            s += Math.exp((q[nOff + i] + Math.log(omega[i])) / h.temperature());
                        }
                        gap = h.temperature() * Math.log(s);
                    }
                    double mo = 0;
                    for (int i = 0; i < nOff; i++) {
                        mo += q[i] / nOff;
                    }
                    return h.beta() * Math.max(-h.clipDiff(), Math.min(h.clipDiff(), gap - mo));
                });
        for (int i = 0; i < nSim; i++) {
            Ref.assertRel(ratio[i], l.ratios()[nOff + i], 1e-9, method + " dynamics ratio");
            if (h.regularisation()) {
                Ref.assertRel(u[i], l.u()[nOff + i], 1e-9, method + " u(s,a)");
            }
        }
        checkCore(l, ref, method);
    }

    private static H2oConfig h2o(boolean adaptive, boolean ratio, boolean reg, boolean variant) {
        H2oConfig d = H2oConfig.defaults();
        // β large enough that the conservative term matters in the check
        return d.toBuilder()
                .beta(0.5)
                .nextStateSamples(3)
                .adaptiveWeights(adaptive)
                .dynamicsRatio(ratio)
                .regularisation(reg)
                .expectationVariant(variant)
                .build();
    }

    @Test
    void h2oMatchesReferenceAndFiniteDifferences() {
        checkH2o("h2o", h2o(true, true, true, false));
    }

    @Test
    void h2oAblationsMatchReference() {
        checkH2o("h2o-a", h2o(false, true, true, false));
        checkH2o("h2o-dr", h2o(true, false, true, false));
        checkH2o("h2o-reg", h2o(true, true, false, false));
        checkH2o("h2o-v", h2o(true, true, true, true));
    }

    @Test
    void h2oClipCutsTheConservativeGradient() {
        H2oConfig d = h2o(true, true, true, false);
        H2oConfig clipped = d.toBuilder()
                .clipDiff(1e-9)
                .adaptiveWeights(true)
                .dynamicsRatio(true)
                .regularisation(true)
                .expectationVariant(false)
                .build();
        checkH2o("h2o", clipped);
    }

    @Test
    void discriminatorLossesMatchReferenceAndFiniteDifferences() {
        Random r = new Random(3);
        io.oris.model.h2o.DynamicsDiscriminators disc = new io.oris.model.h2o.DynamicsDiscriminators(OBS, ACT,
                tinyDisc(), DataType.DOUBLE, new SeededRandom(5));
        Batch real = Ref.randomBatch(r, 3, OBS, ACT);
        Batch sim = Ref.randomBatch(r, 4, OBS, ACT);
        disc.drawNoise(new SeededRandom(6), 3, 4);
        Map<String, Double> m = disc.lossesAndGradients(real, sim);
        H2oLikeDisc d = new H2oLikeDisc(disc);
        double[] noise = disc.noise();
        double lsa = 0;
        double lsas = 0;
        int w = 2 * OBS + ACT;
        for (int i = 0; i < 7; i++) {
            Batch b = i < 3 ? real : sim;
            int row = i < 3 ? i : i - 3;
            double[] x = Ref.concat(Ref.row(b.obs(), row, OBS), Ref.row(b.actions(), row, ACT),
                    Ref.row(b.nextObs(), row, OBS));
            for (int j = 0; j < w; j++) {
                x[j] += 0.1 * noise[i * w + j];
            }
            double[] la = d.logits(0, java.util.Arrays.copyOf(x, OBS + ACT));
            double[] ls = d.logits(1, x);
            double[] pa = softmax(la[0], la[1]);
            double[] ps = softmax(ls[0] + la[0], ls[1] + la[1]);
            int label = i < 3 ? 0 : 1;
            double wt = i < 3 ? 1.0 / 3 : 1.0 / 4;
            lsa -= wt * Math.log(pa[label]);
            lsas -= wt * Math.log(ps[label]);
        }
        Ref.assertRel(lsa, m.get("dsa_loss"), TOL, "D_sa loss");
        Ref.assertRel(lsas, m.get("dsas_loss"), TOL, "D_sas loss");
        double[] g = Ref.grads(disc.group());
        int split = (int) disc.group().offset(1);
        // D_sa receives the gradient of both losses (H2O's code), D_sas only that of its own (D_sa's loss does not
        // depend on D_sas), so the sum is the objective of both
        java.util.function.DoubleSupplier both = () -> {
            Map<String, Double> mm = disc.lossesAndGradients(real, sim);
            return mm.get("dsa_loss") + mm.get("dsas_loss");
        };
        Ref.checkGradient(disc.group().params(), g, 0, split, d.sa, 0, both, "D_sa");
        Ref.checkGradient(disc.group().params(), g, split, g.length, d.sas, split, both, "D_sas");
    }

    @Test
    void orisMatchesReferenceAndFiniteDifferences() {
        Random r = new Random(4);
        GanConfig gc = GanConfig.builder()
                .generatorHidden(List.of(6, 5))
                .discriminatorHidden(List.of(6, 5))
                .steps(1)
                .batch(4)
                .lr(1e-3)
                .nonSaturating(false)
                .curveEvery(1)
                .build();
        StateGan gan = new StateGan(OBS, gc, new double[] {0.1, -0.2, 0.3}, new double[] {0.5, 1.0, 2.0},
                DataType.DOUBLE, new SeededRandom(9));
        OrisConfig oc = OrisConfig.builder().wMin(0.05).wMax(0.9).build();
        OrisLearner l = new OrisLearner("oris", dims(), tiny(), oc, gan, 13);
        UpdateInput in = UpdateInput.of(Ref.randomBatch(r, 4, OBS, ACT), Ref.randomBatch(r, 5, OBS, ACT));
        l.prepare(in);
        double[] dp = HostIO.toHost(gan.discriminatorGroup().params());
        int[] ds = Ref.sizes(OBS, gc.discriminatorHidden(), 1);
        double[] w = new double[5];
        double[] mean = {0.1, -0.2, 0.3};
        double[] std = {0.5, 1.0, 2.0};
        for (int i = 0; i < 5; i++) {
            double[] s = Ref.row(in.simulated().obs(), i, OBS);
            for (int j = 0; j < OBS; j++) {
                s[j] = (s[j] - mean[j]) / std[j];
            }
            double dOfS = 1 / (1 + Math.exp(-Ref.forward(dp, 0, ds, s)[0]));
            w[i] = Math.min(0.9, Math.max(0.05, 1 - 2 * dOfS));
            Ref.assertRel(w[i], l.weights()[4 + i], 1e-12, "w(s)");
        }
        SacRef ref = new SacRef(l, tiny(), in.offline(), in.simulated(), i -> i < 4 ? 1.0 / 4 : w[i - 4] / 5,
                i -> 0.0, (k, q) -> 0.0);
        checkCore(l, ref, "oris");
    }

    @Test
    void orisWithH2oReweightUsesTheClippedRatio() {
        Random r = new Random(5);
        OrisConfig oc = OrisConfig.builder().wMin(0.05).wMax(0.9).h2oReweight(true).build();
        OrisH2oLearner l = new OrisH2oLearner("oris-h2o_reweight", dims(), tiny(), oc, null, H2oConfig.defaults(),
                tinyDisc(), 14);
        UpdateInput in = hybridInput(r);
        l.prepare(in);
        H2oLikeDisc d = new H2oLikeDisc(getDisc(l));
        double[] w = new double[5];
        for (int i = 0; i < 5; i++) {
            double lo = logSimOverReal(d, Ref.row(in.simulated().obs(), i, OBS),
                    Ref.row(in.simulated().actions(), i, ACT), Ref.row(in.simulated().nextObs(), i, OBS));
            w[i] = Math.min(1.0, Math.max(1e-5, Math.exp(-lo)));
        }
        SacRef ref = new SacRef(l, tiny(), in.offline(), in.simulated(), i -> i < 4 ? 1.0 / 4 : w[i - 4] / 5,
                i -> 0.0, (k, q) -> 0.0);
        checkCore(l, ref, "oris-h2o_reweight");
    }

    private static io.oris.model.h2o.DynamicsDiscriminators getDisc(OrisH2oLearner l) {
        return l.discriminators();
    }

    @Test
    void darcMatchesReferenceAndFiniteDifferences() {
        for (boolean plus : new boolean[] {false, true}) {
            Random r = new Random(6);
            DarcLearner l = new DarcLearner(plus ? "darc+" : "darc", dims(), tiny(), tinyDisc(), plus, 15);
            Batch off = plus ? Ref.randomBatch(r, 4, OBS, ACT) : Batch.empty(OBS, ACT);
            UpdateInput in = new UpdateInput(off, Ref.randomBatch(r, 5, OBS, ACT), Ref.randomBatch(r, 3, OBS, ACT),
                    Ref.randomBatch(r, 4, OBS, ACT));
            l.prepare(in);
            H2oLikeDisc d = new H2oLikeDisc(l.discriminators());
            int nOff = off.size();
            double[] corr = new double[nOff + 5];
            for (int i = 0; i < 5; i++) {
                corr[nOff + i] = -logSimOverReal(d, Ref.row(in.simulated().obs(), i, OBS),
                        Ref.row(in.simulated().actions(), i, ACT), Ref.row(in.simulated().nextObs(), i, OBS));
                Ref.assertRel(corr[nOff + i], l.corrections()[nOff + i], 1e-9, "DARC reward correction");
            }
            int n = nOff + 5;
            SacRef ref = new SacRef(l, tiny(), off, in.simulated(), i -> 1.0 / n, i -> corr[i], (k, q) -> 0.0);
            checkCore(l, ref, plus ? "darc+" : "darc");
        }
    }

    @Test
    void cqlMatchesReferenceAndFiniteDifferences() {
        for (boolean is : new boolean[] {true, false}) {
            Random r = new Random(8);
            CqlConfig cc = CqlConfig.builder()
                    .minQWeight(2.0)
                    .sampledActions(3)
                    .temperature(1.5)
                    .importanceSampling(is)
                    .build();
            CqlLearner l = new CqlLearner("cql", dims(), tiny(), cc, 16);
            Batch off = Ref.randomBatch(r, 6, OBS, ACT);
            l.prepare(UpdateInput.of(off, Batch.empty(OBS, ACT)));
            int k = 3;
            int n = 6;
            int[] as = Ref.sizes(OBS, tiny().hidden(), 2 * ACT);
            int[] qs = Ref.sizes(OBS + ACT, tiny().hidden(), 1);
            double[] ap = Ref.params(l.actorGroup());
            double[] cp = Ref.params(l.criticGroup());
            double[] rn = l.repeatNoise();
            double[] un = l.uniformActions();
            SacRef ref = new SacRef(l, tiny(), off, Batch.empty(OBS, ACT), i -> 1.0 / n, i -> 0.0, (c, q) -> {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    double[] s = Ref.row(off.obs(), i, OBS);
                    double[] s2 = Ref.row(off.nextObs(), i, OBS);
                    double sum = 0;
                    for (int r2 = 0; r2 < k; r2++) {
                        double[] ua = Ref.row(un, i * k + r2, ACT);
                        double[] pa = new double[ACT];
                        double[] pn = new double[ACT];
                        double lpa = SacRef.sample(Ref.forward(ap, 0, as, s), rn, i * k + r2, ACT, tiny(), pa,
                                l.head().multiplier(), l.head().offset());
                        double lpn = SacRef.sample(Ref.forward(ap, 0, as, s2), rn, n * k + i * k + r2, ACT, tiny(),
                                pn, l.head().multiplier(), l.head().offset());
                        double qr = Ref.forward(cp, c * Ref.paramCount(qs), qs, Ref.concat(s, ua))[0];
                        double qa = Ref.forward(cp, c * Ref.paramCount(qs), qs, Ref.concat(s, pa))[0];
                        double qn = Ref.forward(cp, c * Ref.paramCount(qs), qs, Ref.concat(s, pn))[0];
                        if (is) {
                            qr -= ACT * Math.log(0.5);
                            qa -= lpa;
                            qn -= lpn;
                        }
                        sum += Math.exp(qr / 1.5) + Math.exp(qa / 1.5) + Math.exp(qn / 1.5);
                    }
                    if (!is) {
                        sum += Math.exp(q[i] / 1.5);
                    }
                    total += (1.5 * Math.log(sum) - q[i]) / n;
                }
                return 2.0 * total;
            });
            checkCore(l, ref, is ? "cql" : "cql(no importance sampling)");
        }
    }
}
