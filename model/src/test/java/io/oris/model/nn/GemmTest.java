package io.oris.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link Gemm}'s direct OpenBLAS call gives the same bits as {@link Nd4j#gemm} for every product shape an
 * {@link MlpPass} makes: whole arrays, row-range views, transposed operands, accumulation, the weight views of a
 * {@link ParamGroup}'s flat vector, float32 and float64.
 */
class GemmTest {
    private static INDArray random(DataType t, long seed, int rows, int cols) {
        SeededRandom rng = new SeededRandom(seed);
        double[] v = new double[rows * cols];
        rng.gaussians(v, v.length);
        return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE).castTo(t);
    }

    private static INDArray rowsOf(INDArray a, int from, int to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** Runs the product both ways into copies of {@code c} and compares every bit. */
    private static void same(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta, String what) {
        INDArray viaNd4j = c.dup();
        INDArray viaGemm = c.dup();
        Nd4j.gemm(a, b, viaNd4j, ta, tb, 1.0, beta);
        Gemm.gemm(a, b, viaGemm, ta, tb, 1.0, beta);
        assertArrayEquals(viaNd4j.data().asDouble(), viaGemm.data().asDouble(), 0.0, what);
    }

    @Test
    void everyMlpPassProductMatchesNd4jBitForBit() {
        for (DataType t : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int rows : new int[] {256, 7680, 3}) {
                for (int[] layer : new int[][] {{24, 256}, {257, 256}, {257, 2}, {18, 512}}) {
                    int in = layer[0];
                    int out = layer[1];
                    INDArray x = random(t, 1, rows, in);
                    INDArray w = random(t, 2, in, out);
                    INDArray dz = random(t, 3, rows, out);
                    String s = t + " rows " + rows + " layer " + in + "x" + out;
                    same(x, w, Nd4j.create(t, rows, out), false, false, 0.0, "forward " + s);
                    same(x, dz, random(t, 4, in, out), true, false, 0.0, "weight gradient " + s);
                    same(x, dz, random(t, 4, in, out), true, false, 1.0, "accumulated weight gradient " + s);
                    same(dz, w, Nd4j.create(t, rows, in), false, true, 0.0, "input gradient " + s);
                    int half = rows / 2;
                    if (half > 1) {
                        INDArray xs = rowsOf(x, half, rows);
                        INDArray dzs = rowsOf(dz, half, rows);
                        same(xs, dzs, random(t, 5, in, out), true, false, 1.0, "row-range weight gradient " + s);
                        INDArray h = random(t, 6, rows, in);
                        INDArray hView = rowsOf(h, half, rows);
                        INDArray before = h.dup();
                        Nd4j.gemm(dzs, w, rowsOf(before, half, rows), false, true, 1.0, 0.0);
                        Gemm.gemm(dzs, w, hView, false, true, 1.0, 0.0);
                        assertArrayEquals(before.data().asDouble(), h.data().asDouble(), 0.0,
                                "row-range input gradient into a view (rows outside untouched) " + s);
                    }
                }
            }
        }
    }

    @Test
    void theWeightViewsOfAFlatParameterVectorMatchToo() {
        for (DataType t : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Mlp mlp = new Mlp(17, 256, 256, 1);
            ParamGroup g = ParamGroup.initialised(List.of(mlp, new Mlp(17, 256, 256, 1)), t, false, new SeededRandom(7),
                    1.0);
            INDArray[] w = g.weights(1);      // the second network: views at an offset into the flat vector
            INDArray[] grad = g.gradients(1);
            for (int l = 0; l < w.length; l++) {
                INDArray x = random(t, 10 + l, 256, (int) w[l].size(0));
                same(x, w[l], Nd4j.create(t, 256, w[l].size(1)), false, false, 0.0, t + " forward, layer " + l);
                INDArray dz = random(t, 20 + l, 256, (int) w[l].size(1));
                INDArray viaNd4j = grad[l].dup();
                Nd4j.gemm(x, dz, viaNd4j, true, false, 1.0, 0.0);
                Gemm.gemm(x, dz, grad[l], true, false, 1.0, 0.0);
                assertArrayEquals(viaNd4j.data().asDouble(), grad[l].dup().data().asDouble(), 0.0,
                        t + " weight gradient into the flat gradient vector, layer " + l);
            }
        }
    }

    @Test
    void mismatchedShapesAreRejected() {
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 3);
        INDArray b = Nd4j.create(DataType.FLOAT, 5, 2);
        assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(a, b, Nd4j.create(DataType.FLOAT, 4, 2), false,
                false, 1.0, 0.0));
    }
}
