package io.oris.model.config;

/**
 * COMBO (Yu et al., NeurIPS 2021, "COMBO: Conservative Offline Model-Based Policy Optimization") on the SAC core
 * ({@link SacConfig}): model rollouts of length h from dataset states, a learning batch that mixes real and model
 * rows with ratio f, and a CQL-style conservative term that pushes Q down on model states and up on dataset
 * (s, a). The push-down estimator is CQL(H)'s log-sum-exp over sampled actions, read from {@link CqlConfig}
 * ({@code cql.sampledActions}, {@code cql.temperature}, {@code cql.importanceSampling}): one place for that
 * estimator. The learned dynamics model is configured by {@link DynamicsConfig}.
 *
 * <p>The paper tunes β and h per D4RL locomotion dataset (β ∈ {0.5, 5}, h ∈ {1, 5}; f = 0.5 everywhere): β = 5 for
 * hopper-medium, walker2d-medium and all medium-expert sets, 0.5 for halfcheetah-medium and the medium-replay sets;
 * h = 5 for hopper and halfcheetah, 1 for walker2d. The defaults take the most frequent value; a job overrides them
 * per dataset.
 *
 * @param beta β, the conservative term's weight; default 5.0 (the paper's most frequent locomotion value, also
 *             OfflineRL-Kit's default {@code cql-weight})
 * @param rolloutHorizon h, steps of each model rollout; default 5 (hopper and halfcheetah in the paper)
 * @param realRatio f, the fraction of each learning batch drawn from the dataset (the rest from model rollouts);
 *                  default 0.5 (the paper, every D4RL dataset)
 * @param rolloutBatch dataset states each rollout round starts from; default 50,000 (MOPO's and COMBO's
 *                     {@code rollout_batch_size})
 * @param rolloutEvery gradient steps between rollout rounds (a round also runs before the first update); default
 *                     1000 (MOPO/COMBO code: one round per epoch of 1000 steps)
 * @param retainRounds the model replay keeps the transitions of this many rounds (capacity
 *                     {@code retainRounds · rolloutBatch · h}); default 5 (MOPO's {@code model_retain_epochs})
 * @param pushDownStates where the push-down term's states come from: "model" (the model rows of the batch, the
 *                       paper's ρ(s, a) = d(s) from model rollouts times π(a|s)) or "mix" (all rows, as
 *                       OfflineRL-Kit's {@code rho_s = mix}); default "model", the paper's form
 */
public record ComboConfig(double beta, int rolloutHorizon, double realRatio, int rolloutBatch, int rolloutEvery,
                          int retainRounds, String pushDownStates) {
    public static ComboConfig defaults() {
        return new ComboConfig(5.0, 5, 0.5, 50_000, 1000, 5, "model");
    }
}
