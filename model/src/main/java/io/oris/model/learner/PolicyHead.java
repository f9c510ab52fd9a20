package io.oris.model.learner;

/**
 * How a policy network's outputs become an action, the part of a policy that is not weights (docs/architecture.md
 * §5, {@code policy.json}). Three kinds cover every learner: the SAC family's tanh-Gaussian (outputs [μ, ℓ], log σ =
 * clamp(m·ℓ + o, min, max), action tanh(μ + σε)), IQL's and SQL's Gaussian around a tanh mean (outputs f, action
 * clip(tanh(f) + σε, −1, 1) with a learned state-independent log σ), and TD3+BC's and BC's deterministic tanh(f).
 * Every kind's deterministic action is tanh of the first {@link #actDim()} outputs.
 */
public sealed interface PolicyHead {
    /** Action dimensions A. */
    int actDim();

    /** Network outputs the head reads (2A for the tanh-Gaussian, A otherwise). */
    int outputs();

    /** The name written to {@code policy.json} ({@code head.kind}). */
    String kind();

    /** SAC family: outputs [μ, ℓ]; log σ = clamp(multiplier·ℓ + offset, logStdMin, logStdMax); action tanh(μ + σε). */
    record TanhGaussian(int actDim, double logStdMin, double logStdMax, double multiplier, double offset)
            implements PolicyHead {
        public static final String KIND = "tanh_gaussian";

        @Override
        public int outputs() {
            return 2 * actDim;
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** IQL, SQL: outputs f; action clip(tanh(f) + σε, −1, 1) with σ = exp(logStd), logStd already clamped. */
    record TanhMeanGaussian(double[] logStd) implements PolicyHead {
        public static final String KIND = "tanh_mean_gaussian";

        public TanhMeanGaussian {
            logStd = logStd.clone();
        }

        @Override
        public double[] logStd() {
            return logStd.clone();
        }

        @Override
        public int actDim() {
            return logStd.length;
        }

        @Override
        public int outputs() {
            return logStd.length;
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** TD3+BC, BC: outputs f; action tanh(f), the same whether or not a stochastic action is asked. */
    record DeterministicTanh(int actDim) implements PolicyHead {
        public static final String KIND = "deterministic_tanh";

        @Override
        public int outputs() {
            return actDim;
        }

        @Override
        public String kind() {
            return KIND;
        }
    }
}
