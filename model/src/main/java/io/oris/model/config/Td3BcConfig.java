package io.oris.model.config;

/**
 * TD3+BC (Fujimoto and Gu 2021), with the paper's (and CORL's {@code td3_bc.py}) settings; γ, Polyak rate τ = 5e-3,
 * hidden sizes 256-256 and the batch of 256 come from {@link SacConfig}.
 *
 * @param alpha λ = alpha / mean|Q(s, π(s))|; default 2.5 (TD3+BC paper)
 * @param policyNoise target policy smoothing noise std; default 0.2 (TD3+BC paper)
 * @param noiseClip its clip; default 0.5 (TD3+BC paper)
 * @param policyDelay actor and target updates every this many critic updates; default 2 (TD3+BC paper)
 * @param lr Adam learning rate of actor and critics; default 3e-4 (TD3+BC paper)
 * @param normalizeStates standardise states and next states with the offline dataset's per-dimension mean and
 *                        std + 1e-3, in training and in the policy handed out (which therefore takes raw
 *                        observations); default true: the paper makes it one of its two changes to TD3 (the other
 *                        is the BC term) and its reported results use it; CORL's {@code normalize} defaults to
 *                        true too
 */
public record Td3BcConfig(double alpha, double policyNoise, double noiseClip, int policyDelay, double lr,
                          boolean normalizeStates) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static Td3BcConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.alpha = alpha;
        b.policyNoise = policyNoise;
        b.noiseClip = noiseClip;
        b.policyDelay = policyDelay;
        b.lr = lr;
        b.normalizeStates = normalizeStates;
        return b;
    }

    /** A copy with {@link #alpha()} set to {@code alpha}. */
    public Td3BcConfig withAlpha(double alpha) {
        return toBuilder().alpha(alpha).build();
    }

    /** A copy with {@link #policyNoise()} set to {@code policyNoise}. */
    public Td3BcConfig withPolicyNoise(double policyNoise) {
        return toBuilder().policyNoise(policyNoise).build();
    }

    /** A copy with {@link #noiseClip()} set to {@code noiseClip}. */
    public Td3BcConfig withNoiseClip(double noiseClip) {
        return toBuilder().noiseClip(noiseClip).build();
    }

    /** A copy with {@link #policyDelay()} set to {@code policyDelay}. */
    public Td3BcConfig withPolicyDelay(int policyDelay) {
        return toBuilder().policyDelay(policyDelay).build();
    }

    /** A copy with {@link #lr()} set to {@code lr}. */
    public Td3BcConfig withLr(double lr) {
        return toBuilder().lr(lr).build();
    }

    /** A copy with {@link #normalizeStates()} set to {@code normalizeStates}. */
    public Td3BcConfig withNormalizeStates(boolean normalizeStates) {
        return toBuilder().normalizeStates(normalizeStates).build();
    }

    /**
     * Builds a {@link Td3BcConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double alpha = 2.5;
        private double policyNoise = 0.2;
        private double noiseClip = 0.5;
        private int policyDelay = 2;
        private double lr = 3e-4;
        private boolean normalizeStates = true;

        private Builder() {
        }

        /** Sets {@link Td3BcConfig#alpha()}. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Sets {@link Td3BcConfig#policyNoise()}. */
        public Builder policyNoise(double policyNoise) {
            this.policyNoise = policyNoise;
            return this;
        }

        /** Sets {@link Td3BcConfig#noiseClip()}. */
        public Builder noiseClip(double noiseClip) {
            this.noiseClip = noiseClip;
            return this;
        }

        /** Sets {@link Td3BcConfig#policyDelay()}. */
        public Builder policyDelay(int policyDelay) {
            this.policyDelay = policyDelay;
            return this;
        }

        /** Sets {@link Td3BcConfig#lr()}. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Sets {@link Td3BcConfig#normalizeStates()}. */
        public Builder normalizeStates(boolean normalizeStates) {
            this.normalizeStates = normalizeStates;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public Td3BcConfig build() {
            return new Td3BcConfig(alpha, policyNoise, noiseClip, policyDelay, lr, normalizeStates);
        }
    }
}
