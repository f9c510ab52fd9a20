package io.oris.model.config;

/**
 * Sparse Q-learning (SQL; Xu et al., ICLR 2023, "Offline RL with No OOD Actions: In-Sample Learning via Implicit
 * Value Regularization") with the paper's D4RL locomotion settings as the authors' code ({@code ryanxhr/IVR})
 * runs them; γ, the Polyak rate τ = 5e-3, hidden sizes 256-256, the batch of 256 and the actor's log σ clamp come
 * from {@link SacConfig}, as for IQL (the authors' code is built on IQL's and shares these values).
 *
 * @param alpha α of the sparse value regularisation (the χ²-like f-divergence's weight): larger α keeps the implied
 *              policy closer to the behaviour policy; default 2.0, the authors' value for the locomotion
 *              {@code medium} and {@code medium-replay} datasets (their run script uses 5.0 for
 *              {@code medium-expert})
 * @param lr Adam learning rate of actor, critics and value; default 3e-4 (the authors' MuJoCo config)
 * @param actorLrSchedule "cosine": the actor's learning rate decays as {@code lr·(1 + cos(π t / maxSteps))/2} over
 *                        the run (the authors' code: optax's cosine decay on the actor, the default there);
 *                        "constant": no schedule; default "cosine"
 * @param maxSteps T of the cosine schedule; default 1,000,000 (the paper's run length). The pipeline sets it to the
 *                 run's {@code budget.gradient_steps} unless the run's hyperparameters set {@code sql.maxSteps}
 * @param rewardScale "returns_range": rewards multiplied by {@code 1000 / (max − min episode return)} of the dataset,
 *                    as the authors' code does for hopper, walker2d and halfcheetah (IQL's normalisation); "none":
 *                    raw rewards; default "returns_range"
 * @param actorWeight the weight of the weighted-regression policy extraction: "sparse", the paper's SQL weight
 *                    {@code max(0, 1 + (Q − V)/(2α))} (the implied optimal policy's density ratio of the optimal policy to the behaviour policy), or
 *                    "advantage", {@code max(0, Q − V)} as the authors' released {@code actor.py} computes it;
 *                    default "sparse", the paper's form
 * @param maxWeight the weight is clipped at this value; default 100 (the authors' {@code actor.py})
 */
public record SqlConfig(double alpha, double lr, String actorLrSchedule, long maxSteps, String rewardScale,
                        String actorWeight, double maxWeight) {
    public static SqlConfig defaults() {
        return new SqlConfig(2.0, 3e-4, "cosine", 1_000_000L, "returns_range", "sparse", 100.0);
    }
}
