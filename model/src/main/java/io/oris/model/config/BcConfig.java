package io.oris.model.config;

/**
 * Behaviour cloning with a deterministic tanh actor and a mean-squared-error loss (the CORL BC baseline).
 *
 * @param lr Adam learning rate; default 3e-4 (CORL)
 */
public record BcConfig(double lr) {
    public static BcConfig defaults() {
        return new BcConfig(3e-4);
    }
}
