package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Stepping on a thread pool gives exactly what stepping one by one gives, whichever thread steps an environment. */
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

    @Test
    void aSlowSliceIsFinishedByTheOtherThreadAndEveryEnvironmentStepsOnce() {
        int n = 8;
        Map<Integer, Integer> stepsPerEnv = new ConcurrentHashMap<>();
        Map<Integer, String> steppedBy = new ConcurrentHashMap<>();
        // slice 0 (environments 0-3) starts on the calling thread; environment 0 is slow, so the pool thread, done
        // with its own slice 4-7, must take over 1-3
        try (VectorEnv vec = new VectorEnv(n, 2, i -> new Observed(Environments.create("hopper", "real", i), i,
                stepsPerEnv, steppedBy))) {
            vec.resetAll();
            vec.step(new double[n][3]);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, stepsPerEnv.get(i), "environment " + i + " is stepped exactly once per call");
        }
        String caller = steppedBy.get(0);
        long takenOver = java.util.stream.IntStream.range(1, 4).filter(i -> !steppedBy.get(i).equals(caller)).count();
        org.junit.jupiter.api.Assertions.assertTrue(takenOver >= 1,
                "while environment 0 is slow the pool thread takes environments of slice 0: " + steppedBy);
    }

    /** A real environment that records which thread stepped it; environment 0 takes 300 ms per step. */
    private record Observed(MujocoEnv env, int index, Map<Integer, Integer> stepsPerEnv, Map<Integer, String> steppedBy)
            implements Environment {
        @Override
        public Step step(double[] action) {
            if (index == 0) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stepsPerEnv.merge(index, 1, Integer::sum);
            steppedBy.put(index, Thread.currentThread().getName());
            return env.step(action);
        }

        @Override public String name() { return env.name(); }
        @Override public Task task() { return env.task(); }
        @Override public DynamicsGap gap() { return env.gap(); }
        @Override public int observationDim() { return env.observationDim(); }
        @Override public int actionDim() { return env.actionDim(); }
        @Override public double[] reset() { return env.reset(); }
        @Override public double[] resetTo(double[] observation) { return env.resetTo(observation); }
        @Override public double[] observation() { return env.observation(); }
        @Override public int elapsedSteps() { return env.elapsedSteps(); }
        @Override public void seed(long seed) { env.seed(seed); }
        @Override public void close() { env.close(); }
    }
}
