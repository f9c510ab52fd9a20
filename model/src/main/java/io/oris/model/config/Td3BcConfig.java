package io.oris.model.config;

/**
 * TD3+BC (Fujimoto and Gu 2021).
 *
 * @param alpha λ = alpha / mean|Q(s, π(s))|; default 2.5 (TD3+BC paper)
 * @param policyNoise target policy smoothing noise std; default 0.2 (TD3+BC paper)
 * @param noiseClip its clip; default 0.5 (TD3+BC paper)
 * @param policyDelay actor and target updates every this many critic updates; default 2 (TD3+BC paper)
 * @param lr Adam learning rate of actor and critics; default 3e-4 (TD3+BC paper)
 */
public record Td3BcConfig(double alpha, double policyNoise, double noiseClip, int policyDelay, double lr) {
    public static Td3BcConfig defaults() {
        return new Td3BcConfig(2.5, 0.2, 0.5, 2, 3e-4);
    }
}
