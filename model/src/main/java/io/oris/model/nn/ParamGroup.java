package io.oris.model.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The networks that one optimiser trains, laid out in one flat parameter vector with a matching flat gradient vector
 * (and optionally a flat target copy for Polyak averaging). Each network's layer matrices are views into these
 * vectors, so one Adam op and one Polyak op cover all of them.
 */
public final class ParamGroup {
    private final List<Mlp> nets;
    private final long[] netOffsets;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray target;
    private final INDArray scratch;
    private final INDArray[][] weightViews;
    private final INDArray[][] gradViews;
    private final INDArray[][] targetViews;

    /** Lays out {@code nets} one after another; {@code withTarget} adds a target copy (initialised equal). */
    public ParamGroup(List<Mlp> nets, DataType dataType, boolean withTarget) {
        this.nets = List.copyOf(nets);
        this.netOffsets = new long[nets.size() + 1];
        for (int i = 0; i < nets.size(); i++) {
            netOffsets[i + 1] = netOffsets[i] + nets.get(i).paramCount();
        }
        long total = netOffsets[nets.size()];
        this.params = Nd4j.create(dataType, total);
        this.grads = Nd4j.create(dataType, total);
        this.target = withTarget ? Nd4j.create(dataType, total) : null;
        this.scratch = withTarget ? Nd4j.create(dataType, total) : null;
        this.weightViews = views(params);
        this.gradViews = views(grads);
        this.targetViews = withTarget ? views(target) : null;
    }

    private INDArray[][] views(INDArray flat) {
        INDArray[][] v = new INDArray[nets.size()][];
        for (int i = 0; i < nets.size(); i++) {
            Mlp m = nets.get(i);
            v[i] = new INDArray[m.layers()];
            for (int l = 0; l < m.layers(); l++) {
                long from = netOffsets[i] + m.offset(l);
                long len = (long) m.rows(l) * m.cols(l);
                v[i][l] = flat.get(NDArrayIndex.interval(from, from + len)).reshape('c', m.rows(l), m.cols(l));
            }
        }
        return v;
    }

    /** Builds a group and initialises every network with {@link Mlp#initialise}; the target (if any) starts equal. */
    public static ParamGroup initialised(List<Mlp> nets, DataType dataType, boolean withTarget, SeededRandom rng,
                                         double lastGain) {
        ParamGroup g = new ParamGroup(nets, dataType, withTarget);
        double[] all = new double[(int) g.size()];
        for (int i = 0; i < nets.size(); i++) {
            double[] one = new double[(int) nets.get(i).paramCount()];
            nets.get(i).initialise(one, rng, lastGain);
            System.arraycopy(one, 0, all, (int) g.netOffsets[i], one.length);
        }
        HostIO.write(all, g.params);
        if (withTarget) {
            g.target.assign(g.params);
        }
        return g;
    }

    public long size() {
        return params.length();
    }

    public INDArray params() {
        return params;
    }

    public INDArray grads() {
        return grads;
    }

    /** The target copy, or null. */
    public INDArray target() {
        return target;
    }

    public INDArray[] weights(int net) {
        return weightViews[net];
    }

    public INDArray[] gradients(int net) {
        return gradViews[net];
    }

    public INDArray[] targetWeights(int net) {
        return targetViews[net];
    }

    /** Offset of network {@code net} in the flat vectors. */
    public long offset(int net) {
        return netOffsets[net];
    }

    public Mlp net(int i) {
        return nets.get(i);
    }

    /**
     * Polyak averaging {@code target ← target + τ (params − target)}; written as a difference so entries equal in
     * both (the constant columns) stay exactly equal.
     */
    public void polyak(double tau) {
        params.sub(target, scratch);
        scratch.muli(tau);
        target.addi(scratch);
    }

    /** Copies the online parameters into the target. */
    public void hardUpdate() {
        target.assign(params);
    }
}
