package io.oris.model.config;

import java.util.List;

/**
 * Hyperparameters of the SAC core shared by SAC, CQL, H2O, DARC and ORIS. Defaults are those of H2O's implementation
 * (docs/reference.md §4) unless said otherwise.
 *
 * @param hidden hidden layer sizes of actor and critics; default 256-256, as H2O and ORIS use
 * @param actorLr actor Adam learning rate; default 3e-4 (docs/reference.md §4)
 * @param criticLr critics' Adam learning rate; default 3e-4 (docs/reference.md §4)
 * @param alphaLr log α Adam learning rate; default 3e-4 (docs/reference.md §4)
 * @param gamma discount; default 0.99 (docs/reference.md §4)
 * @param tau Polyak rate of the target critics, applied every step; default 5e-3 (docs/reference.md §4)
 * @param autoAlpha automatic entropy tuning; default true (docs/reference.md §4)
 * @param initialAlpha α before tuning; default 1.0 (log α starts at 0, as in H2O's SAC)
 * @param targetEntropy entropy target; default null meaning −|A| (docs/reference.md §4)
 * @param logStdMin lower clamp of log σ; default −20 (docs/reference.md §4)
 * @param logStdMax upper clamp of log σ; default 2 (docs/reference.md §4)
 * @param logStdMultiplier initial value of the actor's trainable log-std multiplier m in log σ = m·ℓ + o; default
 *                         1.0, as the H2O authors' TanhGaussianPolicy initialises it
 * @param logStdOffset initial value of the trainable log-std offset o; default −1.0 (H2O's code), so the untrained
 *                     policy starts with σ ≈ e⁻¹ rather than 1 and its early rollouts are less erratic
 * @param lastLayerGain Xavier gain of the last layers; default 1e-2 (docs/reference.md §4: last layers initialised small)
 * @param offlineBatch offline rows per update for hybrid methods; default 128 (docs/reference.md §4: 128 + 128)
 * @param simulatedBatch simulated rows per update for hybrid methods; default 128 (docs/reference.md §4: 128 + 128)
 * @param singleSourceBatch rows per update for single-source methods (SAC sim, CQL, IQL, TD3+BC, BC, DARC); default
 *                          256, the same total batch as the hybrids
 * @param dataType ND4J data type, "float" or "double"; default float (double is for the gradient tests)
 * @param backupEntropy subtract α·log π(a'|s') inside the target, as Haarnoja et al.'s soft Bellman backup does;
 *                      default false, as H2O's implementation runs every SAC-based learner (docs/reference.md §4).
 *                      SAC trained online in the real hopper learns much slower without it (README, "Learning
 *                      checks"); the learning check of SAC names it explicitly
 * @param logStdAffine whether the log-std multiplier m and offset o are trained (H2O's TanhGaussianPolicy; default
 *                     true). False gives the SAC paper's head, log σ = ℓ clamped, with m and o fixed at their initial
 *                     values ({@code logStdMultiplier = 1}, {@code logStdOffset = 0} make it exactly that); the SAC
 *                     learning check and the independent PyTorch SAC's standard head use it
 */
public record SacConfig(List<Integer> hidden, double actorLr, double criticLr, double alphaLr, double gamma, double tau,
                        boolean autoAlpha, double initialAlpha, Double targetEntropy, double logStdMin,
                        double logStdMax, double logStdMultiplier, double logStdOffset, double lastLayerGain, int offlineBatch, int simulatedBatch,
                        int singleSourceBatch, String dataType, boolean backupEntropy, boolean logStdAffine) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static SacConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hidden = hidden;
        b.actorLr = actorLr;
        b.criticLr = criticLr;
        b.alphaLr = alphaLr;
        b.gamma = gamma;
        b.tau = tau;
        b.autoAlpha = autoAlpha;
        b.initialAlpha = initialAlpha;
        b.targetEntropy = targetEntropy;
        b.logStdMin = logStdMin;
        b.logStdMax = logStdMax;
        b.logStdMultiplier = logStdMultiplier;
        b.logStdOffset = logStdOffset;
        b.lastLayerGain = lastLayerGain;
        b.offlineBatch = offlineBatch;
        b.simulatedBatch = simulatedBatch;
        b.singleSourceBatch = singleSourceBatch;
        b.dataType = dataType;
        b.backupEntropy = backupEntropy;
        b.logStdAffine = logStdAffine;
        return b;
    }

    /** A copy with {@link #hidden()} set to {@code hidden}. */
    public SacConfig withHidden(List<Integer> hidden) {
        return toBuilder().hidden(hidden).build();
    }

    /** A copy with {@link #actorLr()} set to {@code actorLr}. */
    public SacConfig withActorLr(double actorLr) {
        return toBuilder().actorLr(actorLr).build();
    }

    /** A copy with {@link #criticLr()} set to {@code criticLr}. */
    public SacConfig withCriticLr(double criticLr) {
        return toBuilder().criticLr(criticLr).build();
    }

    /** A copy with {@link #alphaLr()} set to {@code alphaLr}. */
    public SacConfig withAlphaLr(double alphaLr) {
        return toBuilder().alphaLr(alphaLr).build();
    }

    /** A copy with {@link #gamma()} set to {@code gamma}. */
    public SacConfig withGamma(double gamma) {
        return toBuilder().gamma(gamma).build();
    }

    /** A copy with {@link #tau()} set to {@code tau}. */
    public SacConfig withTau(double tau) {
        return toBuilder().tau(tau).build();
    }

    /** A copy with {@link #autoAlpha()} set to {@code autoAlpha}. */
    public SacConfig withAutoAlpha(boolean autoAlpha) {
        return toBuilder().autoAlpha(autoAlpha).build();
    }

    /** A copy with {@link #initialAlpha()} set to {@code initialAlpha}. */
    public SacConfig withInitialAlpha(double initialAlpha) {
        return toBuilder().initialAlpha(initialAlpha).build();
    }

    /** A copy with {@link #targetEntropy()} set to {@code targetEntropy}. */
    public SacConfig withTargetEntropy(Double targetEntropy) {
        return toBuilder().targetEntropy(targetEntropy).build();
    }

    /** A copy with {@link #logStdMin()} set to {@code logStdMin}. */
    public SacConfig withLogStdMin(double logStdMin) {
        return toBuilder().logStdMin(logStdMin).build();
    }

    /** A copy with {@link #logStdMax()} set to {@code logStdMax}. */
    public SacConfig withLogStdMax(double logStdMax) {
        return toBuilder().logStdMax(logStdMax).build();
    }

    /** A copy with {@link #logStdMultiplier()} set to {@code logStdMultiplier}. */
    public SacConfig withLogStdMultiplier(double logStdMultiplier) {
        return toBuilder().logStdMultiplier(logStdMultiplier).build();
    }

    /** A copy with {@link #logStdOffset()} set to {@code logStdOffset}. */
    public SacConfig withLogStdOffset(double logStdOffset) {
        return toBuilder().logStdOffset(logStdOffset).build();
    }

    /** A copy with {@link #lastLayerGain()} set to {@code lastLayerGain}. */
    public SacConfig withLastLayerGain(double lastLayerGain) {
        return toBuilder().lastLayerGain(lastLayerGain).build();
    }

    /** A copy with {@link #offlineBatch()} set to {@code offlineBatch}. */
    public SacConfig withOfflineBatch(int offlineBatch) {
        return toBuilder().offlineBatch(offlineBatch).build();
    }

    /** A copy with {@link #simulatedBatch()} set to {@code simulatedBatch}. */
    public SacConfig withSimulatedBatch(int simulatedBatch) {
        return toBuilder().simulatedBatch(simulatedBatch).build();
    }

    /** A copy with {@link #singleSourceBatch()} set to {@code singleSourceBatch}. */
    public SacConfig withSingleSourceBatch(int singleSourceBatch) {
        return toBuilder().singleSourceBatch(singleSourceBatch).build();
    }

    /** A copy with {@link #dataType()} set to {@code dataType}. */
    public SacConfig withDataType(String dataType) {
        return toBuilder().dataType(dataType).build();
    }

    /** A copy with {@link #backupEntropy()} set to {@code backupEntropy}. */
    public SacConfig withBackupEntropy(boolean backupEntropy) {
        return toBuilder().backupEntropy(backupEntropy).build();
    }

    /** A copy with {@link #logStdAffine()} set to {@code logStdAffine}. */
    public SacConfig withLogStdAffine(boolean logStdAffine) {
        return toBuilder().logStdAffine(logStdAffine).build();
    }

    /**
     * Builds a {@link SacConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private List<Integer> hidden = List.of(256, 256);
        private double actorLr = 3e-4;
        private double criticLr = 3e-4;
        private double alphaLr = 3e-4;
        private double gamma = 0.99;
        private double tau = 5e-3;
        private boolean autoAlpha = true;
        private double initialAlpha = 1.0;
        private Double targetEntropy = null;
        private double logStdMin = -20;
        private double logStdMax = 2;
        private double logStdMultiplier = 1.0;
        private double logStdOffset = -1.0;
        private double lastLayerGain = 1e-2;
        private int offlineBatch = 128;
        private int simulatedBatch = 128;
        private int singleSourceBatch = 256;
        private String dataType = "float";
        private boolean backupEntropy = false;
        private boolean logStdAffine = true;

        private Builder() {
        }

        /** Sets {@link SacConfig#hidden()}. */
        public Builder hidden(List<Integer> hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Sets {@link SacConfig#actorLr()}. */
        public Builder actorLr(double actorLr) {
            this.actorLr = actorLr;
            return this;
        }

        /** Sets {@link SacConfig#criticLr()}. */
        public Builder criticLr(double criticLr) {
            this.criticLr = criticLr;
            return this;
        }

        /** Sets {@link SacConfig#alphaLr()}. */
        public Builder alphaLr(double alphaLr) {
            this.alphaLr = alphaLr;
            return this;
        }

        /** Sets {@link SacConfig#gamma()}. */
        public Builder gamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        /** Sets {@link SacConfig#tau()}. */
        public Builder tau(double tau) {
            this.tau = tau;
            return this;
        }

        /** Sets {@link SacConfig#autoAlpha()}. */
        public Builder autoAlpha(boolean autoAlpha) {
            this.autoAlpha = autoAlpha;
            return this;
        }

        /** Sets {@link SacConfig#initialAlpha()}. */
        public Builder initialAlpha(double initialAlpha) {
            this.initialAlpha = initialAlpha;
            return this;
        }

        /** Sets {@link SacConfig#targetEntropy()}. */
        public Builder targetEntropy(Double targetEntropy) {
            this.targetEntropy = targetEntropy;
            return this;
        }

        /** Sets {@link SacConfig#logStdMin()}. */
        public Builder logStdMin(double logStdMin) {
            this.logStdMin = logStdMin;
            return this;
        }

        /** Sets {@link SacConfig#logStdMax()}. */
        public Builder logStdMax(double logStdMax) {
            this.logStdMax = logStdMax;
            return this;
        }

        /** Sets {@link SacConfig#logStdMultiplier()}. */
        public Builder logStdMultiplier(double logStdMultiplier) {
            this.logStdMultiplier = logStdMultiplier;
            return this;
        }

        /** Sets {@link SacConfig#logStdOffset()}. */
        public Builder logStdOffset(double logStdOffset) {
            this.logStdOffset = logStdOffset;
            return this;
        }

        /** Sets {@link SacConfig#lastLayerGain()}. */
        public Builder lastLayerGain(double lastLayerGain) {
            this.lastLayerGain = lastLayerGain;
            return this;
        }

        /** Sets {@link SacConfig#offlineBatch()}. */
        public Builder offlineBatch(int offlineBatch) {
            this.offlineBatch = offlineBatch;
            return this;
        }

        /** Sets {@link SacConfig#simulatedBatch()}. */
        public Builder simulatedBatch(int simulatedBatch) {
            this.simulatedBatch = simulatedBatch;
            return this;
        }

        /** Sets {@link SacConfig#singleSourceBatch()}. */
        public Builder singleSourceBatch(int singleSourceBatch) {
            this.singleSourceBatch = singleSourceBatch;
            return this;
        }

        /** Sets {@link SacConfig#dataType()}. */
        public Builder dataType(String dataType) {
            this.dataType = dataType;
            return this;
        }

        /** Sets {@link SacConfig#backupEntropy()}. */
        public Builder backupEntropy(boolean backupEntropy) {
            this.backupEntropy = backupEntropy;
            return this;
        }

        /** Sets {@link SacConfig#logStdAffine()}. */
        public Builder logStdAffine(boolean logStdAffine) {
            this.logStdAffine = logStdAffine;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public SacConfig build() {
            return new SacConfig(hidden, actorLr, criticLr, alphaLr, gamma, tau, autoAlpha, initialAlpha, targetEntropy,
                    logStdMin, logStdMax, logStdMultiplier, logStdOffset, lastLayerGain, offlineBatch, simulatedBatch,
                    singleSourceBatch, dataType, backupEntropy, logStdAffine);
        }
    }
}
