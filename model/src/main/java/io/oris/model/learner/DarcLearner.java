package io.oris.model.learner;

import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.h2o.DynamicsDiscriminators;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.util.Map;

/**
 * DARC (Eysenbach et al. 2021) with H2O's two discriminators: SAC on simulated transitions whose rewards get the
 * correction {@code Δr = log P_real/P_sim(s'|s,a)} (the log of H2O's unclipped dynamics ratio); the offline data
 * serve as the "real" side of the discriminators. DARC+ also trains SAC on the offline rows (uncorrected), as in the
 * H2O paper's baseline.
 */
public class DarcLearner extends SacLearner {
    private final DynamicsDiscriminators disc;
    private final boolean plus;
    private double[] correction;
    private Map<String, Double> discLosses = Map.of();

    public DarcLearner(String method, LearnerDims dims, SacConfig cfg, DiscriminatorConfig dcfg, boolean plus,
                       long seed) {
        super(method, dims, cfg, seed);
        this.disc = new DynamicsDiscriminators(obsDim, actDim, dcfg, dataType, rng);
        this.plus = plus;
    }

    @Override
    public BatchSpec batchSpec() {
        return plus ? new BatchSpec(cfg.offlineBatch(), cfg.simulatedBatch(), disc.config().realBatch(),
                disc.config().simBatch())
                : new BatchSpec(0, cfg.singleSourceBatch(), disc.config().realBatch(), disc.config().simBatch());
    }

    public DynamicsDiscriminators discriminators() {
        return disc;
    }

    @Override
    protected void onRowsChanged(int n) {
        correction = new double[n];
    }

    @Override
    public void drawNoise(UpdateInput input) {
        super.drawNoise(input);
        if (input.discriminatorOffline() == null || input.discriminatorSimulated() == null) {
            throw new IllegalArgumentException(method + " needs discriminator batches (see batchSpec())");
        }
        disc.drawNoise(rng, input.discriminatorOffline().size(), input.discriminatorSimulated().size());
    }

    @Override
    protected void beforeLosses(UpdateInput input) {
        discLosses = disc.train(input.discriminatorOffline(), input.discriminatorSimulated());
        computeCorrection();
    }

    /** Δr for the simulated rows with the current discriminators. */
    public void computeCorrection() {
        java.util.Arrays.fill(correction, 0.0);
        if (nSim == 0) {
            return;
        }
        double[] so = new double[nSim * obsDim];
        double[] sa = new double[nSim * actDim];
        double[] sn = new double[nSim * obsDim];
        System.arraycopy(obs, nOff * obsDim, so, 0, nSim * obsDim);
        System.arraycopy(act, nOff * actDim, sa, 0, nSim * actDim);
        System.arraycopy(next, nOff * obsDim, sn, 0, nSim * obsDim);
        double[] lo = new double[nSim];
        disc.logSimOverReal(so, sa, sn, nSim, lo);
        for (int i = 0; i < nSim; i++) {
            correction[nOff + i] = -lo[i];
        }
    }

    @Override
    protected double rewardCorrection(int row) {
        return correction[row];
    }

    /** Reward corrections of the current batch's rows (0 on offline rows). */
    public double[] corrections() {
        return correction;
    }

    @Override
    protected void addMetrics(Map<String, Double> m) {
        m.putAll(discLosses);
        if (nSim > 0) {
            m.put("reward_correction_mean", simRowMean(correction));
        }
    }

    @Override
    protected void saveExtra(StateWriter w) throws IOException {
        disc.save(w, "disc");
    }

    @Override
    protected void loadExtra(StateReader r) throws IOException {
        disc.load(r, "disc");
    }
}
