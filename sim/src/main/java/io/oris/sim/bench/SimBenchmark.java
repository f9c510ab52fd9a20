package io.oris.sim.bench;

import io.oris.sim.env.Environment;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Task;
import io.oris.sim.env.VectorEnv;
import io.oris.sim.env.DynamicsGap;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measures environment steps per second: one Java environment on one thread, a {@link VectorEnv} on one thread and
 * on all cores (the same environments per thread, so their ratio is the thread scaling alone, apart from the cache
 * cost of stepping many environments in turn), and the same loop in C ({@link CStepLoop}) against the same
 * libmujoco, so the cost of the Java layer shows as the Java/C ratio.
 */
public final class SimBenchmark {

    /** Figures for one task. */
    public record Result(String task, double javaStepsPerSecond, double cStepsPerSecond, double vectorStepsPerSecond,
                         int vectorThreads, int vectorEnvs, double vectorOneThreadStepsPerSecond) {
        /** Java/C env-step ratio on one thread (goal ≥ 0.95). */
        public double ratio() {
            return javaStepsPerSecond / cStepsPerSecond;
        }

        /** Vector throughput over one Java thread stepping one environment. */
        public double vectorSpeedup() {
            return vectorStepsPerSecond / javaStepsPerSecond;
        }

        /** Vector throughput on all threads over the same vector on one thread (the thread scaling; goal ≥ 1.8 on 2). */
        public double threadScaling() {
            return vectorStepsPerSecond / vectorOneThreadStepsPerSecond;
        }
    }

    private final double seconds;
    private final int threads;
    private final int envsPerThread;
    private final Consumer<String> progress;

    /**
     * @param seconds       measuring time per figure (after an equal warm-up for the Java figures)
     * @param threads       threads for the vector figure
     * @param envsPerThread environments per thread in the vector
     * @param progress      receives one line per figure as it is measured
     */
    public SimBenchmark(double seconds, int threads, int envsPerThread, Consumer<String> progress) {
        this.seconds = seconds;
        this.threads = threads;
        this.envsPerThread = envsPerThread;
        this.progress = progress;
    }

    public List<Result> run(List<Task> tasks, CStepLoop cLoop) {
        List<Result> results = new ArrayList<>();
        for (Task task : tasks) {
            double java = javaSingle(task);
            progress.accept(String.format("%-12s java 1 thread  %,12.0f steps/s", task.id(), java));
            double c = cLoop.stepsPerSecond(task, seconds);
            progress.accept(String.format("%-12s C    1 thread  %,12.0f steps/s", task.id(), c));
            double one = javaVector(task, envsPerThread, 1);
            progress.accept(String.format("%-12s java 1 thread  %,12.0f steps/s (%d envs)", task.id(), one, envsPerThread));
            int envs = threads * envsPerThread;
            double vector = javaVector(task, envs, threads);
            progress.accept(String.format("%-12s java %d threads %,12.0f steps/s (%d envs)", task.id(), threads, vector, envs));
            results.add(new Result(task.id(), java, c, vector, threads, envs, one));
        }
        return results;
    }

    private double javaSingle(Task task) {
        try (MujocoEnv env = Environments.create(task, DynamicsGap.REAL, 1)) {
            SplittableRandom rng = new SplittableRandom(7);
            double[] action = new double[env.actionDim()];
            loop(env, rng, action, seconds); // warm-up (JIT)
            return loop(env, rng, action, seconds);
        }
    }

    private static double loop(Environment env, SplittableRandom rng, double[] action, double seconds) {
        env.reset();
        long steps = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        double checksum = 0;
        while (true) {
            for (int i = 0; i < action.length; i++) {
                action[i] = rng.nextDouble(-1, 1);
            }
            var step = env.step(action);
            checksum += step.reward() + step.observation()[0];
            if (step.done()) {
                env.reset();
            }
            steps++;
            if ((steps & 255) == 0 && System.nanoTime() >= deadline) {
                break;
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("non-finite rollout in the benchmark");
        }
        return steps / ((System.nanoTime() - start) / 1e9);
    }

    private double javaVector(Task task, int envs, int threads) {
        try (VectorEnv vec = new VectorEnv(envs, threads, i -> Environments.create(task, DynamicsGap.REAL, 1 + i))) {
            SplittableRandom rng = new SplittableRandom(9);
            double[][] actions = new double[envs][task.actionDim()];
            vectorLoop(vec, rng, actions, seconds);
            return vectorLoop(vec, rng, actions, seconds);
        }
    }

    private static double vectorLoop(VectorEnv vec, SplittableRandom rng, double[][] actions, double seconds) {
        vec.resetAll();
        long steps = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (double[] a : actions) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = rng.nextDouble(-1, 1);
                }
            }
            vec.step(actions, true);
            steps += actions.length;
        }
        return steps / ((System.nanoTime() - start) / 1e9);
    }
}
