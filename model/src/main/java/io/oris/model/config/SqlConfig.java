package io.oris.model.config;

/**
 * Sparse Q-learning (SQL; Xu et al., ICLR 2023, "Offline RL with No OOD Actions: In-Sample Learning via Implicit
 * Value Regularization") with the paper's D4RL locomotion settings as the authors' code ({@code ryanxhr/IVR})
 * runs them; γ, the Polyak rate τ = 5e-3, hidden sizes 256-256, the batch of 256 and the actor's log σ clamp come
 * from {@link SacConfig}, as for IQL (the authors' code is built on IQL's and shares these values).
 *
 * @param alpha α of the sparse value regularisation (the χ²-like f-divergence's weight): larger α keeps the implied
 *              policy closer to the behaviour policy; default 2.0, the authors' value for the locomotion
 *              {@code medium} and {@code medium-replay} datasets (their run script uses 5.0 for
 *              {@code medium-expert})
 * @param lr Adam learning rate of actor, critics and value; default 3e-4 (the authors' MuJoCo config)
 * @param actorLrSchedule "cosine": the actor's learning rate decays as {@code lr·(1 + cos(π t / maxSteps))/2} over
 *                        the run (the authors' code: optax's cosine decay on the actor, the default there);
 *                        "constant": no schedule; default "cosine"
 * @param maxSteps T of the cosine schedule; default 1,000,000 (the paper's run length). The pipeline sets it to the
 *                 run's {@code budget.gradient_steps} unless the run's hyperparameters set {@code sql.maxSteps}
 * @param rewardScale "returns_range": rewards multiplied by {@code 1000 / (max − min episode return)} of the dataset,
 *                    as the authors' code does for hopper, walker2d and halfcheetah (IQL's normalisation); "none":
 *                    raw rewards; default "returns_range"
 * @param actorWeight the weight of the weighted-regression policy extraction: "sparse", the paper's SQL weight
 *                    {@code max(0, 1 + (Q − V)/(2α))} (the implied optimal policy's density ratio of the optimal policy to the behaviour policy), or
 *                    "advantage", {@code max(0, Q − V)} as the authors' released {@code actor.py} computes it;
 *                    default "sparse", the paper's form
 * @param maxWeight the weight is clipped at this value; default 100 (the authors' {@code actor.py})
 */
public record SqlConfig(double alpha, double lr, String actorLrSchedule, long maxSteps, String rewardScale,
                        String actorWeight, double maxWeight) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static SqlConfig defaults() {
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
        b.lr = lr;
        b.actorLrSchedule = actorLrSchedule;
        b.maxSteps = maxSteps;
        b.rewardScale = rewardScale;
        b.actorWeight = actorWeight;
        b.maxWeight = maxWeight;
        return b;
    }

    /** A copy with {@link #alpha()} set to {@code alpha}. */
    public SqlConfig withAlpha(double alpha) {
        return toBuilder().alpha(alpha).build();
    }

    /** A copy with {@link #lr()} set to {@code lr}. */
    public SqlConfig withLr(double lr) {
        return toBuilder().lr(lr).build();
    }

    /** A copy with {@link #actorLrSchedule()} set to {@code actorLrSchedule}. */
    public SqlConfig withActorLrSchedule(String actorLrSchedule) {
        return toBuilder().actorLrSchedule(actorLrSchedule).build();
    }

    /** A copy with {@link #maxSteps()} set to {@code maxSteps}. */
    public SqlConfig withMaxSteps(long maxSteps) {
        return toBuilder().maxSteps(maxSteps).build();
    }

    /** A copy with {@link #rewardScale()} set to {@code rewardScale}. */
    public SqlConfig withRewardScale(String rewardScale) {
        return toBuilder().rewardScale(rewardScale).build();
    }

    /** A copy with {@link #actorWeight()} set to {@code actorWeight}. */
    public SqlConfig withActorWeight(String actorWeight) {
        return toBuilder().actorWeight(actorWeight).build();
    }

    /** A copy with {@link #maxWeight()} set to {@code maxWeight}. */
    public SqlConfig withMaxWeight(double maxWeight) {
        return toBuilder().maxWeight(maxWeight).build();
    }

    /**
     * Builds a {@link SqlConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double alpha = 2.0;
        private double lr = 3e-4;
        private String actorLrSchedule = "cosine";
        private long maxSteps = 1_000_000L;
        private String rewardScale = "returns_range";
        private String actorWeight = "sparse";
        private double maxWeight = 100.0;

        private Builder() {
        }

        /** Sets {@link SqlConfig#alpha()}. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Sets {@link SqlConfig#lr()}. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Sets {@link SqlConfig#actorLrSchedule()}. */
        public Builder actorLrSchedule(String actorLrSchedule) {
            this.actorLrSchedule = actorLrSchedule;
            return this;
        }

        /** Sets {@link SqlConfig#maxSteps()}. */
        public Builder maxSteps(long maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /** Sets {@link SqlConfig#rewardScale()}. */
        public Builder rewardScale(String rewardScale) {
            this.rewardScale = rewardScale;
            return this;
        }

        /** Sets {@link SqlConfig#actorWeight()}. */
        public Builder actorWeight(String actorWeight) {
            this.actorWeight = actorWeight;
            return this;
        }

        /** Sets {@link SqlConfig#maxWeight()}. */
        public Builder maxWeight(double maxWeight) {
            this.maxWeight = maxWeight;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public SqlConfig build() {
            return new SqlConfig(alpha, lr, actorLrSchedule, maxSteps, rewardScale, actorWeight, maxWeight);
        }
    }
}
