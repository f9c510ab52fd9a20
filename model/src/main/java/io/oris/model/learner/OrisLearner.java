package io.oris.model.learner;

import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.H2oConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.h2o.DynamicsDiscriminators;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.oris.StateGan;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.util.Map;

/**
 * ORIS's policy learning (Eq. 6-7): SAC on offline ∪ simulated rows, the critic loss
 * {@code mean_off (Q − y)² + mean_sim w(s)(Q − y)²} with {@code w(s) = clip(1 − 2D(s), w_min, w_max)} from the
 * pre-trained (frozen) GAN discriminator, and the actor loss {@code mean(α log π − min Q)} over offline ∪ simulated
 * states. The h2o_reweight ablation replaces w(s) by H2O's clipped dynamics ratio from D_sa/D_sas trained online.
 * (Restarts and the hybrid rollout policy live in the rollout code: {@link io.oris.model.oris.RestartSampler},
 * {@link io.oris.model.oris.HybridRolloutPolicy}.)
 */
public class OrisLearner extends SacLearner {
    private final OrisConfig oris;
    private final StateGan gan;
    private final DynamicsDiscriminators disc;
    private final H2oConfig h2o;
    private double[] weight;
    private Map<String, Double> discLosses = Map.of();

    /**
     * @param gan the pre-trained GAN (its discriminator gives w(s)); may be null only with {@code h2oReweight}
     */
    public OrisLearner(String method, LearnerDims dims, SacConfig cfg, OrisConfig oris, StateGan gan,
                       H2oConfig h2o, DiscriminatorConfig dcfg, long seed) {
        super(method, dims, cfg, seed);
        this.oris = oris;
        this.gan = gan;
        this.h2o = h2o;
        this.disc = oris.h2oReweight() ? new DynamicsDiscriminators(obsDim, actDim, dcfg, dataType, rng) : null;
        if (gan == null && !oris.h2oReweight()) {
            throw new IllegalArgumentException(method + " needs the pre-trained GAN for w(s)");
        }
    }

    /** H2O's discriminators (h2o_reweight ablation only; else null). */
    public DynamicsDiscriminators discriminators() {
        return disc;
    }

    public OrisConfig orisConfig() {
        return oris;
    }

    @Override
    public BatchSpec batchSpec() {
        return disc == null ? new BatchSpec(cfg.offlineBatch(), cfg.simulatedBatch(), 0, 0)
                : new BatchSpec(cfg.offlineBatch(), cfg.simulatedBatch(), disc.config().realBatch(),
                disc.config().simBatch());
    }

    @Override
    protected void onRowsChanged(int n) {
        weight = new double[n];
    }

    @Override
    public void drawNoise(UpdateInput input) {
        super.drawNoise(input);
        if (disc != null) {
            if (input.discriminatorOffline() == null || input.discriminatorSimulated() == null) {
                throw new IllegalArgumentException(method + " needs discriminator batches (see batchSpec())");
            }
            disc.drawNoise(rng, input.discriminatorOffline().size(), input.discriminatorSimulated().size());
        }
    }

    @Override
    protected void beforeLosses(UpdateInput input) {
        if (nSim == 0) {
            return;
        }
        double[] so = new double[nSim * obsDim];
        System.arraycopy(obs, nOff * obsDim, so, 0, nSim * obsDim);
        if (disc != null) {
            discLosses = disc.train(input.discriminatorOffline(), input.discriminatorSimulated());
            double[] sa = new double[nSim * actDim];
            double[] sn = new double[nSim * obsDim];
            System.arraycopy(act, nOff * actDim, sa, 0, nSim * actDim);
            System.arraycopy(next, nOff * obsDim, sn, 0, nSim * obsDim);
            double[] lo = new double[nSim];
            disc.logSimOverReal(so, sa, sn, nSim, lo);
            for (int i = 0; i < nSim; i++) {
                weight[nOff + i] = Math.max(h2o.ratioMin(), Math.min(h2o.ratioMax(), Math.exp(-lo[i])));
            }
        } else {
            double[] d = gan.discriminate(so, nSim);
            for (int i = 0; i < nSim; i++) {
                weight[nOff + i] = stateWeight(d[i], oris.wMin(), oris.wMax());
            }
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
        m.putAll(discLosses);
        if (nSim > 0) {
            m.put("sim_weight_mean", simRowMean(weight));
        }
    }

    @Override
    protected void saveExtra(StateWriter w) throws IOException {
        if (disc != null) {
            disc.save(w, "disc");
        }
    }

    @Override
    protected void loadExtra(StateReader r) throws IOException {
        if (disc != null) {
            disc.load(r, "disc");
        }
    }
}
