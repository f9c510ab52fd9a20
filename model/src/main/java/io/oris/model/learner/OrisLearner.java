package io.oris.model.learner;

import io.oris.model.config.OrisConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.oris.StateGan;
import java.util.Map;

/**
 * ORIS's policy learning (Eq. 6-7): SAC on offline ∪ simulated rows, the critic loss
 * {@code mean_off (Q − y)² + mean_sim w(s)(Q − y)²} with {@code w(s) = clip(1 − 2D(s), w_min, w_max)} from the
 * pre-trained (frozen) GAN discriminator, and the actor loss {@code mean(α log π − min Q)} over offline ∪ simulated
 * states. The ablations that bring in H2O's parts (its dynamics-ratio re-weighting, its value regularisation) are
 * {@link OrisH2oLearner}. (Restarts and the hybrid rollout policy live in the rollout code:
 * {@link io.oris.model.oris.RestartSampler}, {@link io.oris.model.oris.HybridRolloutPolicy}.)
 */
public class OrisLearner extends SacLearner implements OrisMethod {
    private final OrisConfig oris;
    private final StateGan gan;
    private double[] weight;

    /** @param gan the pre-trained GAN (its discriminator gives w(s)) */
    public OrisLearner(String method, LearnerDims dims, SacConfig cfg, OrisConfig oris, StateGan gan, long seed) {
        super(method, dims, cfg, seed);
        if (oris.h2oReweight() || oris.h2oRegularisation()) {
            throw new IllegalArgumentException(method + ": H2O re-weighting or regularisation is OrisH2oLearner's job");
        }
        if (gan == null) {
            throw new IllegalArgumentException(method + " needs the pre-trained GAN for w(s)");
        }
        this.oris = oris;
        this.gan = gan;
    }

    @Override
    public OrisConfig orisConfig() {
        return oris;
    }

    @Override
    protected io.oris.model.replay.BatchSpec defaultSpec() {
        return new io.oris.model.replay.BatchSpec(cfg.offlineBatch(), cfg.simulatedBatch(), 0, 0);
    }

    @Override
    protected void onRowsChanged(int n) {
        weight = new double[n];
    }

    @Override
    protected void beforeLosses(io.oris.model.replay.UpdateInput input) {
        if (nSim > 0) {
            discriminatorWeights(gan, oris, obs, nOff, nSim, obsDim, weight);
        }
    }

    /** Fills {@code weight[nOff..nOff+nSim)} with w(s) of the simulated rows' states (row stride obsDim). */
    static void discriminatorWeights(StateGan gan, OrisConfig oris, double[] obs, int nOff, int nSim, int obsDim,
                                     double[] weight) {
        double[] so = new double[nSim * obsDim];
        System.arraycopy(obs, nOff * obsDim, so, 0, nSim * obsDim);
        double[] d = gan.discriminate(so, nSim);
        for (int i = 0; i < nSim; i++) {
            weight[nOff + i] = stateWeight(d[i], oris.wMin(), oris.wMax());
        }
    }

    /** ORIS's w(s) = clip(1 − 2D(s), w_min, w_max). */
    public static double stateWeight(double d, double wMin, double wMax) {
        return Math.max(wMin, Math.min(wMax, 1 - 2 * d));
    }

    @Override
    protected double tdCoefficient(int row) {
        return row < nOff ? 1.0 / nOff : weight[row] / nSim;
    }

    /** Weights of the simulated rows of the current batch. */
    public double[] weights() {
        return weight;
    }

    @Override
    protected void addMetrics(Map<String, Double> m) {
        if (nSim > 0) {
            putWeightDistribution(m, weight, nOff, nSim, oris.wMin(), oris.wMax());
        }
    }

    /**
     * The distribution of the simulated rows' TD weights in this batch as metrics (so a run's train metrics show how
     * w(s) evolves): mean, std, the 10/50/90 % quantiles and the fractions sitting on either clip bound.
     */
    static void putWeightDistribution(Map<String, Double> m, double[] weight, int from, int n, double lo, double hi) {
        double[] w = java.util.Arrays.copyOfRange(weight, from, from + n);
        java.util.Arrays.sort(w);
        double sum = 0;
        double sq = 0;
        int atLo = 0;
        int atHi = 0;
        for (double x : w) {
            sum += x;
            sq += x * x;
            atLo += x <= lo ? 1 : 0;
            atHi += x >= hi ? 1 : 0;
        }
        double mean = sum / n;
        m.put("sim_weight_mean", mean);
        m.put("sim_weight_std", Math.sqrt(Math.max(0, sq / n - mean * mean)));
        m.put("sim_weight_p10", w[(int) Math.floor(0.1 * (n - 1))]);
        m.put("sim_weight_p50", w[(int) Math.floor(0.5 * (n - 1))]);
        m.put("sim_weight_p90", w[(int) Math.floor(0.9 * (n - 1))]);
        m.put("sim_weight_at_min", (double) atLo / n);
        m.put("sim_weight_at_max", (double) atHi / n);
    }
}
