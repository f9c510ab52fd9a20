package io.oris.model.nn;

/**
 * Counts the floating-point work of the matrix products that {@link MlpPass} runs on the current thread (2·m·k·n per
 * product of an [m, k] by a [k, n] matrix, at the shapes actually multiplied: the folded bias rows and constant
 * columns included). Every learner's networks go through {@link MlpPass}, so the difference of two readings around
 * some updates is their matrix work: {@code oris bench learners} divides it by the time to report GFLOP/s and the
 * fraction of the core's matmul peak. Element-wise work (activations, masks, losses) is not counted. Counting is
 * per thread, so concurrent learners never mix their figures, and it never changes a result.
 */
public final class FlopMeter {
    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private FlopMeter() {
    }

    /** Floating-point operations counted on this thread so far. */
    public static long count() {
        return COUNT.get()[0];
    }

    /** Records one product of an [m, k] by a [k, n] matrix. */
    static void product(long m, long k, long n) {
        COUNT.get()[0] += 2 * m * k * n;
    }
}
