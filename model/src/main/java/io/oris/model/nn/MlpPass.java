package io.oris.model.nn;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Preallocated activations and gradients for forward and backward passes of an {@link Mlp} over a fixed number of
 * rows. Nothing is allocated per step: every product goes into a buffer made here (row-range views are cached).
 *
 * <p>Passes over more than {@link #DEFAULT_BLOCK_ROWS} rows (CQL's sampled actions: 7,680 rows at batch 256) run
 * in row blocks: each block goes through every layer before the next block starts, so a block's activations are
 * still in the core's cache when the next product, the ReLU and its mask read them, instead of every layer's
 * whole activation matrix (7.9 MB for CQL, several times a 2 MB L2) going to memory and back once per element-wise
 * pass. The outputs are the same rows computed the same way; the weight gradients are sums over the blocks, so
 * they differ from a single-block pass only in rounding (about 1e-7 relative in float32).
 *
 * <p>The host writes {@link #input()} (features then a trailing 1 per row), calls {@link #forward}, reads
 * {@link #output()}, writes {@link #outputGrad()} and calls {@link #backward}; the parameter gradients land in the
 * given gradient views, the input gradient in {@link #inputGrad()}.
 */
public final class MlpPass {
    /**
     * Rows per block of a blocked pass. 1,024 rows of the widest activation of a 256-unit network (257 columns with
     * the constant one, float32) are 1 MB, which with the block's gradient fits a 2 MB L2; smaller blocks make the
     * products less efficient (each product re-packs the weights once per block).
     */
    public static final int DEFAULT_BLOCK_ROWS = 1024;

    private final Mlp mlp;
    private final int rows;
    private final int blockRows;
    private final INDArray input;
    private final INDArray[] hidden;
    private final INDArray[] hiddenGrad;
    private final INDArray[] mask;
    private final INDArray output;
    private final INDArray outputGrad;
    private final INDArray inputGrad;
    private final Map<Long, Range> ranges = new HashMap<>();
    private final double[] outputHost;

    public MlpPass(Mlp mlp, int rows, DataType dataType) {
        this(mlp, rows, dataType, null);
    }

    /** A pass that reads its input from {@code sharedInput} (e.g. twin critics evaluated on the same rows). */
    public MlpPass(Mlp mlp, int rows, DataType dataType, INDArray sharedInput) {
        this(mlp, rows, dataType, sharedInput, DEFAULT_BLOCK_ROWS);
    }

    /**
     * @param blockRows rows per block of a blocked pass; a pass over at most this many rows is one block
     */
    public MlpPass(Mlp mlp, int rows, DataType dataType, INDArray sharedInput, int blockRows) {
        if (blockRows < 1) {
            throw new IllegalArgumentException("blockRows must be >= 1, got " + blockRows);
        }
        this.mlp = mlp;
        this.rows = rows;
        this.blockRows = blockRows;
        int layers = mlp.layers();
        this.input = sharedInput != null ? sharedInput : Nd4j.create(dataType, rows, mlp.rows(0));
        this.hidden = new INDArray[layers - 1];
        this.hiddenGrad = new INDArray[layers - 1];
        this.mask = new INDArray[layers - 1];
        for (int l = 0; l < layers - 1; l++) {
            hidden[l] = Nd4j.create(dataType, rows, mlp.cols(l));
            hiddenGrad[l] = Nd4j.create(dataType, rows, mlp.cols(l));
            mask[l] = Nd4j.create(dataType, rows, mlp.cols(l));
        }
        this.output = Nd4j.create(dataType, rows, mlp.cols(layers - 1));
        this.outputGrad = Nd4j.create(dataType, rows, mlp.cols(layers - 1));
        this.outputHost = new double[rows * mlp.cols(layers - 1)];
        this.inputGrad = Nd4j.create(dataType, rows, mlp.rows(0));
    }

    public int rows() {
        return rows;
    }

    public Mlp mlp() {
        return mlp;
    }

    /** [rows, in+1]: features then a constant 1 per row, written by the caller. */
    public INDArray input() {
        return input;
    }

    /** [rows, out] (padded to two columns for one output): the last layer's linear output after {@link #forward}. */
    public INDArray output() {
        return output;
    }

    /** Copies the output ({@code rows × out} values, row-major, without padding) to {@code dst}. */
    public void readOutput(double[] dst) {
        int out = mlp.outputSize();
        int cols = mlp.cols(mlp.layers() - 1);
        if (cols == out) {
            HostIO.read(output, dst, rows * out);
            return;
        }
        HostIO.read(output, outputHost, rows * cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(outputHost, i * cols, dst, i * out, out);
        }
    }

    /** Writes d loss / d output ({@code rows × out} values, row-major) before {@link #backward}. */
    public void writeOutputGrad(double[] src) {
        int out = mlp.outputSize();
        int cols = mlp.cols(mlp.layers() - 1);
        if (cols == out) {
            HostIO.write(src, outputGrad);
            return;
        }
        java.util.Arrays.fill(outputHost, 0.0);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src, i * out, outputHost, i * cols, out);
        }
        HostIO.write(outputHost, outputGrad);
    }

    /** The output-gradient buffer (padded like {@link #output()}); prefer {@link #writeOutputGrad}. */
    public INDArray outputGrad() {
        return outputGrad;
    }

    /** [rows, in+1]: d loss / d input after a backward pass that asked for it (only its rows are valid). */
    public INDArray inputGrad() {
        return inputGrad;
    }

    /** Forward pass with the given layer matrices (a network's weights or its target's). */
    public void forward(INDArray[] weights) {
        if (rows <= blockRows) {
            forward(weights, input, hidden, output, rows);
            return;
        }
        for (int from = 0; from < rows; from += blockRows) {
            Range b = range(from, Math.min(rows, from + blockRows));
            forward(weights, b.input, b.hidden, b.output, b.count);
        }
    }

    private void forward(INDArray[] weights, INDArray in, INDArray[] hid, INDArray out, int n) {
        INDArray x = in;
        int layers = mlp.layers();
        for (int l = 0; l < layers; l++) {
            INDArray z = l < layers - 1 ? hid[l] : out;
            Gemm.gemm(x, weights[l], z, false, false, 1.0, 0.0);
            FlopMeter.product(n, mlp.rows(l), mlp.cols(l));
            if (l < layers - 1) {
                Transforms.relu(z, false);
            }
            x = z;
        }
    }

    /**
     * Backward pass from {@link #outputGrad()} over rows {@code [from, to)}.
     *
     * @param weights the layer matrices used in the forward pass
     * @param grads gradient views to fill (null: no parameter gradients)
     * @param paramFrom first row whose loss gradient counts for the parameters
     * @param paramTo end of those rows (within {@code [from, to)})
     * @param accumulate add to {@code grads} instead of overwriting them
     * @param wantInputGrad also compute {@link #inputGrad()} for rows {@code [from, to)}
     */
    public void backward(INDArray[] weights, INDArray[] grads, int from, int to, int paramFrom, int paramTo,
                         boolean accumulate, boolean wantInputGrad) {
        if (paramFrom < from || paramTo > to || from < 0 || to > rows) {
            throw new IllegalArgumentException("bad row ranges [" + from + "," + to + ") / [" + paramFrom + ","
                    + paramTo + ") for " + rows + " rows");
        }
        if (to - from > blockRows && paramFrom == from && paramTo == to) {
            for (int b = from; b < to; b += blockRows) {
                int e = Math.min(to, b + blockRows);
                backward(weights, grads, b, e, b, e, accumulate || b > from, wantInputGrad);
            }
            return;
        }
        Range all = range(from, to);
        Range par = grads != null && paramTo > paramFrom ? range(paramFrom, paramTo) : null;
        int layers = mlp.layers();
        for (int l = layers - 1; l >= 0; l--) {
            if (par != null) {
                INDArray x = l == 0 ? par.input : par.hidden[l - 1];
                INDArray dz = l == layers - 1 ? par.outputGrad : par.hiddenGrad[l];
                Gemm.gemm(x, dz, grads[l], true, false, 1.0, accumulate ? 1.0 : 0.0);
                FlopMeter.product(mlp.rows(l), paramTo - paramFrom, mlp.cols(l));
            }
            INDArray dzAll = l == layers - 1 ? all.outputGrad : all.hiddenGrad[l];
            if (l > 0) {
                INDArray dh = all.hiddenGrad[l - 1];
                Gemm.gemm(dzAll, weights[l], dh, false, true, 1.0, 0.0);
                FlopMeter.product(to - from, mlp.cols(l), mlp.rows(l));
                Nd4j.exec(new Sign(all.hidden[l - 1], all.mask[l - 1]));
                dh.muli(all.mask[l - 1]);
                all.constantColumn[l - 1].assign(0.0); // the constant column does not train
            } else if (wantInputGrad) {
                Gemm.gemm(dzAll, weights[0], all.inputGrad, false, true, 1.0, 0.0);
                FlopMeter.product(to - from, mlp.cols(0), mlp.rows(0));
            }
        }
    }

    private Range range(int from, int to) {
        long key = ((long) from << 32) | to;
        return ranges.computeIfAbsent(key, k -> new Range(from, to));
    }

    /** Views of every buffer restricted to rows [from, to) (contiguous, since arrays are row-major). */
    private final class Range {
        final int count;
        final INDArray input;
        final INDArray output;
        final INDArray[] hidden;
        final INDArray[] hiddenGrad;
        final INDArray[] mask;
        final INDArray[] constantColumn;
        final INDArray outputGrad;
        final INDArray inputGrad;

        Range(int from, int to) {
            boolean whole = from == 0 && to == rows;
            this.count = to - from;
            this.input = whole ? MlpPass.this.input : rowsOf(MlpPass.this.input, from, to);
            this.output = whole ? MlpPass.this.output : rowsOf(MlpPass.this.output, from, to);
            this.outputGrad = whole ? MlpPass.this.outputGrad : rowsOf(MlpPass.this.outputGrad, from, to);
            this.inputGrad = whole ? MlpPass.this.inputGrad : rowsOf(MlpPass.this.inputGrad, from, to);
            int n = MlpPass.this.hidden.length;
            this.hidden = new INDArray[n];
            this.hiddenGrad = new INDArray[n];
            this.mask = new INDArray[n];
            this.constantColumn = new INDArray[n];
            for (int l = 0; l < n; l++) {
                hidden[l] = whole ? MlpPass.this.hidden[l] : rowsOf(MlpPass.this.hidden[l], from, to);
                hiddenGrad[l] = whole ? MlpPass.this.hiddenGrad[l] : rowsOf(MlpPass.this.hiddenGrad[l], from, to);
                mask[l] = whole ? MlpPass.this.mask[l] : rowsOf(MlpPass.this.mask[l], from, to);
                long c = hiddenGrad[l].size(1) - 1;
                constantColumn[l] = hiddenGrad[l].get(NDArrayIndex.all(), NDArrayIndex.point(c));
            }
        }
    }

    private static INDArray rowsOf(INDArray a, int from, int to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }
}
