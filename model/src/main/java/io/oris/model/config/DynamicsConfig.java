package io.oris.model.config;

import java.util.List;

/**
 * The learned dynamics model of COMBO: an ensemble of probabilistic networks, each predicting a diagonal Gaussian
 * over (s' − s, r) from (s, a), as COMBO takes it from MOPO and MBPO (Janner et al. 2019); inputs standardised by
 * the dataset's mean and std. Trained by Gaussian negative log-likelihood with learned soft bounds on log σ²,
 * a held-out split, and early stopping; the {@code elites} members with the lowest held-out error are used for
 * rollouts.
 *
 * @param ensembleSize members; default 7 (MOPO/MBPO, which COMBO follows)
 * @param elites members used for rollouts; default 5 (MOPO/MBPO)
 * @param hidden hidden layer sizes of each member; default 200-200-200-200 (MOPO/MBPO). The members are ReLU MLPs
 *               (the project's one MLP), where MBPO uses swish
 * @param lr Adam learning rate; default 1e-3 (MBPO/MOPO)
 * @param batch rows per member per step; default 256 (MBPO)
 * @param weightDecay L2 coefficient per layer (one value per layer, first to last; MBPO's 2.5e-5 … 1e-4), applied
 *                    as {@code Σ_l λ_l ||W_l||²/2} to the weights (not biases); default MBPO's five values, which fit
 *                    the default four hidden layers; a list of another length is an error
 * @param logVarBoundWeight weight of {@code Σ maxLogVar − Σ minLogVar}, which keeps the learned bounds tight;
 *                          default 0.01 (MBPO)
 * @param holdoutFraction fraction of the data held out for validation and elite selection, at most
 *                        {@code maxHoldout} rows; default 0.2 with at most 1000 rows (MBPO)
 * @param maxHoldout see {@code holdoutFraction}; default 1000
 * @param patience training stops after this many epochs without a 1 % improvement of any member's held-out MSE;
 *                 default 5 (MBPO's {@code max_epochs_since_update})
 * @param maxEpochs hard limit on epochs over the training split; default 200, so that a run on 2 cores ends even
 *                  where early stopping does not trigger
 */
public record DynamicsConfig(int ensembleSize, int elites, List<Integer> hidden, double lr, int batch,
                             List<Double> weightDecay, double logVarBoundWeight, double holdoutFraction,
                             int maxHoldout, int patience, int maxEpochs) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static DynamicsConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ensembleSize = ensembleSize;
        b.elites = elites;
        b.hidden = hidden;
        b.lr = lr;
        b.batch = batch;
        b.weightDecay = weightDecay;
        b.logVarBoundWeight = logVarBoundWeight;
        b.holdoutFraction = holdoutFraction;
        b.maxHoldout = maxHoldout;
        b.patience = patience;
        b.maxEpochs = maxEpochs;
        return b;
    }

    /** A copy with {@link #ensembleSize()} set to {@code ensembleSize}. */
    public DynamicsConfig withEnsembleSize(int ensembleSize) {
        return toBuilder().ensembleSize(ensembleSize).build();
    }

    /** A copy with {@link #elites()} set to {@code elites}. */
    public DynamicsConfig withElites(int elites) {
        return toBuilder().elites(elites).build();
    }

    /** A copy with {@link #hidden()} set to {@code hidden}. */
    public DynamicsConfig withHidden(List<Integer> hidden) {
        return toBuilder().hidden(hidden).build();
    }

    /** A copy with {@link #lr()} set to {@code lr}. */
    public DynamicsConfig withLr(double lr) {
        return toBuilder().lr(lr).build();
    }

    /** A copy with {@link #batch()} set to {@code batch}. */
    public DynamicsConfig withBatch(int batch) {
        return toBuilder().batch(batch).build();
    }

    /** A copy with {@link #weightDecay()} set to {@code weightDecay}. */
    public DynamicsConfig withWeightDecay(List<Double> weightDecay) {
        return toBuilder().weightDecay(weightDecay).build();
    }

    /** A copy with {@link #logVarBoundWeight()} set to {@code logVarBoundWeight}. */
    public DynamicsConfig withLogVarBoundWeight(double logVarBoundWeight) {
        return toBuilder().logVarBoundWeight(logVarBoundWeight).build();
    }

    /** A copy with {@link #holdoutFraction()} set to {@code holdoutFraction}. */
    public DynamicsConfig withHoldoutFraction(double holdoutFraction) {
        return toBuilder().holdoutFraction(holdoutFraction).build();
    }

    /** A copy with {@link #maxHoldout()} set to {@code maxHoldout}. */
    public DynamicsConfig withMaxHoldout(int maxHoldout) {
        return toBuilder().maxHoldout(maxHoldout).build();
    }

    /** A copy with {@link #patience()} set to {@code patience}. */
    public DynamicsConfig withPatience(int patience) {
        return toBuilder().patience(patience).build();
    }

    /** A copy with {@link #maxEpochs()} set to {@code maxEpochs}. */
    public DynamicsConfig withMaxEpochs(int maxEpochs) {
        return toBuilder().maxEpochs(maxEpochs).build();
    }

    /**
     * Builds a {@link DynamicsConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private int ensembleSize = 7;
        private int elites = 5;
        private List<Integer> hidden = List.of(200, 200, 200, 200);
        private double lr = 1e-3;
        private int batch = 256;
        private List<Double> weightDecay = List.of(2.5e-5, 5e-5, 7.5e-5, 7.5e-5, 1e-4);
        private double logVarBoundWeight = 0.01;
        private double holdoutFraction = 0.2;
        private int maxHoldout = 1000;
        private int patience = 5;
        private int maxEpochs = 200;

        private Builder() {
        }

        /** Sets {@link DynamicsConfig#ensembleSize()}. */
        public Builder ensembleSize(int ensembleSize) {
            this.ensembleSize = ensembleSize;
            return this;
        }

        /** Sets {@link DynamicsConfig#elites()}. */
        public Builder elites(int elites) {
            this.elites = elites;
            return this;
        }

        /** Sets {@link DynamicsConfig#hidden()}. */
        public Builder hidden(List<Integer> hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Sets {@link DynamicsConfig#lr()}. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Sets {@link DynamicsConfig#batch()}. */
        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        /** Sets {@link DynamicsConfig#weightDecay()}. */
        public Builder weightDecay(List<Double> weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Sets {@link DynamicsConfig#logVarBoundWeight()}. */
        public Builder logVarBoundWeight(double logVarBoundWeight) {
            this.logVarBoundWeight = logVarBoundWeight;
            return this;
        }

        /** Sets {@link DynamicsConfig#holdoutFraction()}. */
        public Builder holdoutFraction(double holdoutFraction) {
            this.holdoutFraction = holdoutFraction;
            return this;
        }

        /** Sets {@link DynamicsConfig#maxHoldout()}. */
        public Builder maxHoldout(int maxHoldout) {
            this.maxHoldout = maxHoldout;
            return this;
        }

        /** Sets {@link DynamicsConfig#patience()}. */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** Sets {@link DynamicsConfig#maxEpochs()}. */
        public Builder maxEpochs(int maxEpochs) {
            this.maxEpochs = maxEpochs;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public DynamicsConfig build() {
            return new DynamicsConfig(ensembleSize, elites, hidden, lr, batch, weightDecay, logVarBoundWeight,
                    holdoutFraction, maxHoldout, patience, maxEpochs);
        }
    }
}
