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
    public static IqlConfig defaults() {
        return new IqlConfig(0.7, 3.0, 100.0, 3e-4, "cosine", 1_000_000L, "returns_range");
    }
}
