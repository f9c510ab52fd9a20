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
 * Which rows get the push-down term ({@link #pushDownFrom()}) and how it combines with the push-up rows
 * ({@link #conservative}) are hooks, so that COMBO reuses this estimator on its model rows ({@link ComboLearner}).
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

    /** First row whose state gets the push-down term (CQL: every row; COMBO: the model rows). */
    protected int pushDownFrom() {
        return 0;
    }

    /** Number of rows allocated for the sampled actions (the push-down rows of this batch). */
    private int sampledRows = -1;

    /** Allocates the sampled-action buffers for {@code d} push-down rows (when that number changes). */
    private void ensureSampledRows(int d) {
        if (d == sampledRows) {
            return;
        }
        sampledRows = d;
        int k = cql.sampledActions();
        samplePass = new MlpPass(criticNet, Math.max(1, blocks() * d * k), dataType);
        actorRepeat = new MlpPass(actorNet, Math.max(1, 2 * d * k), dataType);
        uniform = new double[d * k * actDim];
        repeatNoise = new double[2 * d * k * actDim];
        repeatAct = new double[2 * d * k * actDim];
        repeatLogp = new double[2 * d * k];
        qs = new double[blocks() * d * k];
        dqs = new double[blocks() * d * k];
    }

    @Override
    public void drawNoise(UpdateInput input) {
        super.drawNoise(input);
        ensureSampledRows(rows - pushDownFrom());
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = 2 * rng.nextDouble() - 1;
        }
        rng.gaussians(repeatNoise, repeatNoise.length);
    }

    /** Uniform actions of the current update (push-down row i·K + r, stride A). */
    public double[] uniformActions() {
        return uniform;
    }

    /** Noise of the repeated policy samples: rows [0, DK) for π(·|s), [DK, 2DK) for π(·|s') (D push-down rows). */
    public double[] repeatNoise() {
        return repeatNoise;
    }

    @Override
    protected void beforeLosses(UpdateInput input) {
        int from = pushDownFrom();
        int n = rows - from;
        int k = cql.sampledActions();
        int in = obsDim + 1;
        double[] x = new double[2 * n * k * in];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                int a = i * k + r;
                int b = n * k + i * k + r;
                System.arraycopy(obs, (from + i) * obsDim, x, a * in, obsDim);
                System.arraycopy(next, (from + i) * obsDim, x, b * in, obsDim);
                x[a * in + obsDim] = 1;
                x[b * in + obsDim] = 1;
            }
        }
        if (n == 0) {
            return;
        }
        HostIO.write(x, actorRepeat.input());
        actorRepeat.forward(actor.weights(0));
        double[] raw = new double[2 * n * k * 2 * actDim];
        actorRepeat.readOutput(raw);
        head.sample(raw, repeatNoise, 2 * n * k, false, repeatAct, repeatLogp);
    }

    /**
     * The push-down estimate at each push-down state s_i, {@code T·logsumexp_j(x_j/T)} over the sampled actions
     * (uniform, π(·|s), π(·|s'), each minus its log-density with importance sampling; without it the plain Q values
     * and Q(s_i, a_i)), then {@link #conservative} combines them with the push-up rows.
     */
    @Override
    protected double regulariser(int c, double[] q, double[] dq) {
        int from = pushDownFrom();
        int n = rows - from;
        int k = cql.sampledActions();
        int in = obsDim + actDim + 1;
        int m = blocks() * n * k;
        double[] x = new double[m * in];
        for (int blk = 0; blk < 3; blk++) {
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < k; r++) {
                    int row = blk * n * k + i * k + r;
                    System.arraycopy(obs, (from + i) * obsDim, x, row * in, obsDim);
                    double[] src = blk == 0 ? uniform : repeatAct;
                    int srcRow = blk == 0 ? i * k + r : (blk == 1 ? i * k + r : n * k + i * k + r);
                    System.arraycopy(src, srcRow * actDim, x, row * in + obsDim, actDim);
                    x[row * in + in - 1] = 1;
                }
            }
        }
        java.util.Arrays.fill(dqs, 0.0);
        if (n > 0) {
            HostIO.write(x, samplePass.input());
            samplePass.forward(critics.weights(c));
            samplePass.readOutput(qs);
        }
        double t = cql.temperature();
        double randomDensity = actDim * Math.log(0.5);
        int cols = cql.importanceSampling() ? 3 * k : 3 * k + 1;
        double[][] soft = new double[n][cols];
        double[] lse = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = soft[i];
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
                v[3 * k] = q[from + i] / t;
            }
            double mx = Double.NEGATIVE_INFINITY;
            for (double e : v) {
                mx = Math.max(mx, e);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                v[j] = Math.exp(v[j] - mx);
                sum += v[j];
            }
            for (int j = 0; j < cols; j++) {
                v[j] /= sum;   // softmax: d lse / d x_j
            }
            lse[i] = t * (mx + Math.log(sum));
        }
        double[] coef = new double[n];
        double loss = conservative(lse, q, dq, coef);
        for (int i = 0; i < n; i++) {
            for (int blk = 0; blk < 3; blk++) {
                for (int r = 0; r < k; r++) {
                    dqs[blk * n * k + i * k + r] = coef[i] * soft[i][blk * k + r];
                }
            }
            if (!cql.importanceSampling()) {
                dq[from + i] += coef[i] * soft[i][3 * k];
            }
        }
        cqlLoss[c] = loss;
        return loss;
    }

    /**
     * CQL(H): {@code w · mean_i clip(lse_i − Q(s_i, a_i), ±c)} over every row. Fills {@code coef[i]}, the weight of
     * d lse_i (0 where the clip is active), and subtracts the push-up gradient from {@code dq}; returns the term.
     *
     * @param lse the push-down estimate of each push-down row (rows {@link #pushDownFrom()} onward)
     * @param q Q(s, a) of every batch row
     */
    protected double conservative(double[] lse, double[] q, double[] dq, double[] coef) {
        int n = rows;
        double w = cql.minQWeight();
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double diff = lse[i] - q[i];
            loss += Math.max(-cql.clipDiff(), Math.min(cql.clipDiff(), diff)) / n;
            if (diff >= -cql.clipDiff() && diff <= cql.clipDiff()) {
                coef[i] = w / n;
                dq[i] -= w / n;
            }
        }
        return w * loss;
    }

    @Override
    protected double extraCriticTerm(int c, org.nd4j.linalg.api.ndarray.INDArray[] weights,
                                     org.nd4j.linalg.api.ndarray.INDArray[] grads) {
        if (dqs.length == 0) {
            return 0.0;
        }
        int m = samplePass.rows();
        samplePass.writeOutputGrad(dqs);
        samplePass.backward(weights, grads, 0, m, 0, m, true, false);
        return 0.0; // counted in regulariser()
    }

    @Override
    protected void addMetrics(Map<String, Double> m) {
        m.put(termName() + "_q1_loss", cqlLoss[0]);
        m.put(termName() + "_q2_loss", cqlLoss[1]);
    }

    /** Prefix of the conservative term's metrics ({@code cql_q1_loss}). */
    protected String termName() {
        return "cql";
    }

    /** The CQL settings of the push-down estimator. */
    protected CqlConfig cqlConfig() {
        return cql;
    }
}
