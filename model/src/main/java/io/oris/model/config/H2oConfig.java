package io.oris.model.config;

/**
 * H2O's dynamics-aware policy evaluation (docs/reference.md §4) and its ablation switches.
 *
 * @param beta weight of the conservative term (min-Q weight); default 0.01 (docs/reference.md §4)
 * @param temperature log-sum-exp temperature; default 1 (H2O's cql_temp)
 * @param clipDiff the conservative difference is clipped to ±clipDiff; default 1000 (docs/reference.md §4)
 * @param ratioMin lower clip of the dynamics ratio; default 1e-5 (docs/reference.md §4)
 * @param ratioMax upper clip of the dynamics ratio; default 1 (docs/reference.md §4)
 * @param nextStateSamples perturbed next states per sample for u(s,a); default 10 (docs/reference.md §4)
 * @param nextStateNoise their noise is N(0,1)·nextStateNoise·std(states); default 1 (docs/reference.md §4)
 * @param uMin lower clip of u(s,a); default 1e-45 (docs/reference.md §4)
 * @param uMax upper clip of u(s,a); default 10 (docs/reference.md §4)
 * @param adaptiveWeights ω = u/Σu; false = uniform ω (H2O-a); default true
 * @param dynamicsRatio importance weight on the simulated TD error; false = H2O-dr; default true
 * @param regularisation the conservative term; false = H2O-reg; default true
 * @param expectationVariant E_ω[Q] instead of log-sum-exp (H2O(v)); default false
 */
public record H2oConfig(double beta, double temperature, double clipDiff, double ratioMin, double ratioMax,
                        int nextStateSamples, double nextStateNoise, double uMin, double uMax, boolean adaptiveWeights,
                        boolean dynamicsRatio, boolean regularisation, boolean expectationVariant) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static H2oConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.beta = beta;
        b.temperature = temperature;
        b.clipDiff = clipDiff;
        b.ratioMin = ratioMin;
        b.ratioMax = ratioMax;
        b.nextStateSamples = nextStateSamples;
        b.nextStateNoise = nextStateNoise;
        b.uMin = uMin;
        b.uMax = uMax;
        b.adaptiveWeights = adaptiveWeights;
        b.dynamicsRatio = dynamicsRatio;
        b.regularisation = regularisation;
        b.expectationVariant = expectationVariant;
        return b;
    }

    /** A copy with {@link #beta()} set to {@code beta}. */
    public H2oConfig withBeta(double beta) {
        return toBuilder().beta(beta).build();
    }

    /** A copy with {@link #temperature()} set to {@code temperature}. */
    public H2oConfig withTemperature(double temperature) {
        return toBuilder().temperature(temperature).build();
    }

    /** A copy with {@link #clipDiff()} set to {@code clipDiff}. */
    public H2oConfig withClipDiff(double clipDiff) {
        return toBuilder().clipDiff(clipDiff).build();
    }

    /** A copy with {@link #ratioMin()} set to {@code ratioMin}. */
    public H2oConfig withRatioMin(double ratioMin) {
        return toBuilder().ratioMin(ratioMin).build();
    }

    /** A copy with {@link #ratioMax()} set to {@code ratioMax}. */
    public H2oConfig withRatioMax(double ratioMax) {
        return toBuilder().ratioMax(ratioMax).build();
    }

    /** A copy with {@link #nextStateSamples()} set to {@code nextStateSamples}. */
    public H2oConfig withNextStateSamples(int nextStateSamples) {
        return toBuilder().nextStateSamples(nextStateSamples).build();
    }

    /** A copy with {@link #nextStateNoise()} set to {@code nextStateNoise}. */
    public H2oConfig withNextStateNoise(double nextStateNoise) {
        return toBuilder().nextStateNoise(nextStateNoise).build();
    }

    /** A copy with {@link #uMin()} set to {@code uMin}. */
    public H2oConfig withUMin(double uMin) {
        return toBuilder().uMin(uMin).build();
    }

    /** A copy with {@link #uMax()} set to {@code uMax}. */
    public H2oConfig withUMax(double uMax) {
        return toBuilder().uMax(uMax).build();
    }

    /** A copy with {@link #adaptiveWeights()} set to {@code adaptiveWeights}. */
    public H2oConfig withAdaptiveWeights(boolean adaptiveWeights) {
        return toBuilder().adaptiveWeights(adaptiveWeights).build();
    }

    /** A copy with {@link #dynamicsRatio()} set to {@code dynamicsRatio}. */
    public H2oConfig withDynamicsRatio(boolean dynamicsRatio) {
        return toBuilder().dynamicsRatio(dynamicsRatio).build();
    }

    /** A copy with {@link #regularisation()} set to {@code regularisation}. */
    public H2oConfig withRegularisation(boolean regularisation) {
        return toBuilder().regularisation(regularisation).build();
    }

    /** A copy with {@link #expectationVariant()} set to {@code expectationVariant}. */
    public H2oConfig withExpectationVariant(boolean expectationVariant) {
        return toBuilder().expectationVariant(expectationVariant).build();
    }

    /**
     * Builds a {@link H2oConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double beta = 0.01;
        private double temperature = 1.0;
        private double clipDiff = 1000;
        private double ratioMin = 1e-5;
        private double ratioMax = 1.0;
        private int nextStateSamples = 10;
        private double nextStateNoise = 1.0;
        private double uMin = 1e-45;
        private double uMax = 10;
        private boolean adaptiveWeights = true;
        private boolean dynamicsRatio = true;
        private boolean regularisation = true;
        private boolean expectationVariant = false;

        private Builder() {
        }

        /** Sets {@link H2oConfig#beta()}. */
        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Sets {@link H2oConfig#temperature()}. */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets {@link H2oConfig#clipDiff()}. */
        public Builder clipDiff(double clipDiff) {
            this.clipDiff = clipDiff;
            return this;
        }

        /** Sets {@link H2oConfig#ratioMin()}. */
        public Builder ratioMin(double ratioMin) {
            this.ratioMin = ratioMin;
            return this;
        }

        /** Sets {@link H2oConfig#ratioMax()}. */
        public Builder ratioMax(double ratioMax) {
            this.ratioMax = ratioMax;
            return this;
        }

        /** Sets {@link H2oConfig#nextStateSamples()}. */
        public Builder nextStateSamples(int nextStateSamples) {
            this.nextStateSamples = nextStateSamples;
            return this;
        }

        /** Sets {@link H2oConfig#nextStateNoise()}. */
        public Builder nextStateNoise(double nextStateNoise) {
            this.nextStateNoise = nextStateNoise;
            return this;
        }

        /** Sets {@link H2oConfig#uMin()}. */
        public Builder uMin(double uMin) {
            this.uMin = uMin;
            return this;
        }

        /** Sets {@link H2oConfig#uMax()}. */
        public Builder uMax(double uMax) {
            this.uMax = uMax;
            return this;
        }

        /** Sets {@link H2oConfig#adaptiveWeights()}. */
        public Builder adaptiveWeights(boolean adaptiveWeights) {
            this.adaptiveWeights = adaptiveWeights;
            return this;
        }

        /** Sets {@link H2oConfig#dynamicsRatio()}. */
        public Builder dynamicsRatio(boolean dynamicsRatio) {
            this.dynamicsRatio = dynamicsRatio;
            return this;
        }

        /** Sets {@link H2oConfig#regularisation()}. */
        public Builder regularisation(boolean regularisation) {
            this.regularisation = regularisation;
            return this;
        }

        /** Sets {@link H2oConfig#expectationVariant()}. */
        public Builder expectationVariant(boolean expectationVariant) {
            this.expectationVariant = expectationVariant;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public H2oConfig build() {
            return new H2oConfig(beta, temperature, clipDiff, ratioMin, ratioMax, nextStateSamples, nextStateNoise,
                    uMin, uMax, adaptiveWeights, dynamicsRatio, regularisation, expectationVariant);
        }
    }
}
