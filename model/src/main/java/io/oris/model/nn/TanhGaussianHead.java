package io.oris.model.nn;

/**
 * The tanh-squashed Gaussian policy head of SAC, on the host in double precision: the network's output row is
 * {@code [μ (A values), ℓ (A values)]}; as in the H2O authors' TanhGaussianPolicy, {@code log σ = m·ℓ + o} with two
 * trainable scalars, the log-std multiplier m (initially 1) and offset o (initially −1), then clamped to
 * {@code [logStdMin, logStdMax]}; an action is
 * {@code a = tanh(μ + σ ε)} with ε ~ N(0, I) drawn by the caller (reparameterisation), and
 * {@code log π(a|s) = Σ_j [−ε_j²/2 − log σ_j − log √(2π) − log(1 − tanh²(u_j))]} with the last term in the stable form
 * {@code 2 (log 2 − u − softplus(−2u))}, as PyTorch's TanhTransform computes it.
 */
public final class TanhGaussianHead {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG2 = Math.log(2);
    private final int actDim;
    private final double logStdMin;
    private final double logStdMax;
    private double multiplier;
    private double offset;
    private double multiplierGrad;
    private double offsetGrad;

    /** A head with the identity affine map on log σ (m = 1, o = 0). */
    public TanhGaussianHead(int actDim, double logStdMin, double logStdMax) {
        this(actDim, logStdMin, logStdMax, 1.0, 0.0);
    }

    /**
     * @param multiplier initial log-std multiplier m (H2O's code: 1.0)
     * @param offset initial log-std offset o (H2O's code: −1.0)
     */
    public TanhGaussianHead(int actDim, double logStdMin, double logStdMax, double multiplier, double offset) {
        this.actDim = actDim;
        this.logStdMin = logStdMin;
        this.logStdMax = logStdMax;
        this.multiplier = multiplier;
        this.offset = offset;
    }

    public double multiplier() {
        return multiplier;
    }

    public double offset() {
        return offset;
    }

    /** Sets the two trainable scalars (after an optimiser step or a restore). */
    public void setAffine(double multiplier, double offset) {
        this.multiplier = multiplier;
        this.offset = offset;
    }

    /** dL/dm accumulated by {@link #backward} since the last {@link #zeroGrad()}. */
    public double multiplierGrad() {
        return multiplierGrad;
    }

    /** dL/do accumulated by {@link #backward} since the last {@link #zeroGrad()}. */
    public double offsetGrad() {
        return offsetGrad;
    }

    public void zeroGrad() {
        multiplierGrad = 0;
        offsetGrad = 0;
    }

    /** log σ before the clamp for a raw network output ℓ. */
    public double unclampedLogStd(double raw) {
        return multiplier * raw + offset;
    }

    public int actDim() {
        return actDim;
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** log(1 − tanh²(u)), stable for large |u|. */
    public static double logOneMinusTanhSq(double u) {
        return 2 * (LOG2 - u - softplus(-2 * u));
    }

    /**
     * Samples actions for rows {@code [0, n)}.
     *
     * @param raw network outputs, row stride 2A
     * @param eps noise, row stride A (ignored when {@code deterministic}: then a = tanh(μ) and log π is not defined)
     * @param act out: actions, row stride A
     * @param logp out: log π per row (may be null)
     */
    public void sample(double[] raw, double[] eps, int n, boolean deterministic, double[] act, double[] logp) {
        int a2 = 2 * actDim;
        for (int i = 0; i < n; i++) {
            double lp = 0;
            for (int j = 0; j < actDim; j++) {
                double mu = raw[i * a2 + j];
                if (deterministic) {
                    act[i * actDim + j] = Math.tanh(mu);
                    continue;
                }
                double ls = clamp(unclampedLogStd(raw[i * a2 + actDim + j]));
                double e = eps[i * actDim + j];
                double u = mu + Math.exp(ls) * e;
                act[i * actDim + j] = Math.tanh(u);
                lp += -0.5 * e * e - ls - LOG_SQRT_2PI - logOneMinusTanhSq(u);
            }
            if (logp != null) {
                logp[i] = lp;
            }
        }
    }

    /**
     * Backward through {@link #sample} for rows {@code [0, n)}: given dL/da and dL/d log π, fills dL/d raw (row stride 2A)
     * and adds dL/dm and dL/do to the scalars' gradients. The clamp passes the gradient only where log σ lies inside
     * the bounds (as torch.clamp does).
     */
    public void backward(double[] raw, double[] eps, double[] act, double[] dAct, double[] dLogp, int n,
                         double[] dRaw) {
        int a2 = 2 * actDim;
        for (int i = 0; i < n; i++) {
            double gl = dLogp == null ? 0 : dLogp[i];
            for (int j = 0; j < actDim; j++) {
                double a = act[i * actDim + j];
                double ell = raw[i * a2 + actDim + j];
                double lsPre = unclampedLogStd(ell);
                double ls = clamp(lsPre);
                double e = eps[i * actDim + j];
                // d log π / d u = −d/du log(1 − tanh² u) = 2 tanh(u); d a / d u = 1 − a²
                double du = dAct[i * actDim + j] * (1 - a * a) + gl * 2 * a;
                dRaw[i * a2 + j] = du;
                double dls = (lsPre >= logStdMin && lsPre <= logStdMax) ? du * Math.exp(ls) * e - gl : 0.0;
                dRaw[i * a2 + actDim + j] = dls * multiplier;
                multiplierGrad += dls * ell;
                offsetGrad += dls;
            }
        }
    }

    double clamp(double ls) {
        return Math.max(logStdMin, Math.min(logStdMax, ls));
    }
}
