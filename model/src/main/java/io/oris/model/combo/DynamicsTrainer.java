package io.oris.model.combo;

import io.oris.model.config.DynamicsConfig;
import io.oris.model.learner.NonFiniteLossException;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Transitions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Trains COMBO's {@link DynamicsEnsemble} on the offline transitions, as MBPO/MOPO (which COMBO uses) do: a random
 * held-out split ({@code holdoutFraction}, at most {@code maxHoldout} rows), inputs standardised with the training
 * split's mean and std, each member on its own bootstrap sample of the training split reshuffled every epoch, one
 * Adam step of the summed member losses per minibatch (Gaussian NLL, log-variance bound term, per-layer L2), and
 * after each epoch the held-out MSE of every member's mean. A member's best weights are kept whenever its held-out
 * MSE improves by more than 1 %; training stops after {@code patience} epochs without any such improvement (or at
 * {@code maxEpochs}); every member then returns to its best weights and the {@code elites} members with the lowest
 * held-out MSE are the ones rollouts use. Runnable on its own: the result is a self-contained artifact.
 */
public final class DynamicsTrainer {
    /** One epoch: mean training loss over its minibatches, mean held-out MSE of the members, members improved. */
    public record EpochPoint(int epoch, double trainLoss, double holdoutMse, int improved) {
    }

    /** The trained model, its epochs, and each member's best held-out MSE. */
    public record Result(DynamicsEnsemble model, List<EpochPoint> curve, double[] holdoutMse) {
    }

    private final DynamicsConfig cfg;
    private final long seed;

    public DynamicsTrainer(DynamicsConfig cfg, long seed) {
        this.cfg = cfg;
        this.seed = seed;
    }

    public Result train(Transitions data) {
        return train(data, DataType.FLOAT);
    }

    public Result train(Transitions data, DataType dataType) {
        int n = data.size();
        int o = data.obsDim();
        int a = data.actDim();
        int d = o + 1;
        if (n < 2) {
            throw new IllegalArgumentException("dynamics training needs at least two transitions, got " + n);
        }
        SeededRandom rng = new SeededRandom(seed);
        int[] perm = permutation(n, rng);
        int holdout = Math.max(1, Math.min(cfg.maxHoldout(), (int) Math.round(cfg.holdoutFraction() * n)));
        holdout = Math.min(holdout, n - 1);
        int train = n - holdout;
        double[] s = new double[n * o];
        double[] act = new double[n * a];
        double[] y = new double[n * d];
        for (int r = 0; r < n; r++) {
            int i = perm[r];
            for (int j = 0; j < o; j++) {
                s[r * o + j] = data.obs()[i * o + j];
                y[r * d + j] = data.nextObs()[i * o + j] - data.obs()[i * o + j];
            }
            for (int j = 0; j < a; j++) {
                act[r * a + j] = data.actions()[i * a + j];
            }
            y[r * d + o] = data.rewards()[i];
        }
        double[][] ms = inputMeanStd(s, act, train, o, a);
        DynamicsEnsemble model = new DynamicsEnsemble(o, a, cfg, ms[0], ms[1], dataType, rng);
        int e = cfg.ensembleSize();
        int[][] boot = new int[e][train];
        for (int k = 0; k < e; k++) {
            for (int i = 0; i < train; i++) {
                boot[k][i] = rng.nextInt(train);
            }
        }
        double[] hs = Arrays.copyOfRange(s, train * o, n * o);
        double[] ha = Arrays.copyOfRange(act, train * a, n * a);
        double[] hy = Arrays.copyOfRange(y, train * d, n * d);
        double[] best = new double[e];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        long stride = model.members().net(0).paramCount();
        double[][] bestParams = new double[e][];
        List<EpochPoint> curve = new ArrayList<>();
        int b = Math.min(cfg.batch(), train);
        int sinceImproved = 0;
        for (int epoch = 1; epoch <= cfg.maxEpochs() && sinceImproved < cfg.patience(); epoch++) {
            for (int k = 0; k < e; k++) {
                shuffle(boot[k], rng);
            }
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < train; start += b) {
                int m = Math.min(b, train - start);
                double[][] bs = new double[e][m * o];
                double[][] ba = new double[e][m * a];
                double[][] by = new double[e][m * d];
                for (int k = 0; k < e; k++) {
                    for (int r = 0; r < m; r++) {
                        int i = boot[k][start + r];
                        System.arraycopy(s, i * o, bs[k], r * o, o);
                        System.arraycopy(act, i * a, ba[k], r * a, a);
                        System.arraycopy(y, i * d, by[k], r * d, d);
                    }
                }
                double loss = lossAndGradients(model, bs, ba, by, m);
                if (!Double.isFinite(loss)) {
                    throw new NonFiniteLossException("dynamics", "nll", epoch, loss);
                }
                model.adam().step();
                model.boundsAdam().step(model.bounds(), model.boundsGrad(), cfg.lr());
                lossSum += loss;
                batches++;
            }
            double[] mse = holdoutMse(model, hs, ha, hy, holdout);
            int improved = 0;
            double[] params = HostIO.toHost(model.members().params());
            for (int k = 0; k < e; k++) {
                if (best[k] == Double.POSITIVE_INFINITY || (best[k] - mse[k]) / best[k] > 0.01) {
                    best[k] = mse[k];
                    bestParams[k] = Arrays.copyOfRange(params, (int) (k * stride), (int) ((k + 1) * stride));
                    improved++;
                }
            }
            sinceImproved = improved > 0 ? 0 : sinceImproved + 1;
            curve.add(new EpochPoint(epoch, lossSum / batches, Arrays.stream(mse).average().orElse(0), improved));
        }
        double[] params = HostIO.toHost(model.members().params());
        for (int k = 0; k < e; k++) {
            System.arraycopy(bestParams[k], 0, params, (int) (k * stride), (int) stride);
        }
        HostIO.write(params, model.members().params());
        model.setElites(lowest(best, cfg.elites()));
        return new Result(model, curve, best);
    }

    /**
     * The summed member losses for one minibatch per member (member k's rows in {@code s[k]}, {@code a[k]}, targets
     * {@code y[k]} = (Δs, r)), and every gradient: members' parameters (L2 included) and the log-variance bounds.
     */
    static double lossAndGradients(DynamicsEnsemble model, double[][] s, double[][] a, double[][] y, int n) {
        int d = model.outDim();
        int e = model.size();
        double[] bounds = model.bounds();
        double[] bg = model.boundsGrad();
        Arrays.fill(bg, 0.0);
        ParamGroup g = model.members();
        double total = 0;
        for (int k = 0; k < e; k++) {
            MlpPass p = model.trainPass(n);
            HostIO.write(model.inputRows(s[k], a[k], n), p.input());
            p.forward(g.weights(k));
            double[] out = new double[n * 2 * d];
            p.readOutput(out);
            double[] dOut = new double[n * 2 * d];
            double scale = 1.0 / (n * d);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double mu = out[i * 2 * d + j];
                    double raw = out[i * 2 * d + d + j];
                    double u = bounds[j] - raw;
                    double upper = bounds[j] - DynamicsEnsemble.softplus(u);
                    double v = upper - bounds[d + j];
                    double lv = bounds[d + j] + DynamicsEnsemble.softplus(v);
                    double err = mu - y[k][i * d + j];
                    double inv = Math.exp(-lv);
                    total += (err * err * inv + lv) * scale;
                    dOut[i * 2 * d + j] = 2 * err * inv * scale;
                    double gLv = (1 - err * err * inv) * scale;
                    double sv = DynamicsEnsemble.sigmoid(v);
                    double su = DynamicsEnsemble.sigmoid(u);
                    dOut[i * 2 * d + d + j] = gLv * sv * su;
                    bg[j] += gLv * sv * (1 - su);
                    bg[d + j] += gLv * (1 - sv);
                }
            }
            p.writeOutputGrad(dOut);
            p.backward(g.weights(k), g.gradients(k), 0, n, 0, n, false, false);
        }
        double w = model.config().logVarBoundWeight();
        for (int j = 0; j < d; j++) {
            total += w * (bounds[j] - bounds[d + j]);
            bg[j] += w;
            bg[d + j] -= w;
        }
        return total + weightDecay(model);
    }

    /** Adds λ_l·W_l to the gradients of every member's layer-l weights (not biases); returns Σ λ_l ||W_l||² / 2. */
    static double weightDecay(DynamicsEnsemble model) {
        ParamGroup g = model.members();
        Mlp net = model.net();
        double[] p = HostIO.toHost(g.params());
        double[] grad = HostIO.toHost(g.grads());
        long stride = net.paramCount();
        double loss = 0;
        for (int k = 0; k < model.size(); k++) {
            for (int l = 0; l < net.layers(); l++) {
                double lambda = model.config().weightDecay().get(l);
                int cols = net.cols(l);
                int outputs = l < net.layers() - 1 ? net.size(l + 1) : net.outputSize();
                long base = k * stride + net.offset(l);
                for (int r = 0; r < net.size(l); r++) {
                    for (int c = 0; c < outputs; c++) {
                        int idx = (int) (base + (long) r * cols + c);
                        loss += 0.5 * lambda * p[idx] * p[idx];
                        grad[idx] += lambda * p[idx];
                    }
                }
            }
        }
        HostIO.write(grad, g.grads());
        return loss;
    }

    /** Held-out MSE of each member's mean, over rows and output dimensions. */
    static double[] holdoutMse(DynamicsEnsemble model, double[] s, double[] a, double[] y, int n) {
        int d = model.outDim();
        double[] mse = new double[model.size()];
        double[] mu = new double[n * d];
        double[] lv = new double[n * d];
        for (int k = 0; k < model.size(); k++) {
            model.predict(k, s, a, n, mu, lv);
            double sum = 0;
            for (int i = 0; i < n * d; i++) {
                sum += (mu[i] - y[i]) * (mu[i] - y[i]);
            }
            mse[k] = sum / (n * d);
        }
        return mse;
    }

    static double[][] inputMeanStd(double[] s, double[] a, int n, int o, int act) {
        int w = o + act;
        double[] mean = new double[w];
        double[] sq = new double[w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                double x = j < o ? s[i * o + j] : a[i * act + j - o];
                mean[j] += x / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                double x = (j < o ? s[i * o + j] : a[i * act + j - o]) - mean[j];
                sq[j] += x * x / n;
            }
        }
        double[] std = new double[w];
        for (int j = 0; j < w; j++) {
            std[j] = Math.sqrt(sq[j]);
        }
        return new double[][] {mean, std};
    }

    /** Indices of the {@code k} smallest values, smallest first. */
    static int[] lowest(double[] v, int k) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static int[] permutation(int n, SeededRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    private static void shuffle(int[] p, SeededRandom rng) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }
}
