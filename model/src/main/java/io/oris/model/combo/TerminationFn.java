package io.oris.model.combo;

/**
 * The task's termination rule as COMBO's model rollouts need it (MBPO / MOPO's "termination functions"): whether the
 * model transition {@code (obs, act) → nextObs} ends the episode, judged on the observations alone. The model module
 * knows no environment, so the pipeline passes the rule of the run's task (its healthy checks or success condition);
 * a rollout row stops at its first terminal transition, which is stored with done = 1.
 */
@FunctionalInterface
public interface TerminationFn {
    /** A task whose episodes end only by the time limit (halfcheetah): no model transition terminates. */
    TerminationFn NEVER = (obs, act, nextObs) -> false;

    /** True when the transition from {@code obs} with {@code act} to {@code nextObs} ends the episode. */
    boolean terminated(double[] obs, double[] act, double[] nextObs);
}
