package io.oris.model.oris;

import io.oris.model.config.GanConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.SeededRandom;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ORIS's GAN: Eq. 4-5 losses and gradients against an independent computation, and a fit of a known mixture. */
class GanTest {
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** Plain forward, same layout as the learner's (see learner.Ref). */
    static double forward(double[] p, int[] s, double[] x) {
        double[] h = x;
        int off = 0;
        for (int l = 0; l < s.length - 1; l++) {
            int cols = l < s.length - 2 ? s[l + 1] + 1 : Math.max(2, s[l + 1]);
            double[] o = new double[s[l + 1]];
            for (int c = 0; c < s[l + 1]; c++) {
                double z = p[off + s[l] * cols + c];
                for (int r = 0; r < s[l]; r++) {
                    z += h[r] * p[off + r * cols + c];
                }
                o[c] = l < s.length - 2 ? Math.max(0, z) : z;
            }
            off += (s[l] + 1) * cols;
            h = o;
        }
        return h.length == 1 ? h[0] : Double.NaN;
    }

    static double[] forwardVec(double[] p, int[] s, double[] x) {
        double[] h = x;
        int off = 0;
        for (int l = 0; l < s.length - 1; l++) {
            int cols = l < s.length - 2 ? s[l + 1] + 1 : Math.max(2, s[l + 1]);
            double[] o = new double[s[l + 1]];
            for (int c = 0; c < s[l + 1]; c++) {
                double z = p[off + s[l] * cols + c];
                for (int r = 0; r < s[l]; r++) {
                    z += h[r] * p[off + r * cols + c];
                }
                o[c] = l < s.length - 2 ? Math.max(0, z) : z;
            }
            off += (s[l] + 1) * cols;
            h = o;
        }
        return h;
    }

    private static void checkFd(INDArray params, double[] analytic, int[] shape, java.util.function.DoubleSupplier f,
                                String what) {
        int off = 0;
        java.util.Set<Integer> constant = new java.util.HashSet<>();
        for (int l = 0; l < shape.length - 1; l++) {
            int cols = l < shape.length - 2 ? shape[l + 1] + 1 : Math.max(2, shape[l + 1]);
            for (int r = 0; r <= shape[l]; r++) {
                for (int c = 0; c < cols; c++) {
                    boolean padding = l < shape.length - 2 ? c == cols - 1 : c >= shape[l + 1];
                    if (padding) {
                        constant.add(off + r * cols + c);
                    }
                }
            }
            off += (shape[l] + 1) * cols;
        }
        for (int p = 0; p < analytic.length; p++) {
            if (constant.contains(p)) {
                continue;
            }
            double x = params.getDouble(p);
            params.putScalar(p, x + 1e-6);
            double up = f.getAsDouble();
            params.putScalar(p, x - 1e-6);
            double down = f.getAsDouble();
            params.putScalar(p, x);
            double fd = (up - down) / 2e-6;
            assertTrue(Math.abs(fd - analytic[p]) <= 1e-6 + 1e-5 * Math.abs(fd), what + " param " + p + ": " + fd
                    + " vs " + analytic[p]);
        }
    }

    @Test
    void lossesMatchEquationsFourAndFiveAndFiniteDifferences() {
        for (boolean nonSat : new boolean[] {false, true}) {
            GanConfig c = GanConfig.builder()
                    .generatorHidden(List.of(5, 4))
                    .discriminatorHidden(List.of(6, 3))
                    .noiseDim(2)
                    .steps(1)
                    .batch(5)
                    .lr(1e-3)
                    .nonSaturating(nonSat)
                    .curveEvery(1)
                    .build();
            double[] mean = {0.5, -1};
            double[] std = {2, 0.5};
            StateGan gan = new StateGan(2, c, mean, std, DataType.DOUBLE, new SeededRandom(4));
            Random r = new Random(5);
            int b = 5;
            double[] real = new double[b * 2];
            double[] z = new double[b * 2];
            for (int i = 0; i < real.length; i++) {
                real[i] = r.nextGaussian();
                z[i] = r.nextGaussian();
            }
            Map<String, Double> m = gan.lossesAndGradients(real, z, b);
            double[] gp = HostIO.toHost(gan.generatorGroup().params());
            double[] dp = HostIO.toHost(gan.discriminatorGroup().params());
            int[] gs = {2, 5, 4, 2};
            int[] ds = {2, 6, 3, 1};
            double dl = 0;
            double gl = 0;
            for (int i = 0; i < b; i++) {
                double lr = forward(dp, ds, new double[] {real[2 * i], real[2 * i + 1]});
                double[] fake = forwardVec(gp, gs, new double[] {z[2 * i], z[2 * i + 1]});
                double lf = forward(dp, ds, fake);
                // Eq. 5 as a loss: −log D(s) − log(1 − D(G(z))); Eq. 4: log(1 − D(G(z))) (or −log D(G(z)))
                dl += (-Math.log(1 / (1 + Math.exp(-lr))) - Math.log(1 - 1 / (1 + Math.exp(-lf)))) / b;
                gl += (nonSat ? -Math.log(1 / (1 + Math.exp(-lf))) : Math.log(1 - 1 / (1 + Math.exp(-lf)))) / b;
            }
            assertEquals(dl, m.get("d_loss"), 1e-9 * Math.abs(dl));
            assertEquals(gl, m.get("g_loss"), 1e-9 * Math.abs(gl));
            double[] gd = HostIO.toHost(gan.discriminatorGroup().grads());
            double[] gg = HostIO.toHost(gan.generatorGroup().grads());
            checkFd(gan.discriminatorGroup().params(), gd, ds,
                    () -> gan.lossesAndGradients(real, z, b).get("d_loss"), "D");
            checkFd(gan.generatorGroup().params(), gg, gs,
                    () -> gan.lossesAndGradients(real, z, b).get("g_loss"), "G");
        }
    }

    @Test
    void checkpointRoundTrips(@TempDir Path dir) throws Exception {
        GanConfig c = GanConfig.builder()
                .generatorHidden(List.of(8, 8))
                .discriminatorHidden(List.of(8, 8))
                .steps(20)
                .batch(16)
                .lr(1e-3)
                .nonSaturating(false)
                .curveEvery(5)
                .build();
        float[][] states = new float[50][3];
        Random r = new Random(1);
        for (float[] s : states) {
            for (int j = 0; j < 3; j++) {
                s[j] = (float) r.nextGaussian();
            }
        }
        GanTrainer.Result res = new GanTrainer(c, 3).pretrain(states);
        assertEquals(4, res.curves().size());
        res.gan().checkpoint(dir.resolve("gan.bin"));
        StateGan back = StateGan.load(dir.resolve("gan.bin"), c, DataType.FLOAT);
        assertArrayEquals(HostIO.toHost(res.gan().generatorGroup().params()),
                HostIO.toHost(back.generatorGroup().params()));
        assertArrayEquals(res.gan().generate(new SeededRandom(2)), back.generate(new SeededRandom(2)));
        double[] x = {0.1, 0.2, 0.3};
        assertArrayEquals(res.gan().discriminate(x, 1), back.discriminate(x, 1));
    }

    /** The GAN (default, non-saturating generator loss) learns a known 2-D two-component Gaussian mixture. */
    @Test
    void fitsATwoDimensionalGaussianMixture() {
        Random r = new Random(7);
        int n = 4000;
        float[][] data = new float[n][2];
        for (float[] s : data) {
            boolean first = r.nextDouble() < 0.5;
            s[0] = (float) (first ? -2 + 0.5 * r.nextGaussian() : 2 + 0.5 * r.nextGaussian());
            s[1] = (float) (first ? 0.3 * r.nextGaussian() : 1 + 0.3 * r.nextGaussian());
        }
        GanConfig c = GanConfig.builder()
                .generatorHidden(List.of(64, 64))
                .discriminatorHidden(List.of(64, 64))
                .steps(10000)
                .curveEvery(1000)
                .build();
        GanTrainer.Result res = new GanTrainer(c, 11).pretrain(data);
        StateGan gan = res.gan();
        SeededRandom rng = new SeededRandom(3);
        int m = 4000;
        double[] g = new double[m * 2];
        int left = 0;
        for (int i = 0; i < m; i++) {
            double[] s = gan.generate(rng);
            g[2 * i] = s[0];
            g[2 * i + 1] = s[1];
            left += s[0] < 0 ? 1 : 0;
        }
        double[] dm = moments(data);
        double[] gm = moments(g, m);
        String msg = "data moments " + java.util.Arrays.toString(dm) + ", generated " + java.util.Arrays.toString(gm)
                + ", left mode share " + (left / (double) m) + ", curves " + res.curves().get(res.curves().size() - 1);
        System.out.println("GAN mixture fit: " + msg);
        for (int k = 0; k < 2; k++) {
            assertEquals(dm[k], gm[k], 0.25, "mean " + k + ": " + msg);
            assertEquals(dm[2 + k], gm[2 + k], 0.2 * dm[2 + k], "std " + k + ": " + msg);
        }
        assertTrue(left > 0.35 * m && left < 0.65 * m, "both modes should be covered: " + msg);
        double[] realRows = new double[2000];
        for (int i = 0; i < 1000; i++) {
            realRows[2 * i] = data[i][0];
            realRows[2 * i + 1] = data[i][1];
        }
        double[] d = gan.discriminate(realRows, 1000);
        double dMean = 0;
        for (double v : d) {
            dMean += v / 1000;
        }
        System.out.println("GAN mixture fit: mean D(real) = " + dMean);
        assertEquals(0.5, dMean, 0.1, "discriminator on real data: " + msg);
    }

    static double[] moments(float[][] d) {
        double[] flat = new double[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            flat[2 * i] = d[i][0];
            flat[2 * i + 1] = d[i][1];
        }
        return moments(flat, d.length);
    }

    static double[] moments(double[] x, int n) {
        double[] mo = new double[4];
        for (int i = 0; i < n; i++) {
            mo[0] += x[2 * i] / n;
            mo[1] += x[2 * i + 1] / n;
        }
        for (int i = 0; i < n; i++) {
            mo[2] += (x[2 * i] - mo[0]) * (x[2 * i] - mo[0]) / n;
            mo[3] += (x[2 * i + 1] - mo[1]) * (x[2 * i + 1] - mo[1]) / n;
        }
        mo[2] = Math.sqrt(mo[2]);
        mo[3] = Math.sqrt(mo[3]);
        return mo;
    }
}
