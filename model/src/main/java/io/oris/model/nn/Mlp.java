package io.oris.model.nn;

import java.util.Arrays;

/**
 * Shape of a ReLU multilayer perceptron whose biases are folded into its weight matrices.
 *
 * <p>Layer {@code l} is one {@code (in+1) x (out+1)} matrix {@code [W; b]} (the last layer has no extra column): inputs
 * carry a trailing constant 1, and every hidden layer's extra column is {@code (0,…,0,1)}, so ReLU keeps that constant
 * 1 for the next layer. A layer's forward pass is then one matrix product, and its weight and bias gradients come out of
 * one product too; this halves the ND4J op count, which is what bounds small-network training speed on the CPU.
 * The constant columns never train: their gradient is zeroed by {@link MlpPass}.
 */
public final class Mlp {
    private final int[] sizes;
    private final long[] offsets;
    private final long paramCount;

    /** @param sizes input size, hidden sizes, output size (at least two entries) */
    public Mlp(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs an input and an output size: " + Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        this.offsets = new long[layers() + 1];
        for (int l = 0; l < layers(); l++) {
            offsets[l + 1] = offsets[l] + (long) rows(l) * cols(l);
        }
        this.paramCount = offsets[layers()];
    }

    public int layers() {
        return sizes.length - 1;
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Size of layer {@code l}'s input (hidden sizes for l &gt; 0). */
    public int size(int l) {
        return sizes[l];
    }

    /** Rows of layer {@code l}'s matrix: its input size plus the bias row. */
    public int rows(int l) {
        return sizes[l] + 1;
    }

    /**
     * Columns of layer {@code l}'s matrix: its output size, plus the constant column on hidden layers; a one-output
     * last layer is padded to two columns (the second stays zero and untrained), because ND4J's matrix product
     * into an [n, 1] vector takes a slow non-BLAS path.
     */
    public int cols(int l) {
        return l < layers() - 1 ? sizes[l + 1] + 1 : Math.max(2, sizes[l + 1]);
    }

    /** Offset of layer {@code l}'s matrix in this network's flat parameter vector (row-major). */
    public long offset(int l) {
        return offsets[l];
    }

    /** Number of entries of the flat parameter vector, constant columns included. */
    public long paramCount() {
        return paramCount;
    }

    /**
     * PyTorch's default {@code nn.Linear} initialisation (weights and biases uniform in ±1/√fan_in) for hidden layers;
     * the last layer Xavier-uniform with {@code lastGain} and zero bias (H2O's SAC uses gain 1e-2, docs/reference.md §4). A
     * {@code lastGain} &lt;= 0 keeps the default initialisation for the last layer too.
     *
     * @param flat filled in place, length {@link #paramCount()}
     */
    public void initialise(double[] flat, SeededRandom rng, double lastGain) {
        Arrays.fill(flat, 0.0);
        for (int l = 0; l < layers(); l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int cols = cols(l);
            int base = (int) offsets[l];
            boolean last = l == layers() - 1;
            double bound = last && lastGain > 0 ? lastGain * Math.sqrt(6.0 / (in + out)) : 1.0 / Math.sqrt(in);
            double biasBound = last && lastGain > 0 ? 0.0 : 1.0 / Math.sqrt(in);
            for (int r = 0; r < in; r++) {
                for (int c = 0; c < out; c++) {
                    flat[base + r * cols + c] = (2 * rng.nextDouble() - 1) * bound;
                }
            }
            for (int c = 0; c < out; c++) {
                flat[base + in * cols + c] = (2 * rng.nextDouble() - 1) * biasBound;
            }
            if (!last) {
                flat[base + in * cols + out] = 1.0; // constant column: passes the 1 on to the next layer
            }
        }
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(sizes);
    }
}
