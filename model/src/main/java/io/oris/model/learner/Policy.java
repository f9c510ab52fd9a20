package io.oris.model.learner;

import java.util.random.RandomGenerator;

/**
 * What rollout code needs from a trained actor: an action in [−1, 1]^A for one observation. Implementations are
 * plain Java (no ND4J call), so they are cheap at batch size 1 and safe to use from one thread per environment.
 */
public interface Policy {
    /**
     * @param obs one observation
     * @param deterministic the mode action (tanh of the mean) instead of a sample
     * @param rng the caller's random source for stochastic actions
     */
    float[] act(float[] obs, boolean deterministic, RandomGenerator rng);

    int obsDim();

    int actDim();
}
