package io.oris.pipeline.rollout;

import io.oris.sim.env.Environment;

/**
 * Where simulator rollouts start: the task's own initial-state distribution ρ0 (SAC, H2O, DARC), or states
 * drawn from somewhere else and set with {@link Environment#resetTo} (ORIS restarts from G(z) + N(0, σI)).
 */
public interface StartStates {
    /** Puts {@code env} into a start state and returns its observation. */
    double[] start(Environment env);

    /** The horizon of one rollout in control steps (the task's time limit for ρ0 starts; H for restarts). */
    int horizon();

    /** ρ0: {@code env.reset()}, rollouts as long as the task's episodes. */
    static StartStates initialDistribution(int maxEpisodeSteps) {
        return new StartStates() {
            @Override
            public double[] start(Environment env) {
                return env.reset();
            }

            @Override
            public int horizon() {
                return maxEpisodeSteps;
            }
        };
    }
}
