package io.oris.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.combo.TerminationFn;
import io.oris.sim.env.PickPlaceReward;
import io.oris.sim.env.Task;
import org.junit.jupiter.api.Test;

/** The termination rules COMBO's model rollouts get, on hand-made next observations (gym v2's healthy checks). */
class TaskTerminationTest {
    private static boolean ends(Task task, double[] next) {
        return TaskTermination.of(task).terminated(new double[next.length], new double[task.actionDim()], next);
    }

    private static double[] obs(int dim, double height, double angle) {
        double[] o = new double[dim];
        o[0] = height;
        o[1] = angle;
        return o;
    }

    @Test
    void hopperEndsWhenFallenTiltedOrDiverged() {
        assertFalse(ends(Task.HOPPER, obs(11, 1.25, 0.0)));
        assertFalse(ends(Task.HOPPER, obs(11, 0.71, -0.19)));
        assertTrue(ends(Task.HOPPER, obs(11, 0.7, 0.0)), "height must be above 0.7");
        assertTrue(ends(Task.HOPPER, obs(11, 1.25, 0.2)), "|angle| must be below 0.2");
        assertTrue(ends(Task.HOPPER, obs(11, 1.25, -0.21)));
        double[] fast = obs(11, 1.25, 0.0);
        fast[7] = 100.0;
        assertTrue(ends(Task.HOPPER, fast), "|state[2:]| must stay below 100");
        double[] nan = obs(11, 1.25, 0.0);
        nan[10] = Double.NaN;
        assertTrue(ends(Task.HOPPER, nan), "a non-finite state ends the episode");
    }

    @Test
    void walker2dEndsOutsideItsHeightAndAngleRange() {
        assertFalse(ends(Task.WALKER2D, obs(17, 1.25, 0.0)));
        assertFalse(ends(Task.WALKER2D, obs(17, 1.99, 0.99)));
        assertTrue(ends(Task.WALKER2D, obs(17, 0.8, 0.0)), "height must be above 0.8");
        assertTrue(ends(Task.WALKER2D, obs(17, 2.0, 0.0)), "and below 2.0");
        assertTrue(ends(Task.WALKER2D, obs(17, 1.25, -1.0)), "angle must be in (-1, 1)");
        double[] fast = obs(17, 1.25, 0.0);
        fast[12] = 500.0;
        assertFalse(ends(Task.WALKER2D, fast), "gym v2's walker2d checks height and angle only");
    }

    @Test
    void halfcheetahNeverEndsAndPickPlaceEndsAtPlace() {
        assertTrue(TaskTermination.of(Task.HALFCHEETAH) == TerminationFn.NEVER);
        assertFalse(ends(Task.HALFCHEETAH, obs(17, -5.0, 3.0)));
        double[] g = PickPlaceReward.GOAL;
        double[] placed = {0.0, 0.6, 0.2, 0.5, g[0] + 0.03, g[1], g[2]};
        double[] near = {0.0, 0.6, 0.2, 0.5, g[0] + 0.06, g[1], g[2]};
        double[] onTable = {0.0, 0.6, 0.2, 0.5, 0.0, 0.6, 0.02};
        assertTrue(ends(Task.PICK_PLACE, placed), "block within 0.05 of the goal: Place");
        assertFalse(ends(Task.PICK_PLACE, near));
        assertFalse(ends(Task.PICK_PLACE, onTable));
    }
}
