package io.oris.model.learner;

import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.H2oConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.oris.StateGan;
import java.util.Map;

/**
 * The ORIS ablations that use H2O's parts (ORIS paper, ablation study): H2O's clipped dynamics ratio from the online
 * discriminators D_sa/D_sas instead of w(s) on the simulated TD errors ({@code h2o_reweight}), and/or H2O's ω-weighted
 * value regularisation ({@code oris.regularisation: h2o}). It is H2O's learner with the ORIS switches mapped onto
 * H2O's own (dynamics ratio on/off, regularisation on/off), so that "w/o restart &amp; H2O reweight" with H2O's
 * regularisation computes exactly H2O's losses; without {@code h2o_reweight} the TD weights are ORIS's w(s).
 */
public class OrisH2oLearner extends H2oLearner implements OrisMethod {
    private final OrisConfig oris;
    private final StateGan gan;
    private double[] weight;

    /**
     * @param gan the pre-trained GAN for w(s); may be null with {@code h2oReweight}
     */
    public OrisH2oLearner(String method, LearnerDims dims, SacConfig cfg, OrisConfig oris, StateGan gan, H2oConfig h2o,
                          DiscriminatorConfig dcfg, long seed) {
        super(method, dims, cfg, h2oSwitches(h2o, oris), dcfg, seed);
        if (!oris.h2oReweight() && gan == null) {
            throw new IllegalArgumentException(method + " needs the pre-trained GAN for w(s)");
        }
        this.oris = oris;
        this.gan = gan;
    }

    /** H2O's config with the dynamics ratio and the regularisation switched as the ORIS variant asks. */
    static H2oConfig h2oSwitches(H2oConfig h, OrisConfig o) {
        return h.toBuilder().dynamicsRatio(o.h2oReweight()).regularisation(o.h2oRegularisation()).build();
    }

    @Override
    public OrisConfig orisConfig() {
        return oris;
    }

    @Override
    protected void onRowsChanged(int n) {
        super.onRowsChanged(n);
        weight = new double[n];
    }

    @Override
    protected void beforeLosses(io.oris.model.replay.UpdateInput input) {
        super.beforeLosses(input);
        if (!oris.h2oReweight() && nSim > 0) {
            OrisLearner.discriminatorWeights(gan, oris, obs, nOff, nSim, obsDim, weight);
        }
    }

    @Override
    protected double tdCoefficient(int row) {
        if (oris.h2oReweight() || row < nOff) {
            return super.tdCoefficient(row);
        }
        return weight[row] / nSim;
    }

    /** TD weights of the simulated rows: the clipped dynamics ratio (h2o_reweight) or w(s). */
    public double[] weights() {
        return oris.h2oReweight() ? ratios() : weight;
    }

    @Override
    protected void addMetrics(Map<String, Double> m) {
        super.addMetrics(m);
        if (nSim > 0) {
            OrisLearner.putWeightDistribution(m, weights(), nOff, nSim,
                    oris.h2oReweight() ? h2o.ratioMin() : oris.wMin(), oris.h2oReweight() ? h2o.ratioMax() : oris.wMax());
        }
    }
}
