package io.oris.model.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code C = α·op(A)·op(B) + β·C} for the learners' matrix products: on the CPU backend one direct call of the
 * {@code cblas_sgemm}/{@code cblas_dgemm} of the OpenBLAS that nd4j-native itself links, on the arrays' host buffers;
 * elsewhere {@link Nd4j#gemm}.
 *
 * <p>Why: a product through {@code Nd4j.gemm} goes through ND4J's custom-op dispatch (op object, shape checks, a
 * native context per call), tens of microseconds each. A SAC update makes about 60 products of 256 rows, so that
 * overhead was a fifth of the update's time. The direct call passes exactly what libnd4j's {@code MmulHelper::mmulMxM}
 * passes for row-major arrays (row-major order, the same transposes and leading dimensions), so the bits are the
 * same as through ND4J; {@code GemmTest} checks that for every product shape {@link MlpPass} uses. Layouts that
 * libnd4j handles on another path (a dimension of 1, a non-unit column stride, mixed types) go through
 * {@code Nd4j.gemm} unchanged.
 */
public final class Gemm {
    private static final boolean CPU = Nd4j.getEnvironment().isCPU();

    private Gemm() {
    }

    /**
     * {@code c = alpha · op(a) · op(b) + beta · c}, where op transposes when asked; same contract as
     * {@link Nd4j#gemm(INDArray, INDArray, INDArray, boolean, boolean, double, double)}.
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha,
                            double beta) {
        if (!direct(a, b, c)) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return;
        }
        int m = (int) (transA ? a.size(1) : a.size(0));
        int k = (int) (transA ? a.size(0) : a.size(1));
        int n = (int) (transB ? b.size(0) : b.size(1));
        if ((transB ? b.size(1) : b.size(0)) != k || c.size(0) != m || c.size(1) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: op(a) " + m + "x" + k + ", op(b) "
                    + (transB ? b.size(1) : b.size(0)) + "x" + n + ", c " + c.size(0) + "x" + c.size(1));
        }
        if (m == 1 || n == 1 || k == 1) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);   // libnd4j treats unit dimensions as contiguous either way
            return;
        }
        int order = openblas_nolapack.CblasRowMajor;
        int ta = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int lda = (int) a.stride(0);
        int ldb = (int) b.stride(0);
        int ldc = (int) c.stride(0);
        if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(order, ta, tb, m, n, k, (float) alpha, floats(a), lda, floats(b), ldb,
                    (float) beta, floats(c), ldc);
        } else {
            openblas_nolapack.cblas_dgemm(order, ta, tb, m, n, k, alpha, doubles(a), lda, doubles(b), ldb, beta,
                    doubles(c), ldc);
        }
    }

    /** Row-major host arrays of one float type, rows contiguous (column stride 1): the layouts called directly. */
    private static boolean direct(INDArray a, INDArray b, INDArray c) {
        if (!CPU || a.rank() != 2 || b.rank() != 2 || c.rank() != 2) {
            return false;
        }
        DataType t = c.dataType();
        if ((t != DataType.FLOAT && t != DataType.DOUBLE) || a.dataType() != t || b.dataType() != t) {
            return false;
        }
        return startsAtItsBuffer(a) && startsAtItsBuffer(b) && startsAtItsBuffer(c)
                && a.ordering() == 'c' && b.ordering() == 'c' && c.ordering() == 'c'
                && a.stride(1) == 1 && b.stride(1) == 1 && c.stride(1) == 1
                && a.stride(0) >= a.size(1) && b.stride(0) >= b.size(1) && c.stride(0) >= c.size(1);
    }

    /** True when the array's first element is its buffer's first (ND4J gives a view a buffer at the view's offset). */
    private static boolean startsAtItsBuffer(INDArray x) {
        return x.offset() == x.data().offset() && x.data().addressPointer().position() == 0;
    }

    /** The first element of {@code x}: a view's buffer address already includes the view's offset. */
    private static FloatPointer floats(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }

    private static DoublePointer doubles(INDArray x) {
        return new DoublePointer(x.data().addressPointer());
    }
}
