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
    public static DiscriminatorConfig defaults() {
        return new DiscriminatorConfig(List.of(256, 256), 3e-4, 0.1, 256, 256, 2.0, true);
    }
}
