package io.oris.model.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies between whole (non-view) ND4J arrays and host {@code double[]} buffers. The learners keep the small per-sample
 * work (heads, losses, weights) on the host in double precision and the matrix work in ND4J; this is the seam.
 */
public final class HostIO {
    private HostIO() {
    }

    /** Copies the first {@code n} elements of {@code src} (a whole array, not a view) into {@code dst}. */
    public static void read(INDArray src, double[] dst, int n) {
        if (src.dataType() == DataType.DOUBLE) {
            double[] d = src.data().asDouble();
            System.arraycopy(d, 0, dst, 0, n);
        } else {
            float[] f = src.data().asFloat();
            for (int i = 0; i < n; i++) {
                dst[i] = f[i];
            }
        }
    }

    /** Overwrites the whole array {@code dst} (not a view) with {@code src[0..length)}. */
    public static void write(double[] src, INDArray dst) {
        int n = (int) dst.length();
        if (dst.dataType() == DataType.DOUBLE) {
            if (src.length == n) {
                dst.data().setData(src);
            } else {
                double[] d = new double[n];
                System.arraycopy(src, 0, d, 0, n);
                dst.data().setData(d);
            }
        } else {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) src[i];
            }
            dst.data().setData(f);
        }
    }

    /** Reads a whole array as a new double[]. */
    public static double[] toHost(INDArray src) {
        double[] d = new double[(int) src.length()];
        read(src, d, d.length);
        return d;
    }
}
