package io.oris.model.learner;

import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.HostMlp;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Batch;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Common plumbing of the offline-only learners outside the SAC family (IQL, TD3+BC, BC): the batch on the host, step
 * count, metrics, the non-finite check, the cached policy copy and the snapshot frame. Subclasses write the losses,
 * the batch preprocessing (state normalisation, reward scaling) and the policy they hand out.
 */
abstract class OfflineBase implements Learner {
    protected final String method;
    protected final int obsDim;
    protected final int actDim;
    protected final DataType dataType;
    protected final SeededRandom rng;
    protected final int batchSize;
    protected long step;
    protected Map<String, Double> metrics = Collections.emptyMap();
    protected int rows = -1;
    protected double[] obs;
    protected double[] act;
    protected double[] rew;
    protected double[] next;
    protected double[] done;
    private ExportablePolicy cached;
    private long cachedStep = -1;

    OfflineBase(String method, LearnerDims dims, String dataType, int batchSize, long seed) {
        this.method = method;
        this.obsDim = dims.obsDim();
        this.actDim = dims.actDim();
        this.dataType = "double".equalsIgnoreCase(dataType) ? DataType.DOUBLE : DataType.FLOAT;
        this.rng = new SeededRandom(seed);
        this.batchSize = batchSize;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public BatchSpec batchSpec() {
        return new BatchSpec(batchSize, 0, 0, 0);
    }

    @Override
    public int obsDim() {
        return obsDim;
    }

    @Override
    public int actDim() {
        return actDim;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public Map<String, Double> metrics() {
        return metrics;
    }

    @Override
    public Map<String, Double> update(UpdateInput input) {
        prepare(input);
        Map<String, Double> m = train();
        step++;
        metrics = Collections.unmodifiableMap(m);
        return metrics;
    }

    /**
     * The update after {@link #prepare}: losses, gradients and optimiser steps in the order of the method's reference
     * implementation; returns the update's metrics.
     */
    protected abstract Map<String, Double> train();

    /**
     * Loads the offline batch, applies the method's preprocessing ({@link #preprocessBatch}) and draws the update's
     * noise; the losses are then deterministic.
     */
    public void prepare(UpdateInput input) {
        Batch b = input.offline();
        if (b == null || b.size() == 0) {
            throw new IllegalArgumentException(method + " trains on offline data: the offline batch is empty");
        }
        if (b.obsDim() != obsDim || b.actDim() != actDim) {
            throw new IllegalArgumentException(method + ": batch dims differ from the learner's");
        }
        int n = b.size();
        if (n != rows) {
            rows = n;
            obs = new double[n * obsDim];
            next = new double[n * obsDim];
            act = new double[n * actDim];
            rew = new double[n];
            done = new double[n];
            allocate(n);
        }
        for (int i = 0; i < n * obsDim; i++) {
            obs[i] = b.obs()[i];
            next[i] = b.nextObs()[i];
        }
        for (int i = 0; i < n * actDim; i++) {
            act[i] = b.actions()[i];
        }
        for (int i = 0; i < n; i++) {
            rew[i] = b.rewards()[i];
            done[i] = b.done()[i];
        }
        preprocessBatch();
        drawNoise();
    }

    /** Hook: transforms the host batch in place before the losses (state normalisation, reward scaling). */
    protected void preprocessBatch() {
    }

    /** Allocates per-row buffers for batches of {@code n} rows. */
    protected abstract void allocate(int n);

    protected void drawNoise() {
    }

    /** Computes every loss and gradient at the current parameters (no parameter changes; the tests' probe). */
    public abstract Map<String, Double> lossesAndGradients();

    /** A fresh frozen copy of the current actor that acts on raw observations. */
    protected abstract ExportablePolicy buildPolicy();

    @Override
    public ExportablePolicy policy() {
        if (cached == null || cachedStep != step) {
            cached = buildPolicy();
            cachedStep = step;
        }
        return cached;
    }

    /** A deterministic tanh actor {@code net} with parameters {@code group} as a plain-Java policy. */
    protected HostPolicy deterministicPolicy(Mlp net, ParamGroup group) {
        return new HostPolicy(new HostMlp(net, HostIO.toHost(group.params()), 0), actDim, false, 0, 0);
    }

    protected void check(String term, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(method, term, step, value);
        }
    }

    /** Fills rows of (s, then a) with a trailing 1 into {@code x}; {@code actions} may be null (state only). */
    protected static void rowsOf(double[] s, double[] a, int n, int o, int na, double[] x) {
        int w = o + na + 1;
        for (int i = 0; i < n; i++) {
            System.arraycopy(s, i * o, x, i * w, o);
            if (a != null) {
                System.arraycopy(a, i * na, x, i * w + o, na);
            }
            x[i * w + w - 1] = 1;
        }
    }

    @Override
    public void save(OutputStream out) throws IOException {
        StateWriter w = new StateWriter(out, method);
        w.longs("step", step).longs("rng", rng.state());
        saveState(w);
        w.finish();
    }

    @Override
    public void load(InputStream in) throws IOException {
        StateReader r = new StateReader(in);
        if (!r.kind().equals(method)) {
            throw new IOException("snapshot is of method '" + r.kind() + "', this learner is '" + method + "'");
        }
        step = r.longs("step")[0];
        rng.setState(r.longs("rng"));
        loadState(r);
        cached = null;
    }

    protected abstract void saveState(StateWriter w) throws IOException;

    protected abstract void loadState(StateReader r) throws IOException;
}
