package io.oris.sim.env;

/**
 * A simulated control task with gym-v2 semantics: reset to the initial-state distribution, step with an
 * action, rebuild the state from an observation. Learners and rollout workers see only this interface.
 * Instances are not thread-safe; use one per thread (see {@link VectorEnv}).
 */
public interface Environment extends AutoCloseable {
    /** Task and dynamics gap, e.g. {@code hopper[gravity=2.0]}. */
    String name();

    Task task();

    DynamicsGap gap();

    int observationDim();

    int actionDim();

    /** Samples an initial state from ρ0 (reset noise around the reference pose) and returns its observation. */
    double[] reset();

    /**
     * Rebuilds the simulator state from an observation (root x = 0) and returns the observation of that
     * state: ORIS restarts the simulator from generated states through this. For observations inside the
     * observation space the result equals the input exactly.
     */
    double[] resetTo(double[] observation);

    /** Applies the action for one control step (frame skip physics steps). */
    Step step(double[] action);

    /** The observation of the current state. */
    double[] observation();

    /** Control steps since the last reset. */
    int elapsedSteps();

    /** Re-seeds the environment's random streams (reset noise and action noise). */
    void seed(long seed);

    @Override
    void close();
}
