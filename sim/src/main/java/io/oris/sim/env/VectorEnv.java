package io.oris.sim.env;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * N environments stepped together on a fixed pool of threads, each thread owning a contiguous slice of
 * environments (one {@code mjData} per environment, so no two threads touch the same state). Rollout
 * workers use it to use every core of an executor.
 */
public final class VectorEnv implements AutoCloseable {
    private final List<Environment> envs;
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param count   number of environments
     * @param threads worker threads (the calling thread steps the first slice itself)
     * @param factory makes environment {@code i}
     */
    public VectorEnv(int count, int threads, IntFunction<Environment> factory) {
        if (count < 1 || threads < 1) {
            throw new IllegalArgumentException("VectorEnv needs count >= 1 and threads >= 1, got " + count + ", " + threads);
        }
        this.envs = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                envs.add(factory.apply(i));
            }
        } catch (RuntimeException e) {
            envs.forEach(Environment::close);
            throw e;
        }
        this.threads = Math.min(threads, count);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "oris-vector-env");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    public int size() {
        return envs.size();
    }

    public Environment get(int i) {
        return envs.get(i);
    }

    /** Resets every environment; returns their observations. */
    public double[][] resetAll() {
        double[][] obs = new double[envs.size()][];
        forEachSlice((from, to) -> {
            for (int i = from; i < to; i++) {
                obs[i] = envs.get(i).reset();
            }
        });
        return obs;
    }

    /** Steps environment {@code i} with {@code actions[i]} for every i, in parallel. */
    public Step[] step(double[][] actions) {
        return step(actions, false);
    }

    /**
     * Steps every environment in parallel; with {@code autoReset} an environment whose episode ended is reset
     * on its worker thread right away (the returned step keeps the final observation; the new episode's first
     * observation is {@code get(i).observation()}), so resets cost no serial time.
     */
    public Step[] step(double[][] actions, boolean autoReset) {
        if (actions.length != envs.size()) {
            throw new IllegalArgumentException("need one action per environment: " + envs.size() + ", got " + actions.length);
        }
        Step[] steps = new Step[envs.size()];
        forEachSlice((from, to) -> {
            for (int i = from; i < to; i++) {
                Environment env = envs.get(i);
                steps[i] = env.step(actions[i]);
                if (autoReset && steps[i].done()) {
                    env.reset();
                }
            }
        });
        return steps;
    }

    private interface Slice {
        void run(int from, int to);
    }

    private void forEachSlice(Slice slice) {
        int n = envs.size();
        if (pool == null) {
            slice.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            futures.add(pool.submit(() -> slice.run(from, to)));
        }
        slice.run(0, (int) ((long) n / threads));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stepping environments", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        envs.forEach(Environment::close);
    }
}
