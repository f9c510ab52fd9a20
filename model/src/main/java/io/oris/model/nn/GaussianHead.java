package io.oris.model.nn;

/**
 * The Gaussian policy head of IQL as CORL implements it ({@code GaussianPolicy}, after Kostrikov et al. 2021): the
 * network's output row f(s) (A values) gives the mean {@code μ = tanh(f(s))}; the log std is one learned vector of A
 * values, the same for every state, clamped to {@code [logStdMin, logStdMax]}; {@code π(·|s) = N(μ, diag σ²)} with no
 * tanh correction, so {@code log π(a|s) = Σ_j [−(a_j − μ_j)²/(2σ_j²) − log σ_j − log √(2π)]} of a dataset action a.
 * Host, double precision.
 */
public final class GaussianHead {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private final int actDim;
    private final double logStdMin;
    private final double logStdMax;

    public GaussianHead(int actDim, double logStdMin, double logStdMax) {
        this.actDim = actDim;
        this.logStdMin = logStdMin;
        this.logStdMax = logStdMax;
    }

    public int actDim() {
        return actDim;
    }

    /** log σ after the clamp. */
    public double clamp(double logStd) {
        return Math.max(logStdMin, Math.min(logStdMax, logStd));
    }

    /**
     * log π(a|s) of given actions for rows {@code [0, n)} and, if {@code dOut} is not null, the gradient of
     * {@code L = Σ_i scale_i · log π_i}: dL/d f(s) into {@code dOut} (row stride A, overwritten) and dL/d log σ into
     * {@code dLogStd} (A values, overwritten). The clamp passes the gradient only where log σ lies inside the bounds
     * (as torch.clamp does).
     *
     * @param out network outputs f(s), row stride A
     * @param logStd the learned log σ (before the clamp), A values
     */
    public void logProb(double[] out, double[] logStd, double[] actions, int n, double[] logp, double[] scale,
                        double[] dOut, double[] dLogStd) {
        double[] ls = new double[actDim];
        double[] inv = new double[actDim];
        double lsSum = 0;
        for (int j = 0; j < actDim; j++) {
            ls[j] = clamp(logStd[j]);
            inv[j] = Math.exp(-ls[j]);
            lsSum += ls[j];
        }
        if (dLogStd != null) {
            java.util.Arrays.fill(dLogStd, 0, actDim, 0.0);
        }
        for (int i = 0; i < n; i++) {
            double lp = -lsSum - actDim * LOG_SQRT_2PI;
            for (int j = 0; j < actDim; j++) {
                double mu = Math.tanh(out[i * actDim + j]);
                double z = (actions[i * actDim + j] - mu) * inv[j];
                lp -= 0.5 * z * z;
                if (dOut != null) {
                    // d log π / d μ = z / σ; d μ / d f = 1 − μ²; d log π / d log σ = z² − 1
                    dOut[i * actDim + j] = scale[i] * z * inv[j] * (1 - mu * mu);
                    dLogStd[j] += scale[i] * (z * z - 1);
                }
            }
            logp[i] = lp;
        }
        if (dLogStd != null) {
            for (int j = 0; j < actDim; j++) {
                if (logStd[j] < logStdMin || logStd[j] > logStdMax) {
                    dLogStd[j] = 0.0;
                }
            }
        }
    }
}
