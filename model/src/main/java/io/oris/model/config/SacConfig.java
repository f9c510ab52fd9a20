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
 */
public record SacConfig(List<Integer> hidden, double actorLr, double criticLr, double alphaLr, double gamma, double tau,
                        boolean autoAlpha, double initialAlpha, Double targetEntropy, double logStdMin,
                        double logStdMax, double logStdMultiplier, double logStdOffset, double lastLayerGain, int offlineBatch, int simulatedBatch,
                        int singleSourceBatch, String dataType, boolean backupEntropy) {
    public static SacConfig defaults() {
        return new SacConfig(List.of(256, 256), 3e-4, 3e-4, 3e-4, 0.99, 5e-3, true, 1.0, null, -20, 2, 1.0, -1.0, 1e-2, 128, 128,
                256, "float", false);
    }
}
