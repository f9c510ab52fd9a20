package io.oris.pipeline.rollout;

import io.oris.sim.env.Environment;
import io.oris.sim.env.Step;

/**
 * Collects simulated transitions for a hybrid learner: steps one simulator with a rollout policy, starting
 * each rollout from {@link StartStates}, cutting it at the horizon (not terminal) or when the task ends it
 * (terminal), and carrying an unfinished rollout over to the next call so that budgets split into epochs
 * behave like one continuous stream.
 */
public final class SimCollector {
    private final Environment env;
    private final StartStates starts;
    private double[] observation;
    private int rolloutSteps;
    private double rolloutReturn;
    private long rollouts;
    private double lastRolloutReturn = Double.NaN;

    public SimCollector(Environment env, StartStates starts) {
        this.env = env;
        this.starts = starts;
    }

    /** Steps the simulator {@code steps} times with {@code policy}, sending every transition to {@code sink}. */
    public void collect(int steps, ActionPolicy policy, TransitionSink sink) {
        for (int i = 0; i < steps; i++) {
            if (observation == null) {
                observation = starts.start(env);
                rolloutSteps = 0;
                rolloutReturn = 0;
            }
            double[] action = policy.act(observation, false);
            Step step = env.step(action);
            sink.add(observation, step.action(), step.reward(), step.observation(), step.terminated());
            rolloutSteps++;
            rolloutReturn += step.reward();
            observation = step.observation();
            if (step.done() || rolloutSteps >= starts.horizon()) {
                observation = null;
                rollouts++;
                lastRolloutReturn = rolloutReturn;
            }
        }
    }

    /**
     * One whole rollout: starts a new one (ending any unfinished rollout), then steps until the horizon or the task
     * ends it. Returns the number of steps taken.
     */
    public int collectRollout(ActionPolicy policy, TransitionSink sink) {
        endRollout();
        long before = rollouts;
        int steps = 0;
        while (rollouts == before) {
            collect(1, policy, sink);
            steps++;
        }
        return steps;
    }

    /** Forces the next {@link #collect} to begin a new rollout (e.g. after the rollout policy changed). */
    public void endRollout() {
        if (observation != null) {
            observation = null;
            rollouts++;
            lastRolloutReturn = rolloutReturn;
        }
    }

    /** Rollouts finished so far. */
    public long rollouts() {
        return rollouts;
    }

    /** Undiscounted return of the last finished rollout (NaN before the first). */
    public double lastRolloutReturn() {
        return lastRolloutReturn;
    }
}
