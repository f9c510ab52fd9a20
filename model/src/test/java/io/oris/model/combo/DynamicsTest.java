package io.oris.model.combo;

import io.oris.model.config.DynamicsConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Transitions;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * COMBO's dynamics ensemble and its trainer: the Gaussian NLL on a hand-worked case, gradients against finite
 * differences (members, L2, log-variance bounds), a model step, training on a known linear system with elites and
 * early stopping, and the artifact's round trip.
 */
class DynamicsTest {
    static DynamicsConfig tiny(double decay) {
        return DynamicsConfig.builder()
                .ensembleSize(2)
                .elites(1)
                .hidden(List.of(5))
                .batch(8)
                .weightDecay(List.of(decay, 2 * decay))
                .maxEpochs(50)
                .build();
    }

    static DynamicsEnsemble ensemble(DynamicsConfig c, int obs, int act, long seed) {
        return new DynamicsEnsemble(obs, act, c, new double[obs + act], filled(obs + act, 1.0), DataType.DOUBLE,
                new SeededRandom(seed));
    }

    static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    /**
     * All weights zero: μ = 0 and ℓ = 0 for every row, so log σ² = −10 + softplus(0.5 − softplus(0.5) + 10) with the
     * initial bounds (0.5, −10) = −0.474004 (softplus(0.5) = 0.974077). With targets y the loss of each member is
     * mean(y²·e^{−log σ²} + log σ²), two members, plus 0.01·D·(0.5 + 10) for the bounds and no L2.
     */
    @Test
    void nllOnAHandWorkedCase() {
        DynamicsEnsemble m = ensemble(tiny(0.0), 1, 1, 1);
        m.members().params().assign(0.0);
        double lv = -10 + Math.log1p(Math.exp(0.5 - Math.log1p(Math.exp(0.5)) + 10));
        assertEquals(-0.474004, lv, 1e-6);
        double[][] s = {{0.3, -1.0}, {2.0, 0.0}};
        double[][] a = {{1.0, 0.5}, {-1.0, 0.2}};
        double[][] y = {{1.0, 0.0, -2.0, 0.5}, {0.0, 0.0, 0.0, 3.0}};   // rows (Δs, r), D = 2
        double loss = DynamicsTrainer.lossAndGradients(m, s, a, y, 2);
        double member0 = ((1 + 0 + 4 + 0.25) * Math.exp(-lv) + 4 * lv) / 4;
        double member1 = (9 * Math.exp(-lv) + 4 * lv) / 4;
        assertEquals(member0 + member1 + 0.01 * 2 * 10.5, loss, 1e-12);
        // the bounds: d/d max = Σ_k Σ_rows dL/dlogσ²·σ(v)(1 − σ(u)) + 0.01 — checked by finite differences below
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        DynamicsEnsemble m = ensemble(tiny(0.3), 2, 1, 4);
        Random r = new Random(3);
        int n = 5;
        double[][] s = new double[2][n * 2];
        double[][] a = new double[2][n];
        double[][] y = new double[2][n * 3];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < s[k].length; i++) {
                s[k][i] = r.nextGaussian();
            }
            for (int i = 0; i < a[k].length; i++) {
                a[k][i] = r.nextGaussian();
            }
            for (int i = 0; i < y[k].length; i++) {
                y[k][i] = 2 * r.nextGaussian();
            }
        }
        // bounds close to the outputs so that both softplus bounds have non-trivial slopes
        double[] b = m.bounds();
        for (int j = 0; j < 3; j++) {
            b[j] = 0.3 - 0.2 * j;
            b[3 + j] = -0.5 - 0.1 * j;
        }
        DynamicsTrainer.lossAndGradients(m, s, a, y, n);
        double[] g = HostIO.toHost(m.members().grads());
        double[] bg = m.boundsGrad().clone();
        double h = 1e-6;
        int checked = 0;
        for (int p = 0; p < g.length; p += 3) {
            if (isConstantColumn(m, p)) {
                assertEquals(0.0, g[p], 0.0, "constant column " + p + " has a gradient");
                continue;
            }
            double x = m.members().params().getDouble(p);
            m.members().params().putScalar(p, x + h);
            double up = DynamicsTrainer.lossAndGradients(m, s, a, y, n);
            m.members().params().putScalar(p, x - h);
            double down = DynamicsTrainer.lossAndGradients(m, s, a, y, n);
            m.members().params().putScalar(p, x);
            double fd = (up - down) / (2 * h);
            assertEquals(fd, g[p], 1e-6 + 1e-5 * Math.abs(fd), "d loss / d member param " + p);
            checked++;
        }
        assertTrue(checked > 20, "checked " + checked);
        for (int j = 0; j < b.length; j++) {
            double x = b[j];
            b[j] = x + h;
            double up = DynamicsTrainer.lossAndGradients(m, s, a, y, n);
            b[j] = x - h;
            double down = DynamicsTrainer.lossAndGradients(m, s, a, y, n);
            b[j] = x;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, bg[j], 1e-6 + 1e-5 * Math.abs(fd), "d loss / d bound " + j);
        }
    }

    /** The hidden layers' constant column (0, …, 0, 1) of the folded-bias layout never trains. */
    static boolean isConstantColumn(DynamicsEnsemble m, int p) {
        io.oris.model.nn.Mlp net = m.net();
        long local = p % net.paramCount();
        for (int l = 0; l < net.layers(); l++) {
            long end = net.offset(l) + (long) net.rows(l) * net.cols(l);
            if (local < end) {
                long col = (local - net.offset(l)) % net.cols(l);
                return l < net.layers() - 1 && col == net.cols(l) - 1;
            }
        }
        return false;
    }

    @Test
    void sampleWithZeroNoiseIsStatePlusMean() {
        DynamicsEnsemble m = ensemble(tiny(0.0), 2, 1, 7);
        double[] s = {0.5, -1.0, 2.0, 0.25};
        double[] a = {0.3, -0.7};
        double[] mu = new double[6];
        double[] lv = new double[6];
        m.predict(1, s, a, 2, mu, lv);
        double[] next = new double[4];
        double[] rew = new double[2];
        m.sample(s, a, 2, new int[] {1, 1}, new double[6], next, rew);
        assertArrayEquals(new double[] {0.5 + mu[0], -1.0 + mu[1], 2.0 + mu[3], 0.25 + mu[4]}, next, 1e-12);
        assertArrayEquals(new double[] {mu[2], mu[5]}, rew, 1e-12);
        // with noise 1 the draw moves by σ = exp(log σ² / 2)
        m.sample(s, a, 2, new int[] {1, 1}, filled(6, 1.0), next, rew);
        assertEquals(mu[2] + Math.exp(0.5 * lv[2]), rew[0], 1e-12);
    }

    /** s' = s + 0.5·a·(1, −1), r = s₀ − a: the trained members predict it, elites are the best, the artifact reloads. */
    @Test
    void learnsALinearSystemAndRoundTrips(@TempDir Path dir) throws Exception {
        Random r = new Random(11);
        int n = 400;
        float[] obs = new float[n * 2];
        float[] act = new float[n];
        float[] next = new float[n * 2];
        float[] rew = new float[n];
        for (int i = 0; i < n; i++) {
            obs[2 * i] = (float) r.nextGaussian();
            obs[2 * i + 1] = (float) r.nextGaussian();
            act[i] = (float) (2 * r.nextDouble() - 1);
            next[2 * i] = obs[2 * i] + 0.5f * act[i];
            next[2 * i + 1] = obs[2 * i + 1] - 0.5f * act[i];
            rew[i] = obs[2 * i] - act[i];
        }
        Transitions data = new Transitions(n, 2, 1, obs, act, rew, next, new float[n]);
        DynamicsConfig c = DynamicsConfig.builder()
                .ensembleSize(3)
                .elites(2)
                .hidden(List.of(32, 32))
                .lr(3e-3)
                .batch(32)
                .weightDecay(List.of(0.0, 0.0, 0.0))
                .maxEpochs(60)
                .build();
        DynamicsTrainer.Result res = new DynamicsTrainer(c, 5).train(data, DataType.DOUBLE);
        DynamicsEnsemble m = res.model();
        assertTrue(res.curve().size() >= 2);
        double first = res.curve().get(0).holdoutMse();
        double[] best = res.holdoutMse();
        int[] el = m.elites();
        assertEquals(2, el.length);
        for (int k = 0; k < 3; k++) {
            assertTrue(best[el[0]] <= best[k] && (k == el[0] || k == el[1] || best[el[1]] <= best[k]),
                    "elites are the lowest held-out MSEs");
        }
        assertTrue(best[el[0]] < 0.02 && best[el[0]] < first / 5, "held-out MSE " + best[el[0]] + " (first epoch "
                + first + ")");
        double[] s = {0.2, -0.4};
        double[] a = {0.6};
        double[] mu = new double[3];
        double[] lv = new double[3];
        m.predict(el[0], s, a, 1, mu, lv);
        assertEquals(0.3, mu[0], 0.15);
        assertEquals(-0.3, mu[1], 0.15);
        assertEquals(-0.4, mu[2], 0.15);
        m.checkpoint(dir.resolve("dynamics.bin"));
        DynamicsEnsemble back = DynamicsEnsemble.load(dir.resolve("dynamics.bin"), c, DataType.DOUBLE);
        assertArrayEquals(el, back.elites());
        double[] mu2 = new double[3];
        double[] lv2 = new double[3];
        back.predict(el[0], s, a, 1, mu2, lv2);
        assertArrayEquals(mu, mu2, 0.0);
        assertArrayEquals(lv, lv2, 0.0);
    }
}
