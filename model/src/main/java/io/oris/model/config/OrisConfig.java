package io.oris.model.config;

/**
 * ORIS settings the paper leaves open (docs/reference.md §5); each default is the project's choice within the ranges given there.
 *
 * @param wMin lower clip of w(s) = clip(1 − 2D(s), wMin, wMax); default 0.1, the top of the 0.01-0.1 range of docs/reference.md §5, so
 *             in-distribution simulated transitions still count a tenth
 * @param wMax upper clip of w(s); default 1.0 (docs/reference.md §5)
 * @param restartNoiseScale σ of the restart noise N(0, σ²) per dimension, as a multiple of the state std; default
 *                          0.01 (docs/reference.md §5)
 * @param randomActionProbability p of the hybrid rollout policy; default 0.2, the middle of the 0.1-0.3 range of docs/reference.md §5
 * @param rolloutHorizon H, steps per rollout; default 50, inside the 10-100 range of docs/reference.md §5
 * @param rolloutCount C, rollouts per epoch; default 20 so that C·H = 1000 simulator steps per epoch (docs/reference.md §4, §5)
 * @param granularity when the hybrid policy redraws random-vs-current: EPOCH (Algorithm 1), ROLLOUT or STEP; default
 *                    EPOCH, as Algorithm 1 writes it
 * @param restartFromGenerator start rollouts from G(z) + noise; false = the no_restart ablation (start from ρ0)
 * @param h2oReweight weight simulated TD errors by H2O's clipped dynamics ratio instead of w(s) (the h2o_reweight
 *                    ablation); default false
 * @param regularisation the value regularisation added to the critic loss: {@code none} (Eq. 6 as the ORIS paper
 *                       writes it; the default) or {@code h2o} (H2O's ω-weighted log-sum-exp term with its
 *                       discriminators, so that "w/o restart &amp; H2O reweight" is H2O itself, as the paper's
 *                       ablation text says)
 */
public record OrisConfig(double wMin, double wMax, double restartNoiseScale, double randomActionProbability,
                         int rolloutHorizon, int rolloutCount, String granularity, boolean restartFromGenerator,
                         boolean h2oReweight, String regularisation) {
    /** Values of {@link #regularisation()}. */
    public static final java.util.List<String> REGULARISATIONS = java.util.List.of("none", "h2o");

    public OrisConfig {
        if (regularisation == null || !REGULARISATIONS.contains(regularisation)) {
            throw new IllegalArgumentException("oris.regularisation must be one of " + REGULARISATIONS + ", got '"
                    + regularisation + "'");
        }
        if (rolloutHorizon < 1 || rolloutCount < 1) {
            throw new IllegalArgumentException("oris.rolloutHorizon and oris.rolloutCount must be at least 1, got H = "
                    + rolloutHorizon + ", C = " + rolloutCount);
        }
    }

    public static OrisConfig defaults() {
        return new OrisConfig(0.1, 1.0, 0.01, 0.2, 50, 20, "EPOCH", true, false, "none");
    }

    /** True when the critic loss carries H2O's ω-weighted value regularisation. */
    public boolean h2oRegularisation() {
        return "h2o".equals(regularisation);
    }
}
