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
    public static GanConfig defaults() {
        return new GanConfig(List.of(256, 256), List.of(256, 256), 0, 20000, 256, 2e-4, 0.5, true, 100);
    }
}
