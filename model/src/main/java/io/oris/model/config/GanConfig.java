package io.oris.model.config;

import java.util.List;

/**
 * The ORIS state GAN (Eq. 3-5). Sizes and training length are the project's choice (docs/reference.md §5).
 *
 * @param generatorHidden generator hidden sizes; default 256-256 (docs/reference.md §5)
 * @param discriminatorHidden discriminator hidden sizes; default 256-256 (docs/reference.md §5)
 * @param noiseDim dimension of z ~ N(0, I); default 0 meaning the state dimension (docs/reference.md §5)
 * @param steps pre-training iterations (one D and one G step each); default 20000, inside the 10k-50k range of docs/reference.md §5
 * @param batch real and generated rows per step; default 256, the learners' batch size
 * @param lr Adam learning rate of both networks; default 2e-4 (the DCGAN setting, standard for GANs)
 * @param beta1 Adam β1 of both; default 0.5 (the DCGAN setting; 0.9 makes GAN training oscillate more)
 * @param nonSaturating generator minimises −log D(G(z)) instead of Eq. 4's literal log(1 − D(G(z))); default true:
 *                      Goodfellow et al.'s practical form with the same fixed point; the literal form saturates and,
 *                      in the project's 2-D mixture check (10k steps), left the mean 0.58 off versus 0.18
 * @param curveEvery record a training-curve point every this many steps; default 100
 */
public record GanConfig(List<Integer> generatorHidden, List<Integer> discriminatorHidden, int noiseDim, int steps,
                        int batch, double lr, double beta1, boolean nonSaturating, int curveEvery) {
    /** Every field at its default (the values the record's Javadoc gives). */
    public static GanConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.generatorHidden = generatorHidden;
        b.discriminatorHidden = discriminatorHidden;
        b.noiseDim = noiseDim;
        b.steps = steps;
        b.batch = batch;
        b.lr = lr;
        b.beta1 = beta1;
        b.nonSaturating = nonSaturating;
        b.curveEvery = curveEvery;
        return b;
    }

    /** A copy with {@link #generatorHidden()} set to {@code generatorHidden}. */
    public GanConfig withGeneratorHidden(List<Integer> generatorHidden) {
        return toBuilder().generatorHidden(generatorHidden).build();
    }

    /** A copy with {@link #discriminatorHidden()} set to {@code discriminatorHidden}. */
    public GanConfig withDiscriminatorHidden(List<Integer> discriminatorHidden) {
        return toBuilder().discriminatorHidden(discriminatorHidden).build();
    }

    /** A copy with {@link #noiseDim()} set to {@code noiseDim}. */
    public GanConfig withNoiseDim(int noiseDim) {
        return toBuilder().noiseDim(noiseDim).build();
    }

    /** A copy with {@link #steps()} set to {@code steps}. */
    public GanConfig withSteps(int steps) {
        return toBuilder().steps(steps).build();
    }

    /** A copy with {@link #batch()} set to {@code batch}. */
    public GanConfig withBatch(int batch) {
        return toBuilder().batch(batch).build();
    }

    /** A copy with {@link #lr()} set to {@code lr}. */
    public GanConfig withLr(double lr) {
        return toBuilder().lr(lr).build();
    }

    /** A copy with {@link #beta1()} set to {@code beta1}. */
    public GanConfig withBeta1(double beta1) {
        return toBuilder().beta1(beta1).build();
    }

    /** A copy with {@link #nonSaturating()} set to {@code nonSaturating}. */
    public GanConfig withNonSaturating(boolean nonSaturating) {
        return toBuilder().nonSaturating(nonSaturating).build();
    }

    /** A copy with {@link #curveEvery()} set to {@code curveEvery}. */
    public GanConfig withCurveEvery(int curveEvery) {
        return toBuilder().curveEvery(curveEvery).build();
    }

    /**
     * Builds a {@link GanConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private List<Integer> generatorHidden = List.of(256, 256);
        private List<Integer> discriminatorHidden = List.of(256, 256);
        private int noiseDim = 0;
        private int steps = 20000;
        private int batch = 256;
        private double lr = 2e-4;
        private double beta1 = 0.5;
        private boolean nonSaturating = true;
        private int curveEvery = 100;

        private Builder() {
        }

        /** Sets {@link GanConfig#generatorHidden()}. */
        public Builder generatorHidden(List<Integer> generatorHidden) {
            this.generatorHidden = generatorHidden;
            return this;
        }

        /** Sets {@link GanConfig#discriminatorHidden()}. */
        public Builder discriminatorHidden(List<Integer> discriminatorHidden) {
            this.discriminatorHidden = discriminatorHidden;
            return this;
        }

        /** Sets {@link GanConfig#noiseDim()}. */
        public Builder noiseDim(int noiseDim) {
            this.noiseDim = noiseDim;
            return this;
        }

        /** Sets {@link GanConfig#steps()}. */
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Sets {@link GanConfig#batch()}. */
        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        /** Sets {@link GanConfig#lr()}. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** Sets {@link GanConfig#beta1()}. */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Sets {@link GanConfig#nonSaturating()}. */
        public Builder nonSaturating(boolean nonSaturating) {
            this.nonSaturating = nonSaturating;
            return this;
        }

        /** Sets {@link GanConfig#curveEvery()}. */
        public Builder curveEvery(int curveEvery) {
            this.curveEvery = curveEvery;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public GanConfig build() {
            return new GanConfig(generatorHidden, discriminatorHidden, noiseDim, steps, batch, lr, beta1, nonSaturating,
                    curveEvery);
        }
    }
}
