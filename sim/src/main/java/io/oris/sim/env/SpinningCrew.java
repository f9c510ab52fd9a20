package io.oris.sim.env;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed crew of threads that runs one job per call on every member, the calling thread included, and hands each
 * call over by spinning for a short while before parking. {@link VectorEnv} steps its environments through it: a
 * vector step is a millisecond or two of work per thread, and waking a parked thread through the kernel costs tens of
 * microseconds on each side of every step (more on a virtual machine, where an idle vCPU halts), which an executor
 * service pays twice per step. A member that finds no new call within {@link #SPIN_NANOS} parks, so an idle crew
 * costs no CPU.
 */
final class SpinningCrew implements AutoCloseable {
    /**
     * How long a member spins for the next call, and the caller for the members to finish, before parking: 0.2 ms,
     * about a tenth of one vector step on 32 locomotion environments, so the spin covers the caller's time between
     * steps (drawing actions) and the usual imbalance between members, and an idle crew parks within 0.2 ms.
     */
    static final long SPIN_NANOS = 200_000;

    private final Thread[] members;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile IntConsumer job;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;

    /**
     * @param size the crew's size, the calling thread included ({@code size - 1} threads are started)
     * @param name the threads' name
     */
    SpinningCrew(int size, String name) {
        if (size < 2) {
            throw new IllegalArgumentException("a crew needs at least 2 members, got " + size);
        }
        members = new Thread[size - 1];
        for (int m = 0; m < members.length; m++) {
            int index = m + 1;
            Thread t = new Thread(() -> serve(index), name + "-" + index);
            t.setDaemon(true);
            members[m] = t;
            t.start();
        }
    }

    /**
     * Runs {@code work.accept(m)} once for every member m in [0, size), member 0 on the calling thread, and returns
     * when all are done; the first exception any member threw is rethrown here. One call at a time.
     */
    void runOnAll(IntConsumer work) {
        if (closed) {
            throw new IllegalStateException("the crew is closed");
        }
        failure.set(null);
        job = work;
        caller = Thread.currentThread();
        pending.set(members.length);
        generation++; // the volatile write that publishes job, caller and pending to the members
        for (Thread t : members) {
            LockSupport.unpark(t);
        }
        try {
            work.accept(0);
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() != 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(int index) {
        long seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (generation == seen && !closed) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                job.accept(index);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : members) {
            LockSupport.unpark(t);
        }
    }
}
