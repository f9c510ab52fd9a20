package io.oris.model.config;

/**
 * TD3+BC (Fujimoto and Gu 2021), with the paper's (and CORL's {@code td3_bc.py}) settings; γ, Polyak rate τ = 5e-3,
 * hidden sizes 256-256 and the batch of 256 come from {@link SacConfig}.
 *
 * @param alpha λ = alpha / mean|Q(s, π(s))|; default 2.5 (TD3+BC paper)
 * @param policyNoise target policy smoothing noise std; default 0.2 (TD3+BC paper)
 * @param noiseClip its clip; default 0.5 (TD3+BC paper)
 * @param policyDelay actor and target updates every this many critic updates; default 2 (TD3+BC paper)
 * @param lr Adam learning rate of actor and critics; default 3e-4 (TD3+BC paper)
 * @param normalizeStates standardise states and next states with the offline dataset's per-dimension mean and
 *                        std + 1e-3, in training and in the policy handed out (which therefore takes raw
 *                        observations); default true: the paper makes it one of its two changes to TD3 (the other
 *                        is the BC term) and its reported results use it; CORL's {@code normalize} defaults to
 *                        true too
 */
public record Td3BcConfig(double alpha, double policyNoise, double noiseClip, int policyDelay, double lr,
                          boolean normalizeStates) {
    public static Td3BcConfig defaults() {
        return new Td3BcConfig(2.5, 0.2, 0.5, 2, 3e-4, true);
    }
}
