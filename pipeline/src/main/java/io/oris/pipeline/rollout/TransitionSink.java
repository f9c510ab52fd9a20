package io.oris.pipeline.rollout;

/** Receives simulated transitions (e.g. the learner's simulated replay ring). */
@FunctionalInterface
public interface TransitionSink {
    /**
     * @param terminal true when the episode ended by the task's rules (bootstrapping stops); a time-limit or
     *                 horizon cut is not terminal
     */
    void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminal);
}
