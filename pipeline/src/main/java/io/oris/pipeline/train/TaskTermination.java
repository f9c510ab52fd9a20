package io.oris.pipeline.train;

import io.oris.model.combo.TerminationFn;
import io.oris.sim.env.HopperEnv;
import io.oris.sim.env.PickPlaceSuccess;
import io.oris.sim.env.Task;
import io.oris.sim.env.Walker2dEnv;

/**
 * The termination rule of a task on model transitions, for COMBO's rollouts (the model module knows no environment):
 * the environments' own facts applied to the next observation. Hopper and walker2d end when the next state is not
 * healthy as gym v2 defines it ({@link HopperEnv#healthyObservation}, {@link Walker2dEnv#healthyObservation});
 * halfcheetah never terminates; pick-place ends at Place, the block within 0.05 of the goal
 * ({@link PickPlaceSuccess}).
 */
public final class TaskTermination {
    private TaskTermination() {
    }

    /** The rule of {@code task}. */
    public static TerminationFn of(Task task) {
        return switch (task) {
            case HOPPER -> (obs, act, next) -> !HopperEnv.healthyObservation(next);
            case WALKER2D -> (obs, act, next) -> !Walker2dEnv.healthyObservation(next);
            case HALFCHEETAH -> TerminationFn.NEVER;
            case PICK_PLACE -> (obs, act, next) -> PickPlaceSuccess.of(next).place();
        };
    }
}
