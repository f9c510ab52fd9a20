package io.oris.model.learner;

import io.oris.model.config.CqlConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.MlpPass;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.util.Map;

/**
 * CQL(H) (Kumar et al. 2020) on the SAC core, offline only, with a fixed min-Q weight: per critic
 * {@code w · mean_s clip(T·logsumexp_j(x_j/T) − Q(s, a_data), ±c)} where the x_j are Q at K uniform actions,
 * K actions from π(·|s) and K from π(·|s') (all at state s), minus their sampling log-densities (importance
 * sampling; without it: the plain Q values and Q(s, a_data)). Sampled actions are detached, as in the reference.
 */
public class CqlLearner extends SacLearner {
    private final CqlConfig cql;
    private MlpPass samplePass;
    private MlpPass actorRepeat;
    private double[] uniform;
    private double[] repeatNoise;
    private double[] repeatAct;
    private double[] repeatLogp;
    private double[] qs;
    private double[] dqs;
    private final double[] cqlLoss = new double[2];

    public CqlLearner(String method, LearnerDims dims, SacConfig cfg, CqlConfig cql, long seed) {
        super(method, dims, cfg, seed);
        this.cql = cql;
    }

    @Override
    public BatchSpec batchSpec() {
        return new BatchSpec(cfg.singleSourceBatch(), 0, 0, 0);
    }

    /** Sampled-action blocks per state: uniform, π(·|s), π(·|s') (Q(s, a_data) is handled separately). */
    private static int blocks() {
        return 3;
    }

    @Override
    protected void onRowsChanged(int n) {
        int k = cql.sampledActions();
        samplePass = new MlpPass(criticNet, blocks() * n * k, dataType);
        actorRepeat = new MlpPass(actorNet, 2 * n * k, dataType);
        uniform = new double[n * k * actDim];
        repeatNoise = new double[2 * n * k * actDim];
        repeatAct = new double[2 * n * k * actDim];
        repeatLogp = new double[2 * n * k];
        qs = new double[blocks() * n * k];
        dqs = new double[blocks() * n * k];
    }

    @Override
    public void drawNoise(UpdateInput input) {
        super.drawNoise(input);
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = 2 * rng.nextDouble() - 1;
        }
        rng.gaussians(repeatNoise, repeatNoise.length);
    }

    /** Uniform actions of the current update (row i·K + r, stride A). */
    public double[] uniformActions() {
        return uniform;
    }

    /** Noise of the repeated policy samples: rows [0, NK) for π(·|s), [NK, 2NK) for π(·|s'). */
    public double[] repeatNoise() {
        return repeatNoise;
    }

    @Override
    protected void beforeLosses(UpdateInput input) {
        int n = rows;
        int k = cql.sampledActions();
        int in = obsDim + 1;
        double[] x = new double[2 * n * k * in];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                int a = i * k + r;
                int b = n * k + i * k + r;
                System.arraycopy(obs, i * obsDim, x, a * in, obsDim);
                System.arraycopy(next, i * obsDim, x, b * in, obsDim);
                x[a * in + obsDim] = 1;
                x[b * in + obsDim] = 1;
            }
        }
        HostIO.write(x, actorRepeat.input());
        actorRepeat.forward(actor.weights(0));
        double[] raw = new double[2 * n * k * 2 * actDim];
        actorRepeat.readOutput(raw);
        head.sample(raw, repeatNoise, 2 * n * k, false, repeatAct, repeatLogp);
    }

    @Override
    protected double regulariser(int c, double[] q, double[] dq) {
        int n = rows;
        int k = cql.sampledActions();
        int in = obsDim + actDim + 1;
        int m = blocks() * n * k;
        double[] x = new double[m * in];
        for (int blk = 0; blk < 3; blk++) {
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < k; r++) {
                    int row = blk * n * k + i * k + r;
                    System.arraycopy(obs, i * obsDim, x, row * in, obsDim);
                    double[] src = blk == 0 ? uniform : repeatAct;
                    int srcRow = blk == 0 ? i * k + r : (blk == 1 ? i * k + r : n * k + i * k + r);
                    System.arraycopy(src, srcRow * actDim, x, row * in + obsDim, actDim);
                    x[row * in + in - 1] = 1;
                }
            }
        }
        HostIO.write(x, samplePass.input());
        samplePass.forward(critics.weights(c));
        samplePass.readOutput(qs);
        double t = cql.temperature();
        double w = cql.minQWeight();
        double randomDensity = actDim * Math.log(0.5);
        int cols = cql.importanceSampling() ? 3 * k : 3 * k + 1;
        double[] v = new double[cols];
        double loss = 0;
        java.util.Arrays.fill(dqs, 0.0);
        for (int i = 0; i < n; i++) {
            for (int blk = 0; blk < 3; blk++) {
                for (int r = 0; r < k; r++) {
                    double qv = qs[blk * n * k + i * k + r];
                    if (cql.importanceSampling()) {
                        qv -= blk == 0 ? randomDensity : (blk == 1 ? repeatLogp[i * k + r] : repeatLogp[n * k + i * k + r]);
                    }
                    v[blk * k + r] = qv / t;
                }
            }
            if (!cql.importanceSampling()) {
                v[3 * k] = q[i] / t;
            }
            double mx = Double.NEGATIVE_INFINITY;
            for (double e : v) {
                mx = Math.max(mx, e);
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                v[j] = Math.exp(v[j] - mx);
                s += v[j];
            }
            double lse = t * (mx + Math.log(s));
            double diff = lse - q[i];
            loss += Math.max(-cql.clipDiff(), Math.min(cql.clipDiff(), diff)) / n;
            if (diff >= -cql.clipDiff() && diff <= cql.clipDiff()) {
                for (int blk = 0; blk < 3; blk++) {
                    for (int r = 0; r < k; r++) {
                        dqs[blk * n * k + i * k + r] = w / n * v[blk * k + r] / s;
                    }
                }
                dq[i] -= w / n;
                if (!cql.importanceSampling()) {
                    dq[i] += w / n * v[3 * k] / s;
                }
            }
        }
        cqlLoss[c] = w * loss;
        return w * loss;
    }

    @Override
    protected double extraCriticTerm(int c, org.nd4j.linalg.api.ndarray.INDArray[] weights,
                                     org.nd4j.linalg.api.ndarray.INDArray[] grads) {
        int m = samplePass.rows();
        samplePass.writeOutputGrad(dqs);
        samplePass.backward(weights, grads, 0, m, 0, m, true, false);
        return 0.0; // counted in regulariser()
    }

    @Override
    protected void addMetrics(Map<String, Double> m) {
        m.put("cql_q1_loss", cqlLoss[0]);
        m.put("cql_q2_loss", cqlLoss[1]);
    }
}
