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

    /** Every field at its default (the values the record's Javadoc gives). */
    public static OrisConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.wMin = wMin;
        b.wMax = wMax;
        b.restartNoiseScale = restartNoiseScale;
        b.randomActionProbability = randomActionProbability;
        b.rolloutHorizon = rolloutHorizon;
        b.rolloutCount = rolloutCount;
        b.granularity = granularity;
        b.restartFromGenerator = restartFromGenerator;
        b.h2oReweight = h2oReweight;
        b.regularisation = regularisation;
        return b;
    }

    /** True when the critic loss carries H2O's ω-weighted value regularisation. */
    public boolean h2oRegularisation() {
        return "h2o".equals(regularisation);
    }

    /** A copy with {@link #wMin()} set to {@code wMin}. */
    public OrisConfig withWMin(double wMin) {
        return toBuilder().wMin(wMin).build();
    }

    /** A copy with {@link #wMax()} set to {@code wMax}. */
    public OrisConfig withWMax(double wMax) {
        return toBuilder().wMax(wMax).build();
    }

    /** A copy with {@link #restartNoiseScale()} set to {@code restartNoiseScale}. */
    public OrisConfig withRestartNoiseScale(double restartNoiseScale) {
        return toBuilder().restartNoiseScale(restartNoiseScale).build();
    }

    /** A copy with {@link #randomActionProbability()} set to {@code randomActionProbability}. */
    public OrisConfig withRandomActionProbability(double randomActionProbability) {
        return toBuilder().randomActionProbability(randomActionProbability).build();
    }

    /** A copy with {@link #rolloutHorizon()} set to {@code rolloutHorizon}. */
    public OrisConfig withRolloutHorizon(int rolloutHorizon) {
        return toBuilder().rolloutHorizon(rolloutHorizon).build();
    }

    /** A copy with {@link #rolloutCount()} set to {@code rolloutCount}. */
    public OrisConfig withRolloutCount(int rolloutCount) {
        return toBuilder().rolloutCount(rolloutCount).build();
    }

    /** A copy with {@link #granularity()} set to {@code granularity}. */
    public OrisConfig withGranularity(String granularity) {
        return toBuilder().granularity(granularity).build();
    }

    /** A copy with {@link #restartFromGenerator()} set to {@code restartFromGenerator}. */
    public OrisConfig withRestartFromGenerator(boolean restartFromGenerator) {
        return toBuilder().restartFromGenerator(restartFromGenerator).build();
    }

    /** A copy with {@link #h2oReweight()} set to {@code h2oReweight}. */
    public OrisConfig withH2oReweight(boolean h2oReweight) {
        return toBuilder().h2oReweight(h2oReweight).build();
    }

    /** A copy with {@link #regularisation()} set to {@code regularisation}. */
    public OrisConfig withRegularisation(String regularisation) {
        return toBuilder().regularisation(regularisation).build();
    }

    /**
     * Builds a {@link OrisConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double wMin = 0.1;
        private double wMax = 1.0;
        private double restartNoiseScale = 0.01;
        private double randomActionProbability = 0.2;
        private int rolloutHorizon = 50;
        private int rolloutCount = 20;
        private String granularity = "EPOCH";
        private boolean restartFromGenerator = true;
        private boolean h2oReweight = false;
        private String regularisation = "none";

        private Builder() {
        }

        /** Sets {@link OrisConfig#wMin()}. */
        public Builder wMin(double wMin) {
            this.wMin = wMin;
            return this;
        }

        /** Sets {@link OrisConfig#wMax()}. */
        public Builder wMax(double wMax) {
            this.wMax = wMax;
            return this;
        }

        /** Sets {@link OrisConfig#restartNoiseScale()}. */
        public Builder restartNoiseScale(double restartNoiseScale) {
            this.restartNoiseScale = restartNoiseScale;
            return this;
        }

        /** Sets {@link OrisConfig#randomActionProbability()}. */
        public Builder randomActionProbability(double randomActionProbability) {
            this.randomActionProbability = randomActionProbability;
            return this;
        }

        /** Sets {@link OrisConfig#rolloutHorizon()}. */
        public Builder rolloutHorizon(int rolloutHorizon) {
            this.rolloutHorizon = rolloutHorizon;
            return this;
        }

        /** Sets {@link OrisConfig#rolloutCount()}. */
        public Builder rolloutCount(int rolloutCount) {
            this.rolloutCount = rolloutCount;
            return this;
        }

        /** Sets {@link OrisConfig#granularity()}. */
        public Builder granularity(String granularity) {
            this.granularity = granularity;
            return this;
        }

        /** Sets {@link OrisConfig#restartFromGenerator()}. */
        public Builder restartFromGenerator(boolean restartFromGenerator) {
            this.restartFromGenerator = restartFromGenerator;
            return this;
        }

        /** Sets {@link OrisConfig#h2oReweight()}. */
        public Builder h2oReweight(boolean h2oReweight) {
            this.h2oReweight = h2oReweight;
            return this;
        }

        /** Sets {@link OrisConfig#regularisation()}. */
        public Builder regularisation(String regularisation) {
            this.regularisation = regularisation;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public OrisConfig build() {
            return new OrisConfig(wMin, wMax, restartNoiseScale, randomActionProbability, rolloutHorizon, rolloutCount,
                    granularity, restartFromGenerator, h2oReweight, regularisation);
        }
    }
}
