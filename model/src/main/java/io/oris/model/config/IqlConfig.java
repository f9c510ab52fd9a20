package io.oris.model.config;

/**
 * Implicit Q-learning (Kostrikov et al. 2021).
 *
 * @param expectile τ of the expectile value loss; default 0.7 (IQL paper, locomotion)
 * @param beta inverse temperature of advantage-weighted regression; default 3.0 (IQL paper, locomotion)
 * @param maxWeight exp(β·A) is clipped at this value; default 100 (IQL paper)
 * @param lr Adam learning rate of actor, critics and value; default 3e-4 (IQL paper)
 */
public record IqlConfig(double expectile, double beta, double maxWeight, double lr) {
    public static IqlConfig defaults() {
        return new IqlConfig(0.7, 3.0, 100.0, 3e-4);
    }
}
