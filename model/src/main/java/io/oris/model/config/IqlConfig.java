package io.oris.model.config;

/**
 * Implicit Q-learning (Kostrikov et al. 2021) with the paper's locomotion settings as CORL's {@code iql.py}
 * implements them; γ, the Polyak rate τ = 5e-3, hidden sizes 256-256, the batch of 256 and the log σ clamp
 * [−20, 2] come from {@link SacConfig}.
 *
 * @param expectile τ of the expectile value loss; default 0.7 (IQL paper, locomotion)
 * @param beta inverse temperature of advantage-weighted regression; default 3.0 (IQL paper, locomotion)
 * @param maxWeight exp(β·A) is clipped at this value; default 100 (IQL paper; CORL's EXP_ADV_MAX)
 * @param lr Adam learning rate of actor, critics and value; default 3e-4 (IQL paper)
 * @param actorLrSchedule "cosine": the actor's learning rate is annealed as {@code lr·(1 + cos(π t / maxSteps))/2}
 *                        over the run (PyTorch's CosineAnnealingLR, as the IQL paper and CORL do); "constant": no
 *                        schedule; default "cosine"
 * @param maxSteps T of the cosine schedule: the run's total gradient steps; default 1,000,000 (the IQL paper's and
 *                 CORL's run length). The pipeline sets it to the run's {@code budget.gradient_steps} unless the
 *                 run's hyperparameters set {@code iql.maxSteps} themselves
 * @param rewardScale "returns_range": rewards are multiplied by {@code 1000 / (max − min episode return)} of the
 *                    offline dataset (episodes end at a terminal or a time limit), the IQL paper's locomotion
 *                    normalisation (CORL's {@code normalize_reward}); "none": raw rewards; default
 *                    "returns_range", since this project's IQL runs are on locomotion
 */
public record IqlConfig(double expectile, double beta, double maxWeight, double lr, String actorLrSchedule,
                        long maxSteps, String rewardScale) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static IqlConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.expectile = expectile;
        b.beta = beta;
        b.maxWeight = maxWeight;
        b.lr = lr;
        b.actorLrSchedule = actorLrSchedule;
        b.maxSteps = maxSteps;
        b.rewardScale = rewardScale;
        return b;
    }

    /** A copy with {@link #expectile()} set to {@code expectile}. */
    public IqlConfig withExpectile(double expectile) {
        return toBuilder().expectile(expectile).build();
    }

    /** A copy with {@link #beta()} set to {@code beta}. */
    public IqlConfig withBeta(double beta) {
        return toBuilder().beta(beta).build();
    }

    /** A copy with {@link #maxWeight()} set to {@code maxWeight}. */
    public IqlConfig withMaxWeight(double maxWeight) {
        return toBuilder().maxWeight(maxWeight).build();
    }

    /** A copy with {@link #lr()} set to {@code lr}. */
    public IqlConfig withLr(double lr) {
        return toBuilder().lr(lr).build();
    }

    /** A copy with {@link #actorLrSchedule()} set to {@code actorLrSchedule}. */
    public IqlConfig withActorLrSchedule(String actorLrSchedule) {
        return toBuilder().actorLrSchedule(actorLrSchedule).build();
    }

    /** A copy with {@link #maxSteps()} set to {@code maxSteps}. */
    public IqlConfig withMaxSteps(long maxSteps) {
        return toBuilder().maxSteps(maxSteps).build();
    }

    /** A copy with {@link #rewardScale()} set to {@code rewardScale}. */
    public IqlConfig withRewardScale(String rewardScale) {
        return toBuilder().rewardScale(rewardScale).build();
    }

    /**
     * Builds a {@link IqlConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private double expectile = 0.7;
        private double beta = 3.0;
        private double maxWeight = 100.0;
        private double lr = 3e-4;
        private String actorLrSchedule = "cosine";
        private long maxSteps = 1_000_000L;
        private String rewardScale = "returns_range";

        private Builder() {
        }

        /** Sets {@link IqlConfig#expectile()}. */
        public Builder expectile(double expectile) {
            this.expectile = expectile;
            return this;
        }

        /** Sets {@link IqlConfig#beta()}. */
        public Builder beta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Sets {@link IqlConfig#maxWeight()}. */
        public Builder maxWeight(double maxWeight) {
            this.maxWeight = maxWeight;
            return this;
        }

        /** Sets {@link IqlConfig#lr()}. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Sets {@link IqlConfig#actorLrSchedule()}. */
        public Builder actorLrSchedule(String actorLrSchedule) {
            this.actorLrSchedule = actorLrSchedule;
            return this;
        }

        /** Sets {@link IqlConfig#maxSteps()}. */
        public Builder maxSteps(long maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /** Sets {@link IqlConfig#rewardScale()}. */
        public Builder rewardScale(String rewardScale) {
            this.rewardScale = rewardScale;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public IqlConfig build() {
            return new IqlConfig(expectile, beta, maxWeight, lr, actorLrSchedule, maxSteps, rewardScale);
        }
    }
}
