package io.oris.model.learner;

import io.oris.model.nn.HostIO;
import io.oris.model.nn.ParamGroup;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent plain-Java double-precision reference computations for the loss tests: an MLP forward written from
 * the documented parameter layout ([W; b] per layer, row-major, hidden layers with one extra constant column), and a
 * central finite-difference gradient check.
 */
final class Ref {
    private Ref() {
    }

    /** Layer sizes of an MLP. */
    static int[] sizes(int in, List<Integer> hidden, int out) {
        int[] s = new int[hidden.size() + 2];
        s[0] = in;
        for (int i = 0; i < hidden.size(); i++) {
            s[i + 1] = hidden.get(i);
        }
        s[s.length - 1] = out;
        return s;
    }

    /** Hidden layers carry one constant column; a one-output last layer is padded to two columns. */
    static int cols(int[] s, int l) {
        return l < s.length - 2 ? s[l + 1] + 1 : Math.max(2, s[l + 1]);
    }

    static int paramCount(int[] s) {
        int n = 0;
        for (int l = 0; l < s.length - 1; l++) {
            n += (s[l] + 1) * cols(s, l);
        }
        return n;
    }

    /** Forward pass of one row: ReLU hidden layers, linear output. */
    static double[] forward(double[] flat, int offset, int[] s, double[] x) {
        double[] h = x;
        int off = offset;
        for (int l = 0; l < s.length - 1; l++) {
            int in = s[l];
            int out = s[l + 1];
            int cols = cols(s, l);
            double[] o = new double[out];
            for (int c = 0; c < out; c++) {
                double z = flat[off + in * cols + c];
                for (int r = 0; r < in; r++) {
                    z += h[r] * flat[off + r * cols + c];
                }
                o[c] = l < s.length - 2 ? Math.max(0, z) : z;
            }
            off += (in + 1) * cols;
            h = o;
        }
        return h;
    }

    /** Indices of a network's flat vector that are constant columns (not parameters). */
    static boolean isConstant(int[] s, int index) {
        int off = 0;
        for (int l = 0; l < s.length - 1; l++) {
            int cols = cols(s, l);
            int len = (s[l] + 1) * cols;
            if (index < off + len) {
                int c = (index - off) % cols;
                return l < s.length - 2 ? c == cols - 1 : c >= s[l + 1];
            }
            off += len;
        }
        throw new IllegalArgumentException("index " + index + " out of range");
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] o = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, o, at, p.length);
            at += p.length;
        }
        return o;
    }

    static double[] row(float[] a, int i, int width) {
        double[] o = new double[width];
        for (int j = 0; j < width; j++) {
            o[j] = a[i * width + j];
        }
        return o;
    }

    static double[] row(double[] a, int i, int width) {
        double[] o = new double[width];
        System.arraycopy(a, i * width, o, 0, width);
        return o;
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static Batch randomBatch(Random r, int n, int obs, int act) {
        Batch b = Batch.allocate(n, obs, act);
        for (int i = 0; i < n * obs; i++) {
            b.obs()[i] = (float) r.nextGaussian();
            b.nextObs()[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n * act; i++) {
            b.actions()[i] = (float) (r.nextDouble() * 1.8 - 0.9);
        }
        for (int i = 0; i < n; i++) {
            b.rewards()[i] = (float) r.nextGaussian();
            b.done()[i] = r.nextDouble() < 0.3 ? 1f : 0f;
        }
        return b;
    }

    /** {@code count} update inputs of {@code rows} random offline rows each (no simulated rows). */
    static List<UpdateInput> offlineInputs(int count, int rows, int obs, int act, long seed) {
        Random r = new Random(seed);
        List<UpdateInput> list = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(UpdateInput.of(randomBatch(r, rows, obs, act), Batch.empty(obs, act)));
        }
        return list;
    }

    static void assertRel(double expected, double actual, double tol, String what) {
        double scale = Math.max(1e-12, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tol * scale + 1e-14,
                what + ": expected " + expected + " but learner computed " + actual);
    }

    /**
     * Central finite differences of {@code loss} w.r.t. every (non-constant) entry of {@code params} in
     * [from, to) against {@code analytic}; {@code shape} names the networks' layouts in order.
     */
    static int checkGradient(INDArray params, double[] analytic, int from, int to, int[] shape, int shapeOffset,
                             DoubleSupplier loss, String what) {
        double h = 1e-6;
        int checked = 0;
        for (int p = from; p < to; p++) {
            if (shape != null && isConstant(shape, (p - shapeOffset) % paramCount(shape))) {
                assertEquals(0.0, analytic[p], 0.0, what + ": constant column " + p + " has a gradient");
                continue;
            }
            double x = params.getDouble(p);
            params.putScalar(p, x + h);
            double up = loss.getAsDouble();
            params.putScalar(p, x - h);
            double down = loss.getAsDouble();
            params.putScalar(p, x);
            double fd = (up - down) / (2 * h);
            double tol = 1e-6 + 1e-5 * Math.max(Math.abs(fd), Math.abs(analytic[p]));
            assertTrue(Math.abs(fd - analytic[p]) <= tol,
                    what + ": d/dparam[" + p + "] finite difference " + fd + " vs analytic " + analytic[p]);
            checked++;
        }
        return checked;
    }

    static double[] grads(ParamGroup g) {
        return HostIO.toHost(g.grads());
    }

    static double[] params(ParamGroup g) {
        return HostIO.toHost(g.params());
    }
}
