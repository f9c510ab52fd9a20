package io.oris.model.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between whole (non-view) ND4J arrays and host {@code double[]} buffers. The learners keep the small per-sample
 * work (heads, losses, weights) on the host in double precision and the matrix work in ND4J; this is the seam.
 */
public final class HostIO {
    /** On the CPU backend the buffers are host memory: bulk NIO copies instead of per-element puts. */
    private static final boolean CPU = Nd4j.getEnvironment().isCPU();

    private HostIO() {
    }

    /** Overwrites the whole array {@code dst} (not a view) with {@code src} (same length). */
    public static void write(float[] src, INDArray dst) {
        if (CPU) {
            java.nio.FloatBuffer b = dst.data().asNioFloat();
            b.position(0);
            b.put(src, 0, (int) dst.length());
        } else {
            dst.data().setData(src);
        }
    }

    /** Overwrites the whole array {@code dst} (not a view) with {@code src} (same length). */
    public static void write(double[] src, INDArray dst, boolean unused) {
        java.nio.DoubleBuffer b = dst.data().asNioDouble();
        b.position(0);
        b.put(src, 0, (int) dst.length());
    }

    /** Copies the first {@code n} elements of {@code src} (a whole array, not a view) into {@code dst}. */
    public static void read(INDArray src, double[] dst, int n) {
        if (src.dataType() == DataType.DOUBLE) {
            if (CPU) {
                java.nio.DoubleBuffer b = src.data().asNioDouble();
                b.position(0);
                b.get(dst, 0, n);
            } else {
                System.arraycopy(src.data().asDouble(), 0, dst, 0, n);
            }
        } else {
            if (CPU) {
                java.nio.FloatBuffer b = src.data().asNioFloat();   // no float[] in between: nothing allocated
                for (int i = 0; i < n; i++) {
                    dst[i] = b.get(i);
                }
            } else {
                float[] f = src.data().asFloat();
                for (int i = 0; i < n; i++) {
                    dst[i] = f[i];
                }
            }
        }
    }

    /**
     * Overwrites the whole array {@code dst} (not a view) with {@code src[0..length)}. Into a float32 array, values
     * whose float is subnormal (|x| below {@link Float#MIN_NORMAL}, 1.2e-38) are written as 0 (flush to zero, what
     * {@code torch.set_flush_denormal(True)} and the GPUs do): x86 cores take a slow microcode path for every product
     * with a subnormal operand, and a trained CQL critic's log-sum-exp gradients (softmax weights of actions far
     * below the best, e^-100 and smaller) are full of them. Measured on a CQL learner restored at step 6,000 of a
     * pick-place run: 2.2 updates/s with the subnormals against 6.7-8.4 for a fresh one (same batch, same machine);
     * flushed, the restored one ran as fast as the fresh one. Float64 arrays keep every value.
     */
    public static void write(double[] src, INDArray dst) {
        int n = (int) dst.length();
        if (dst.dataType() == DataType.DOUBLE) {
            if (CPU) {
                write(src, dst, true);
            } else if (src.length == n) {
                dst.data().setData(src);
            } else {
                dst.data().setData(java.util.Arrays.copyOf(src, n));
            }
        } else if (CPU) {
            java.nio.FloatBuffer b = dst.data().asNioFloat();   // straight into the array: nothing allocated
            for (int i = 0; i < n; i++) {
                b.put(i, flushed(src[i]));
            }
        } else {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = flushed(src[i]);
            }
            write(f, dst);
        }
    }

    /** {@code x} as a float, 0 where that float would be subnormal. */
    private static float flushed(double x) {
        float v = (float) x;
        return Math.abs(v) < Float.MIN_NORMAL ? 0f : v;
    }

    /** Reads a whole array as a new double[]. */
    public static double[] toHost(INDArray src) {
        double[] d = new double[(int) src.length()];
        read(src, d, d.length);
        return d;
    }
}
