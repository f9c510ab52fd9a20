package io.oris.sim.env;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * N environments stepped together on a fixed pool of threads. Each thread starts on its own contiguous slice of
 * environments (one {@code mjData} per environment, so a thread keeps touching the same states) and, when its slice
 * is done, takes the not yet started environments of the other slices one at a time: a step waits for the slowest
 * single environment rather than the slowest slice, which matters where episodes end and reset at different times
 * (hopper, walker2d). Each environment is stepped by exactly one thread per call and owns its random stream, so the
 * results do not depend on which thread stepped it. The threads are a {@link SpinningCrew}: a step hands over to
 * them and back without waking a parked thread through the kernel.
 */
public final class VectorEnv implements AutoCloseable {
    private final List<Environment> envs;
    private final int threads;
    private final SpinningCrew crew;
    /** Per slice: the first environment, one past its last, and (per call) the next environment not yet taken. */
    private final int[] sliceStart;
    private final int[] sliceEnd;
    private final AtomicIntegerArray next;

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
        this.crew = this.threads > 1 ? new SpinningCrew(this.threads, "oris-vector-env") : null;
        this.sliceStart = new int[this.threads];
        this.sliceEnd = new int[this.threads];
        for (int t = 0; t < this.threads; t++) {
            sliceStart[t] = (int) ((long) count * t / this.threads);
            sliceEnd[t] = (int) ((long) count * (t + 1) / this.threads);
        }
        this.next = new AtomicIntegerArray(this.threads);
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
        forEachEnv(i -> obs[i] = envs.get(i).reset());
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
        forEachEnv(i -> {
            Environment env = envs.get(i);
            steps[i] = env.step(actions[i]);
            if (autoReset && steps[i].done()) {
                env.reset();
            }
        });
        return steps;
    }

    /** Runs {@code work} once for every environment index, on the calling thread and the crew. */
    private void forEachEnv(IntConsumer work) {
        if (crew == null) {
            for (int i = 0; i < envs.size(); i++) {
                work.accept(i);
            }
            return;
        }
        for (int t = 0; t < threads; t++) {
            next.set(t, sliceStart[t]);
        }
        crew.runOnAll(own -> drainFrom(own, work));
    }

    /** Takes environments from slice {@code own} first, then from the other slices in turn, until none is left. */
    private void drainFrom(int own, IntConsumer work) {
        for (int k = 0; k < threads; k++) {
            int slice = (own + k) % threads;
            for (int i = next.getAndIncrement(slice); i < sliceEnd[slice]; i = next.getAndIncrement(slice)) {
                work.accept(i);
            }
        }
    }

    @Override
    public void close() {
        if (crew != null) {
            crew.close();
        }
        envs.forEach(Environment::close);
    }
}
