package io.oris.model.config;

/**
 * COMBO (Yu et al., NeurIPS 2021, "COMBO: Conservative Offline Model-Based Policy Optimization") on the SAC core
 * ({@link SacConfig}): model rollouts of length h from dataset states, a learning batch that mixes real and model
 * rows with ratio f, and a CQL-style conservative term that pushes Q down on model states and up on dataset
 * (s, a). The push-down estimator is CQL(H)'s log-sum-exp over sampled actions, read from {@link CqlConfig}
 * ({@code cql.sampledActions}, {@code cql.temperature}, {@code cql.importanceSampling}): one place for that
 * estimator. The learned dynamics model is configured by {@link DynamicsConfig}.
 *
 * <p>The paper tunes β and h per D4RL locomotion dataset (β ∈ {0.5, 5}, h ∈ {1, 5}; f = 0.5 everywhere): β = 5 for
 * hopper-medium, walker2d-medium and all medium-expert sets, 0.5 for halfcheetah-medium and the medium-replay sets;
 * h = 5 for hopper and halfcheetah, 1 for walker2d. The defaults take the most frequent value; a job overrides them
 * per dataset.
 *
 * @param beta β, the conservative term's weight; default 5.0 (the paper's most frequent locomotion value, also
 *             OfflineRL-Kit's default {@code cql-weight})
 * @param rolloutHorizon h, steps of each model rollout; default 5 (hopper and halfcheetah in the paper)
 * @param realRatio f, the fraction of each learning batch drawn from the dataset (the rest from model rollouts);
 *                  default 0.5 (the paper, every D4RL dataset)
 * @param rolloutBatch dataset states each rollout round starts from; default 50,000 (MOPO's and COMBO's
 *                     {@code rollout_batch_size})
 * @param rolloutEvery gradient steps between rollout rounds (a round also runs before the first update); default
 *                     1000 (MOPO/COMBO code: one round per epoch of 1000 steps)
 * @param retainRounds the model replay keeps the transitions of this many rounds (capacity
 *                     {@code retainRounds · rolloutBatch · h}); default 5 (MOPO's {@code model_retain_epochs})
 * @param pushDownStates where the push-down term's states come from: "model" (the model rows of the batch, the
 *                       paper's ρ(s, a) = d(s) from model rollouts times π(a|s)) or "mix" (all rows, as
 *                       OfflineRL-Kit's {@code rho_s = mix}); default "model", the paper's form
 */
public record ComboConfig(double beta, int rolloutHorizon, double realRatio, int rolloutBatch, int rolloutEvery,
                          int retainRounds, String pushDownStates) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static ComboConfig defaults() {
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
        b.rolloutHorizon = rolloutHorizon;
        b.realRatio = realRatio;
        b.rolloutBatch = rolloutBatch;
        b.rolloutEvery = rolloutEvery;
        b.retainRounds = retainRounds;
        b.pushDownStates = pushDownStates;
        return b;
    }

    /** A copy with {@link #beta()} set to {@code beta}. */
    public ComboConfig withBeta(double beta) {
        return toBuilder().beta(beta).build();
    }

    /** A copy with {@link #rolloutHorizon()} set to {@code rolloutHorizon}. */
    public ComboConfig withRolloutHorizon(int rolloutHorizon) {
        return toBuilder().rolloutHorizon(rolloutHorizon).build();
    }

    /** A copy with {@link #realRatio()} set to {@code realRatio}. */
    public ComboConfig withRealRatio(double realRatio) {
        return toBuilder().realRatio(realRatio).build();
    }

    /** A copy with {@link #rolloutBatch()} set to {@code rolloutBatch}. */
    public ComboConfig withRolloutBatch(int rolloutBatch) {
        return toBuilder().rolloutBatch(rolloutBatch).build();
    }

    /** A copy with {@link #rolloutEvery()} set to {@code rolloutEvery}. */
    public ComboConfig withRolloutEvery(int rolloutEvery) {
        return toBuilder().rolloutEvery(rolloutEvery).build();
    }

    /** A copy with {@link #retainRounds()} set to {@code retainRounds}. */
    public ComboConfig withRetainRounds(int retainRounds) {
        return toBuilder().retainRounds(retainRounds).build();
    }

    /** A copy with {@link #pushDownStates()} set to {@code pushDownStates}. */
    public ComboConfig withPushDownStates(String pushDownStates) {
        return toBuilder().pushDownStates(pushDownStates).build();
    }

    /**
     * Builds a {@link ComboConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double beta = 5.0;
        private int rolloutHorizon = 5;
        private double realRatio = 0.5;
        private int rolloutBatch = 50_000;
        private int rolloutEvery = 1000;
        private int retainRounds = 5;
        private String pushDownStates = "model";

        private Builder() {
        }

        /** Sets {@link ComboConfig#beta()}. */
        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Sets {@link ComboConfig#rolloutHorizon()}. */
        public Builder rolloutHorizon(int rolloutHorizon) {
            this.rolloutHorizon = rolloutHorizon;
            return this;
        }

        /** Sets {@link ComboConfig#realRatio()}. */
        public Builder realRatio(double realRatio) {
            this.realRatio = realRatio;
            return this;
        }

        /** Sets {@link ComboConfig#rolloutBatch()}. */
        public Builder rolloutBatch(int rolloutBatch) {
            this.rolloutBatch = rolloutBatch;
            return this;
        }

        /** Sets {@link ComboConfig#rolloutEvery()}. */
        public Builder rolloutEvery(int rolloutEvery) {
            this.rolloutEvery = rolloutEvery;
            return this;
        }

        /** Sets {@link ComboConfig#retainRounds()}. */
        public Builder retainRounds(int retainRounds) {
            this.retainRounds = retainRounds;
            return this;
        }

        /** Sets {@link ComboConfig#pushDownStates()}. */
        public Builder pushDownStates(String pushDownStates) {
            this.pushDownStates = pushDownStates;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public ComboConfig build() {
            return new ComboConfig(beta, rolloutHorizon, realRatio, rolloutBatch, rolloutEvery, retainRounds,
                    pushDownStates);
        }
    }
}
