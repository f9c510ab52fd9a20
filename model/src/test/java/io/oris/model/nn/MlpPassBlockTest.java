package io.oris.model.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A pass run in row blocks ({@link MlpPass#DEFAULT_BLOCK_ROWS}) computes what the same pass in one block computes,
 * up to rounding: the outputs and input gradients row by row (OpenBLAS's kernels treat a product's edge rows
 * differently, so a row near a block's end can differ in its last bit), the weight gradients as sums over blocks.
 */
class MlpPassBlockTest {
    private static final int ROWS = 7680; // CQL's sampled-action rows at batch 256 (3 blocks of 10 actions)

    private record Result(double[] output, double[] grads, double[] inputGrad) {
    }

    private static Result run(DataType t, int blockRows, boolean accumulate) {
        Mlp mlp = new Mlp(14, 256, 256, 1);
        ParamGroup g = ParamGroup.initialised(List.of(mlp), t, false, new SeededRandom(3), 1.0);
        MlpPass pass = new MlpPass(mlp, ROWS, t, null, blockRows);
        double[] x = new double[ROWS * 15];
        SeededRandom rng = new SeededRandom(5);
        rng.gaussians(x, x.length);
        for (int i = 0; i < ROWS; i++) {
            x[i * 15 + 14] = 1.0;
        }
        HostIO.write(x, pass.input());
        pass.forward(g.weights(0));
        double[] out = new double[ROWS];
        pass.readOutput(out);
        double[] dq = new double[ROWS];
        rng.gaussians(dq, dq.length);
        pass.writeOutputGrad(dq);
        if (accumulate) {
            g.grads().assign(0.25);
        }
        pass.backward(g.weights(0), g.gradients(0), 0, ROWS, 0, ROWS, accumulate, true);
        return new Result(out, g.grads().dup().data().asDouble(), pass.inputGrad().dup().data().asDouble());
    }

    @Test
    void blockedPassMatchesOneBlock() {
        for (DataType t : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (boolean accumulate : new boolean[] {false, true}) {
                Result one = run(t, ROWS, accumulate);
                Result blocked = run(t, MlpPass.DEFAULT_BLOCK_ROWS, accumulate);
                String s = t + (accumulate ? ", accumulating" : "");
                double tol = t == DataType.FLOAT ? 1e-5 : 1e-12;
                close(one.output(), blocked.output(), tol, "outputs, " + s);
                close(one.inputGrad(), blocked.inputGrad(), tol, "input gradients, " + s);
                double scale = close(one.grads(), blocked.grads(), tol, "weight gradients, " + s);
                assertTrue(scale > 1.0, "the gradients are not trivially zero: " + scale);
            }
        }
    }

    /** Asserts every element within {@code tol} times the largest magnitude of {@code expected}; returns it. */
    private static double close(double[] expected, double[] actual, double tol, String what) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tol * scale, what + ": largest difference " + worst + " against a largest value of "
                + scale);
        return scale;
    }

    @Test
    void unevenBlocksStillSumToTheOneBlockGradient() {
        Result one = run(DataType.DOUBLE, ROWS, false);
        Result firstBlockOnly = run(DataType.DOUBLE, ROWS - 1, false);
        double worst = 0;
        for (int i = 0; i < one.grads().length; i++) {
            worst = Math.max(worst, Math.abs(one.grads()[i] - firstBlockOnly.grads()[i]));
        }
        assertTrue(worst < 1e-9, "two blocks (7,679 + 1 rows) still sum to the one-block gradient: " + worst);
    }
}
