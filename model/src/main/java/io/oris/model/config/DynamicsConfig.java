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
    public static DynamicsConfig defaults() {
        return new DynamicsConfig(7, 5, List.of(200, 200, 200, 200), 1e-3, 256,
                List.of(2.5e-5, 5e-5, 7.5e-5, 7.5e-5, 1e-4), 0.01, 0.2, 1000, 5, 200);
    }
}
