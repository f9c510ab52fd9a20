package io.oris.model.learner;

import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.H2oConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.h2o.DynamicsDiscriminators;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.util.Map;

/**
 * H2O (Niu et al. 2022) as its authors implemented it (docs/reference.md §4): SAC on offline ∪ simulated rows; the simulated TD
 * error weighted by the clipped dynamics ratio (√ratio on prediction and target); per critic the conservative term
 * {@code β·clip(T·logsumexp_sim((Q + log ω)/T) − mean_offline Q, ±c)} with {@code ω = u/Σu} and u(s,a) the mean
 * log(P_sim/P_real) over perturbed next states. The discriminators step first, then ratio and u are computed with the
 * updated discriminators, then the SAC losses. Switches give H2O-a, -dr, -reg and H2O(v).
 */
public class H2oLearner extends SacLearner {
    protected final H2oConfig h2o;
    protected final DynamicsDiscriminators disc;
    private double[] ratio;
    private double[] u;
    private double[] omega;
    private double[] uNoise = new double[0];
    private double[] logOdds;
    private Map<String, Double> discLosses = Map.of();
    private final double[] gaps = new double[2];

    public H2oLearner(String method, LearnerDims dims, SacConfig cfg, H2oConfig h2o, DiscriminatorConfig dcfg,
                      long seed) {
        super(method, dims, cfg, seed);
        this.h2o = h2o;
        this.disc = new DynamicsDiscriminators(obsDim, actDim, dcfg, dataType, rng);
        if (dims.stateStd() == null) {
            throw new IllegalArgumentException(method + " needs the offline state std (LearnerDims.stateStd)");
        }
    }

    @Override
    public BatchSpec batchSpec() {
        return new BatchSpec(cfg.offlineBatch(), cfg.simulatedBatch(), disc.config().realBatch(),
                disc.config().simBatch());
    }

    public DynamicsDiscriminators discriminators() {
        return disc;
    }

    @Override
    protected void onRowsChanged(int n) {
        ratio = new double[n];
        u = new double[n];
        omega = new double[n];
    }

    @Override
    public void drawNoise(UpdateInput input) {
        super.drawNoise(input);
        if (input.discriminatorOffline() == null || input.discriminatorSimulated() == null) {
            throw new IllegalArgumentException(method + " needs discriminator batches (see batchSpec())");
        }
        disc.drawNoise(rng, input.discriminatorOffline().size(), input.discriminatorSimulated().size());
        int m = nSim * h2o.nextStateSamples() * obsDim;
        if (uNoise.length != m) {
            uNoise = new double[m];
        }
        rng.gaussians(uNoise, m);
    }

    /** The N(0,1) noise of u(s,a)'s perturbed next states (sim row-major, samples inner). */
    public double[] uNoise() {
        return uNoise;
    }

    @Override
    protected void beforeLosses(UpdateInput input) {
        discLosses = disc.train(input.discriminatorOffline(), input.discriminatorSimulated());
        computeWeights();
    }

    /** Dynamics ratio and u(s,a) for the simulated rows with the current discriminators. */
    public void computeWeights() {
        if (nSim == 0) {
            return;
        }
        double[] so = new double[nSim * obsDim];
        double[] sa = new double[nSim * actDim];
        double[] sn = new double[nSim * obsDim];
        System.arraycopy(obs, nOff * obsDim, so, 0, nSim * obsDim);
        System.arraycopy(act, nOff * actDim, sa, 0, nSim * actDim);
        System.arraycopy(next, nOff * obsDim, sn, 0, nSim * obsDim);
        if (logOdds == null || logOdds.length < nSim * h2o.nextStateSamples()) {
            logOdds = new double[nSim * h2o.nextStateSamples()];
        }
        disc.logSimOverReal(so, sa, sn, nSim, logOdds);
        for (int i = 0; i < nSim; i++) {
            double r = Math.exp(-logOdds[i]);
            ratio[nOff + i] = Math.max(h2o.ratioMin(), Math.min(h2o.ratioMax(), r));
        }
        if (h2o.regularisation() && h2o.adaptiveWeights()) {
            int k = h2o.nextStateSamples();
            double[] ro = new double[nSim * k * obsDim];
            double[] ra = new double[nSim * k * actDim];
            double[] rn = new double[nSim * k * obsDim];
            double[] std = dims.stateStd();
            for (int i = 0; i < nSim; i++) {
                for (int s = 0; s < k; s++) {
                    int row = i * k + s;
                    System.arraycopy(so, i * obsDim, ro, row * obsDim, obsDim);
                    System.arraycopy(sa, i * actDim, ra, row * actDim, actDim);
                    for (int j = 0; j < obsDim; j++) {
                        rn[row * obsDim + j] = sn[i * obsDim + j]
                                + uNoise[row * obsDim + j] * std[j] * h2o.nextStateNoise();
                    }
                }
            }
            disc.logSimOverReal(ro, ra, rn, nSim * k, logOdds);
            for (int i = 0; i < nSim; i++) {
                double mean = 0;
                for (int s = 0; s < k; s++) {
                    mean += logOdds[i * k + s];
                }
                mean /= k;
                u[nOff + i] = Math.max(h2o.uMin(), Math.min(h2o.uMax(), mean));
            }
        } else {
            for (int i = 0; i < nSim; i++) {
                u[nOff + i] = 1.0;
            }
        }
        double sum = 0;
        for (int i = 0; i < nSim; i++) {
            sum += u[nOff + i];
        }
        for (int i = 0; i < nSim; i++) {
            omega[nOff + i] = u[nOff + i] / sum;
        }
    }

    @Override
    protected double tdCoefficient(int row) {
        if (row < nOff) {
            return 1.0 / nOff;
        }
        return (h2o.dynamicsRatio() ? ratio[row] : 1.0) / nSim;
    }

    @Override
    protected double regulariser(int k, double[] q, double[] dq) {
        if (!h2o.regularisation() || nSim == 0 || nOff == 0) {
            return 0.0;
        }
        double gap;
        double[] g = new double[nSim];
        if (h2o.expectationVariant()) {
            gap = 0;
            for (int i = 0; i < nSim; i++) {
                gap += omega[nOff + i] * q[nOff + i];
                g[i] = omega[nOff + i];
            }
        } else {
            double t = h2o.temperature();
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < nSim; i++) {
                mx = Math.max(mx, (q[nOff + i] + Math.log(omega[nOff + i])) / t);
            }
            double s = 0;
            for (int i = 0; i < nSim; i++) {
                g[i] = Math.exp((q[nOff + i] + Math.log(omega[nOff + i])) / t - mx);
                s += g[i];
            }
            gap = t * (mx + Math.log(s));
            for (int i = 0; i < nSim; i++) {
                g[i] /= s;
            }
        }
        double qOff = 0;
        for (int i = 0; i < nOff; i++) {
            qOff += q[i];
        }
        qOff /= nOff;
        double diff = gap - qOff;
        gaps[k] = gap;
        double clipped = Math.max(-h2o.clipDiff(), Math.min(h2o.clipDiff(), diff));
        if (diff >= -h2o.clipDiff() && diff <= h2o.clipDiff()) {
            for (int i = 0; i < nSim; i++) {
                dq[nOff + i] += h2o.beta() * g[i];
            }
            for (int i = 0; i < nOff; i++) {
                dq[i] -= h2o.beta() / nOff;
            }
        }
        return h2o.beta() * clipped;
    }

    @Override
    protected void addMetrics(Map<String, Double> m) {
        m.putAll(discLosses);
        if (nSim > 0) {
            double om2 = 0;
            for (int i = nOff; i < rows; i++) {
                om2 += omega[i] * omega[i];
            }
            double om = simRowMean(omega);
            m.put("dynamics_ratio_mean", simRowMean(ratio));
            m.put("u_mean", simRowMean(u));
            m.put("omega_std", Math.sqrt(Math.max(0, om2 / nSim - om * om)));
            if (h2o.regularisation()) {
                m.put("q1_gap", gaps[0]);
                m.put("q2_gap", gaps[1]);
            }
        }
    }

    /** Clipped dynamics ratios of the simulated rows of the current batch (offline rows unused). */
    public double[] ratios() {
        return ratio;
    }

    /** u(s,a) of the simulated rows of the current batch. */
    public double[] u() {
        return u;
    }

    /** ω = u/Σu of the simulated rows of the current batch (read-only; for the reference tests). */
    public double[] omega() {
        return omega;
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
