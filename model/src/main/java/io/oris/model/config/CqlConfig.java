package io.oris.model.config;

/**
 * CQL(H) with a fixed min-Q weight (Kumar et al. 2020), as in the SAC-based reference implementation: the defaults
 * (with {@link SacConfig}'s: actor lr 3e-4, 256-256, auto α) are young-geng's {@code ConservativeSAC} defaults, the
 * code CORL's {@code cql.py} derives from. CORL's own locomotion configs differ: min-Q weight 10, actor lr 3e-5,
 * three hidden layers, orthogonally initialised critics, standardised states.
 *
 * @param minQWeight weight of the conservative term; default 5.0 (young-geng's default; the CQL authors' README
 *                   suggests 5.0 or 10.0 for Gym MuJoCo without Lagrange)
 * @param sampledActions actions sampled per state from each of uniform, π(·|s) and π(·|s'); default 10 (CQL paper)
 * @param temperature log-sum-exp temperature; default 1 (CQL paper)
 * @param importanceSampling subtract the sampling log-densities inside the log-sum-exp; default true (CQL paper's
 *                           CQL(H) estimator)
 * @param clipDiff the per-state difference is clipped to ±clipDiff; default 1e30 (no clip, as the reference)
 */
public record CqlConfig(double minQWeight, int sampledActions, double temperature, boolean importanceSampling,
                        double clipDiff) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static CqlConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.minQWeight = minQWeight;
        b.sampledActions = sampledActions;
        b.temperature = temperature;
        b.importanceSampling = importanceSampling;
        b.clipDiff = clipDiff;
        return b;
    }

    /** A copy with {@link #minQWeight()} set to {@code minQWeight}. */
    public CqlConfig withMinQWeight(double minQWeight) {
        return toBuilder().minQWeight(minQWeight).build();
    }

    /** A copy with {@link #sampledActions()} set to {@code sampledActions}. */
    public CqlConfig withSampledActions(int sampledActions) {
        return toBuilder().sampledActions(sampledActions).build();
    }

    /** A copy with {@link #temperature()} set to {@code temperature}. */
    public CqlConfig withTemperature(double temperature) {
        return toBuilder().temperature(temperature).build();
    }

    /** A copy with {@link #importanceSampling()} set to {@code importanceSampling}. */
    public CqlConfig withImportanceSampling(boolean importanceSampling) {
        return toBuilder().importanceSampling(importanceSampling).build();
    }

    /** A copy with {@link #clipDiff()} set to {@code clipDiff}. */
    public CqlConfig withClipDiff(double clipDiff) {
        return toBuilder().clipDiff(clipDiff).build();
    }

    /**
     * Builds a {@link CqlConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double minQWeight = 5.0;
        private int sampledActions = 10;
        private double temperature = 1.0;
        private boolean importanceSampling = true;
        private double clipDiff = 1e30;

        private Builder() {
        }

        /** Sets {@link CqlConfig#minQWeight()}. */
        public Builder minQWeight(double minQWeight) {
            this.minQWeight = minQWeight;
            return this;
        }

        /** Sets {@link CqlConfig#sampledActions()}. */
        public Builder sampledActions(int sampledActions) {
            this.sampledActions = sampledActions;
            return this;
        }

        /** Sets {@link CqlConfig#temperature()}. */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets {@link CqlConfig#importanceSampling()}. */
        public Builder importanceSampling(boolean importanceSampling) {
            this.importanceSampling = importanceSampling;
            return this;
        }

        /** Sets {@link CqlConfig#clipDiff()}. */
        public Builder clipDiff(double clipDiff) {
            this.clipDiff = clipDiff;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public CqlConfig build() {
            return new CqlConfig(minQWeight, sampledActions, temperature, importanceSampling, clipDiff);
        }
    }
}
