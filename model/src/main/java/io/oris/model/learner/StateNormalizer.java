package io.oris.model.learner;

import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import java.io.IOException;
import java.util.Arrays;

/**
 * TD3+BC's state standardisation {@code s ↦ (s − μ) / (σ + ε)} with the offline dataset's per-dimension mean μ and
 * std σ and ε = 1e-3 (Fujimoto and Gu 2021, CORL's {@code compute_mean_std}). A learner applies the same map to the
 * states and next states it trains on and, through {@link NormalizingPolicy}, to the raw observations its policy
 * acts on; the map is part of the learner's snapshot, so a restored policy acts identically. Immutable.
 */
public final class StateNormalizer {
    /** ε added to the std (TD3+BC's and CORL's 1e-3). */
    public static final double EPS = 1e-3;
    private final double[] mean;
    private final double[] scale;

    private StateNormalizer(double[] mean, double[] scale) {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " values, scale " + scale.length);
        }
        for (double s : scale) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("state scale must be positive and finite: " + Arrays.toString(scale));
            }
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    /** μ and σ + ε from the dataset's statistics. */
    public static StateNormalizer of(DatasetStats stats) {
        double[] scale = stats.stateStd().clone();
        for (int j = 0; j < scale.length; j++) {
            scale[j] += EPS;
        }
        return new StateNormalizer(stats.stateMean(), scale);
    }

    /** The map with mean {@code mean} and divisor {@code scale} (positive, finite), e.g. read from a policy snapshot. */
    public static StateNormalizer of(double[] mean, double[] scale) {
        return new StateNormalizer(mean, scale);
    }

    /** The identity map (μ = 0, divisor 1): what a learner without normalisation uses. */
    public static StateNormalizer identity(int obsDim) {
        double[] ones = new double[obsDim];
        Arrays.fill(ones, 1.0);
        return new StateNormalizer(new double[obsDim], ones);
    }

    public int obsDim() {
        return mean.length;
    }

    /** μ (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The divisor σ + ε (a copy). */
    public double[] scale() {
        return scale.clone();
    }

    /** Standardises {@code n} row-major state rows in place. */
    public void applyInPlace(double[] rows, int n) {
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i * d + j] = (rows[i * d + j] - mean[j]) / scale[j];
            }
        }
    }

    /** One standardised observation (computed in double, returned as float like the observation). */
    public float[] apply(float[] obs) {
        if (obs.length != mean.length) {
            throw new IllegalArgumentException("observation has " + obs.length + " values, expected " + mean.length);
        }
        float[] out = new float[obs.length];
        for (int j = 0; j < obs.length; j++) {
            out[j] = (float) ((obs[j] - mean[j]) / scale[j]);
        }
        return out;
    }

    /** Writes μ and σ + ε under {@code prefix}. */
    public void save(StateWriter w, String prefix) throws IOException {
        w.doubles(prefix + ".mean", mean).doubles(prefix + ".scale", scale);
    }

    /** Reads what {@link #save} wrote, for a learner of {@code obsDim} state dimensions. */
    public static StateNormalizer load(StateReader r, String prefix, int obsDim) throws IOException {
        double[] m = r.doubles(prefix + ".mean");
        double[] s = r.doubles(prefix + ".scale");
        if (m.length != obsDim || s.length != obsDim) {
            throw new IOException("state normaliser '" + prefix + "' has " + m.length + "/" + s.length
                    + " values, expected " + obsDim);
        }
        try {
            return new StateNormalizer(m, s);
        } catch (IllegalArgumentException e) {
            throw new IOException("state normaliser '" + prefix + "': " + e.getMessage(), e);
        }
    }
}
