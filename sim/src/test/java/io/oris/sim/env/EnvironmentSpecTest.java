package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.sim.mujoco.mjModel;
import org.junit.jupiter.api.Test;

/** Dimensions, observation layout, physics constants and body masses of the project's models (docs/reference.md §1). */
class EnvironmentSpecTest {

    @Test
    void dimensionsMatchTheD4rlEnvironments() {
        int[][] expected = {{11, 3, 6, 6, 4}, {17, 6, 9, 9, 4}, {17, 6, 9, 9, 5}};
        Task[] tasks = {Task.HOPPER, Task.WALKER2D, Task.HALFCHEETAH};
        for (int i = 0; i < tasks.length; i++) {
            try (MujocoEnv env = Environments.real(tasks[i], 0)) {
                assertEquals(expected[i][0], env.observationDim());
                assertEquals(expected[i][0], env.reset().length);
                assertEquals(expected[i][1], env.actionDim());
                assertEquals(expected[i][2], env.model().nq());
                assertEquals(expected[i][3], env.model().nv());
                assertEquals(expected[i][4], tasks[i].frameSkip());
            }
        }
    }

    @Test
    void controlTimestepsAndIntegrators() {
        try (MujocoEnv hopper = Environments.real(Task.HOPPER, 0);
             MujocoEnv walker = Environments.real(Task.WALKER2D, 0);
             MujocoEnv cheetah = Environments.real(Task.HALFCHEETAH, 0)) {
            assertEquals(0.008, hopper.controlDt(), 1e-12);
            assertEquals(0.008, walker.controlDt(), 1e-12);
            assertEquals(0.05, cheetah.controlDt(), 1e-12);
            // mjINT_EULER = 0, mjINT_RK4 = 1
            assertEquals(1, hopper.model().raw().opt().integrator());
            assertEquals(1, walker.model().raw().opt().integrator());
            assertEquals(0, cheetah.model().raw().opt().integrator());
        }
    }

    @Test
    void hopperObservationLayoutStartsAtTheReferencePose() {
        try (MujocoEnv env = Environments.real(Task.HOPPER, 3)) {
            double[] obs = env.reset();
            assertEquals(1.25, obs[0], 0.0051, "rootz is obs[0]");
            for (int i = 1; i < 5; i++) {
                assertEquals(0.0, obs[i], 0.0051, "joint angle " + i);
            }
            for (int i = 5; i < 11; i++) {
                assertEquals(0.0, obs[i], 0.0051, "velocity " + i);
            }
        }
    }

    @Test
    void bodyMassesMatchTheReferenceModels() {
        assertMasses(Task.HOPPER, new double[] {3.534, 3.927, 2.714, 5.089});
        assertMasses(Task.HALFCHEETAH, new double[] {6.360, 1.535, 1.581, 1.069, 1.426, 1.179, 0.850});
    }

    private static void assertMasses(Task task, double[] expected) {
        try (MujocoEnv env = Environments.real(task, 0)) {
            mjModel m = env.model().raw();
            assertEquals(expected.length + 1, m.nbody());
            double[] actual = new double[expected.length];
            for (int b = 1; b < m.nbody(); b++) {
                actual[b - 1] = m.body_mass().get(b);
            }
            assertArrayEquals(expected, actual, 0.002, task.id() + " masses");
        }
    }

    @Test
    void velocitiesAreClippedForHopperButNotHalfCheetah() {
        try (MujocoEnv hopper = Environments.real(Task.HOPPER, 0);
             MujocoEnv cheetah = Environments.real(Task.HALFCHEETAH, 0)) {
            double[] fast = new double[11];
            fast[0] = 1.25;
            fast[5] = 10.0;
            hopper.resetTo(fast);
            hopper.data().qvel().put(0, 25.0);
            assertEquals(10.0, hopper.observation()[5]);
            double[] c = new double[17];
            cheetah.resetTo(c);
            cheetah.data().qvel().put(0, 25.0);
            assertEquals(25.0, cheetah.observation()[8]);
        }
    }

    @Test
    void namesCarryTaskAndGap() {
        try (MujocoEnv env = Environments.create("hopper", "gravity=2.0", 0)) {
            assertEquals("hopper[gravity=2.0]", env.name());
            assertFalse(env.gap().isReal());
        }
        assertTrue(DynamicsGap.parse("real").isReal());
    }
}
