package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stepping on a thread pool gives exactly what stepping one by one gives. */
class VectorEnvTest {

    @Test
    void parallelSteppingMatchesSequentialStepping() {
        int n = 6;
        SplittableRandom rng = new SplittableRandom(3);
        double[][][] actions = new double[25][n][3];
        for (double[][] step : actions) {
            for (double[] a : step) {
                for (int k = 0; k < 3; k++) {
                    a[k] = rng.nextDouble(-1, 1);
                }
            }
        }
        double[][] parallel;
        try (VectorEnv vec = new VectorEnv(n, 3, i -> Environments.create("hopper", "gravity=2.0", 100 + i))) {
            assertEquals(n, vec.size());
            vec.resetAll();
            Step[] last = null;
            for (double[][] step : actions) {
                last = vec.step(step);
            }
            parallel = new double[n][];
            for (int i = 0; i < n; i++) {
                parallel[i] = last[i].observation();
            }
        }
        for (int i = 0; i < n; i++) {
            try (MujocoEnv env = Environments.create("hopper", "gravity=2.0", 100 + i)) {
                env.reset();
                Step s = null;
                for (double[][] step : actions) {
                    s = env.step(step[i]);
                }
                assertArrayEquals(s.observation(), parallel[i], 0.0, "env " + i);
            }
        }
    }

    @Test
    void autoResetStartsANewEpisodeOnTheWorker() {
        try (VectorEnv vec = new VectorEnv(4, 2, i -> Environments.create("hopper", "real", i))) {
            vec.resetAll();
            double[][] actions = new double[4][3];
            for (double[] a : actions) {
                a[0] = 1.0;
                a[1] = -1.0;
            }
            boolean sawDone = false;
            for (int t = 0; t < 300 && !sawDone; t++) {
                Step[] steps = vec.step(actions, true);
                for (int i = 0; i < steps.length; i++) {
                    if (steps[i].done()) {
                        sawDone = true;
                        assertEquals(0, vec.get(i).elapsedSteps(), "reset right after the episode ended");
                    }
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(sawDone, "a hopper driven with full torque falls within 300 steps");
        }
    }
}
