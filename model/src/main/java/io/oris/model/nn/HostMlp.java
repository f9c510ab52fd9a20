package io.oris.model.nn;

/**
 * A plain-Java float forward pass of an {@link Mlp} from a copy of its weights: the fast path for batch-1 inference
 * in rollouts and restarts (no ND4J call, so no per-op overhead), ReLU hidden layers and a linear output.
 */
public final class HostMlp {
    private final int[] sizes;
    private final float[][] weights; // per layer [in][out] row-major
    private final float[][] biases;

    /** @param flat the network's flat parameter vector (layout of {@link Mlp}) */
    public HostMlp(Mlp mlp, double[] flat, int offset) {
        int layers = mlp.layers();
        this.sizes = new int[layers + 1];
        this.weights = new float[layers][];
        this.biases = new float[layers][];
        for (int l = 0; l <= layers; l++) {
            sizes[l] = mlp.size(l);
        }
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int cols = mlp.cols(l);
            int base = offset + (int) mlp.offset(l);
            float[] w = new float[in * out];
            float[] b = new float[out];
            for (int r = 0; r < in; r++) {
                for (int c = 0; c < out; c++) {
                    w[r * out + c] = (float) flat[base + r * cols + c];
                }
            }
            for (int c = 0; c < out; c++) {
                b[c] = (float) flat[base + in * cols + c];
            }
            weights[l] = w;
            biases[l] = b;
        }
    }

    /**
     * A network from its layers as they are stored in a policy snapshot ({@code io.oris.model.policy}): layer l has
     * weights {@code [sizes[l]][sizes[l+1]]} row-major and {@code sizes[l+1]} biases (the arrays are copied).
     */
    public HostMlp(int[] sizes, float[][] weights, float[][] biases) {
        if (sizes.length < 2 || weights.length != sizes.length - 1 || biases.length != sizes.length - 1) {
            throw new IllegalArgumentException("a network of " + (sizes.length - 1) + " layers needs as many weight and"
                    + " bias arrays, got " + weights.length + " and " + biases.length);
        }
        this.sizes = sizes.clone();
        this.weights = new float[weights.length][];
        this.biases = new float[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " (" + sizes[l] + " -> " + sizes[l + 1] + ") has "
                        + weights[l].length + " weights and " + biases[l].length + " biases, expected "
                        + sizes[l] * sizes[l + 1] + " and " + sizes[l + 1]);
            }
            this.weights[l] = weights[l].clone();
            this.biases[l] = biases[l].clone();
        }
    }

    /** Number of linear layers (ReLU after each but the last). */
    public int layers() {
        return weights.length;
    }

    /** Width of layer boundary {@code l}: 0 is the input, {@link #layers()} the output. */
    public int size(int l) {
        return sizes[l];
    }

    /** Weights of layer {@code l}, {@code [in][out]} row-major (a copy). */
    public float[] weights(int l) {
        return weights[l].clone();
    }

    /** Biases of layer {@code l} (a copy). */
    public float[] bias(int l) {
        return biases[l].clone();
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Forward pass of one input row. */
    public float[] forward(float[] x) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("input has " + x.length + " values, network expects " + sizes[0]);
        }
        float[] h = x;
        for (int l = 0; l < weights.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            float[] w = weights[l];
            float[] next = biases[l].clone();
            for (int r = 0; r < in; r++) {
                float xr = h[r];
                if (xr == 0f) {
                    continue;
                }
                int base = r * out;
                for (int c = 0; c < out; c++) {
                    next[c] += xr * w[base + c];
                }
            }
            if (l < weights.length - 1) {
                for (int c = 0; c < out; c++) {
                    if (next[c] < 0f) {
                        next[c] = 0f;
                    }
                }
            }
            h = next;
        }
        return h;
    }
}
