package io.oris.model.config;

/**
 * Behaviour cloning with a deterministic tanh actor and a mean-squared-error loss (the CORL BC baseline).
 *
 * @param lr Adam learning rate; default 3e-4 (CORL)
 */
public record BcConfig(double lr) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static BcConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.lr = lr;
        return b;
    }

    /** A copy with {@link #lr()} set to {@code lr}. */
    public BcConfig withLr(double lr) {
        return toBuilder().lr(lr).build();
    }

    /**
     * Builds a {@link BcConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double lr = 3e-4;

        private Builder() {
        }

        /** Sets {@link BcConfig#lr()}. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public BcConfig build() {
            return new BcConfig(lr);
        }
    }
}
