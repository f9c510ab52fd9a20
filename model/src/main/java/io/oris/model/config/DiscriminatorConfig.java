package io.oris.model.config;

import java.util.List;

/**
 * H2O's dynamics discriminators D_sa and D_sas (also used by DARC and ORIS-h2o_reweight); defaults from docs/reference.md §4.
 *
 * @param hidden hidden sizes; default 256-256 (docs/reference.md §4)
 * @param lr Adam learning rate of both; default 3e-4 (docs/reference.md §4)
 * @param inputNoise std of the Gaussian noise added to (s, a, s') when training; default 0.1 (docs/reference.md §4)
 * @param realBatch real (offline) rows per discriminator step; default 256 (docs/reference.md §4)
 * @param simBatch simulated rows per discriminator step; default 256 (docs/reference.md §4)
 * @param outputScale logits are outputScale·tanh(·); default 2 (docs/reference.md §4)
 * @param dsaLearnsFromSasLoss D_sa also receives the gradient of D_sas's loss through p_sas = softmax(D_sas + D_sa);
 *                             default true, as H2O's code accumulates both losses into D_sa before its step
 */
public record DiscriminatorConfig(List<Integer> hidden, double lr, double inputNoise, int realBatch, int simBatch,
                                  double outputScale, boolean dsaLearnsFromSasLoss) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static DiscriminatorConfig defaults() {
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
        b.lr = lr;
        b.inputNoise = inputNoise;
        b.realBatch = realBatch;
        b.simBatch = simBatch;
        b.outputScale = outputScale;
        b.dsaLearnsFromSasLoss = dsaLearnsFromSasLoss;
        return b;
    }

    /** A copy with {@link #hidden()} set to {@code hidden}. */
    public DiscriminatorConfig withHidden(List<Integer> hidden) {
        return toBuilder().hidden(hidden).build();
    }

    /** A copy with {@link #lr()} set to {@code lr}. */
    public DiscriminatorConfig withLr(double lr) {
        return toBuilder().lr(lr).build();
    }

    /** A copy with {@link #inputNoise()} set to {@code inputNoise}. */
    public DiscriminatorConfig withInputNoise(double inputNoise) {
        return toBuilder().inputNoise(inputNoise).build();
    }

    /** A copy with {@link #realBatch()} set to {@code realBatch}. */
    public DiscriminatorConfig withRealBatch(int realBatch) {
        return toBuilder().realBatch(realBatch).build();
    }

    /** A copy with {@link #simBatch()} set to {@code simBatch}. */
    public DiscriminatorConfig withSimBatch(int simBatch) {
        return toBuilder().simBatch(simBatch).build();
    }

    /** A copy with {@link #outputScale()} set to {@code outputScale}. */
    public DiscriminatorConfig withOutputScale(double outputScale) {
        return toBuilder().outputScale(outputScale).build();
    }

    /** A copy with {@link #dsaLearnsFromSasLoss()} set to {@code dsaLearnsFromSasLoss}. */
    public DiscriminatorConfig withDsaLearnsFromSasLoss(boolean dsaLearnsFromSasLoss) {
        return toBuilder().dsaLearnsFromSasLoss(dsaLearnsFromSasLoss).build();
    }

    /**
     * Builds a {@link DiscriminatorConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private List<Integer> hidden = List.of(256, 256);
        private double lr = 3e-4;
        private double inputNoise = 0.1;
        private int realBatch = 256;
        private int simBatch = 256;
        private double outputScale = 2.0;
        private boolean dsaLearnsFromSasLoss = true;

        private Builder() {
        }

        /** Sets {@link DiscriminatorConfig#hidden()}. */
        public Builder hidden(List<Integer> hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Sets {@link DiscriminatorConfig#lr()}. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Sets {@link DiscriminatorConfig#inputNoise()}. */
        public Builder inputNoise(double inputNoise) {
            this.inputNoise = inputNoise;
            return this;
        }

        /** Sets {@link DiscriminatorConfig#realBatch()}. */
        public Builder realBatch(int realBatch) {
            this.realBatch = realBatch;
            return this;
        }

        /** Sets {@link DiscriminatorConfig#simBatch()}. */
        public Builder simBatch(int simBatch) {
            this.simBatch = simBatch;
            return this;
        }

        /** Sets {@link DiscriminatorConfig#outputScale()}. */
        public Builder outputScale(double outputScale) {
            this.outputScale = outputScale;
            return this;
        }

        /** Sets {@link DiscriminatorConfig#dsaLearnsFromSasLoss()}. */
        public Builder dsaLearnsFromSasLoss(boolean dsaLearnsFromSasLoss) {
            this.dsaLearnsFromSasLoss = dsaLearnsFromSasLoss;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public DiscriminatorConfig build() {
            return new DiscriminatorConfig(hidden, lr, inputNoise, realBatch, simBatch, outputScale,
                    dsaLearnsFromSasLoss);
        }
    }
}
