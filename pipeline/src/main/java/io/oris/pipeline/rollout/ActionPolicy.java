package io.oris.pipeline.rollout;

/**
 * Chooses actions from observations: a trained policy (stochastic while collecting, deterministic when
 * evaluating) or a behaviour policy such as uniform random. One instance per thread.
 */
public interface ActionPolicy {
    /** The action for {@code observation}; the deterministic form is tanh of the Gaussian mean for SAC-style actors. */
    double[] act(double[] observation, boolean deterministic);
}
