package io.oris.model.combo;

import io.oris.model.config.DynamicsConfig;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.learner.SacLearner;
import io.oris.model.nn.Adam;
import io.oris.model.nn.HostAdam;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.SeededRandom;
import io.oris.storage.AtomicPublish;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * COMBO's learned dynamics model (the MOPO/MBPO ensemble COMBO builds on): E members, each a ReLU MLP from the
 * standardised (s, a) to a diagonal Gaussian over y = (s' − s, r), with D = obsDim + 1 outputs of mean μ and D of raw
 * log-variance ℓ. The log-variance is softly bounded by two learned vectors shared by the members:
 * <pre>
 *   log σ² = minLogVar + softplus(maxLogVar − softplus(maxLogVar − ℓ) − minLogVar)
 * </pre>
 * Per member the training loss is the Gaussian negative log-likelihood without constants,
 * {@code mean_{rows, dims}[(μ − y)²·exp(−log σ²) + log σ²]}; the members' losses are summed, plus
 * {@code boundWeight·(Σ maxLogVar − Σ minLogVar)} and per-layer L2 on the weights ({@link DynamicsTrainer}).
 * Rollouts ({@link #sample}) pick one of the {@link #elites()} per row and draw y ~ N(μ, σ²); s' = s + Δs.
 * The artifact ({@link #checkpoint}) holds the members, the bounds, the input standardisation and the elites.
 */
public final class DynamicsEnsemble {
    private final int obsDim;
    private final int actDim;
    private final DynamicsConfig cfg;
    private final DataType dataType;
    private final Mlp net;
    private final ParamGroup members;
    private final Adam adam;
    private final HostAdam boundsAdam;
    /** maxLogVar (D values) then minLogVar (D values). */
    private final double[] bounds;
    private final double[] boundsGrad;
    private final double[] inMean;
    private final double[] inStd;
    private int[] elites;
    /** Training passes by row count (the minibatch size and the last partial batch), reused member after member. */
    private final java.util.Map<Integer, MlpPass> trainPasses = new java.util.HashMap<>();

    /**
     * A new untrained ensemble whose inputs are standardised by {@code inMean}/{@code inStd} (obsDim + actDim values;
     * std below 1e-12 counts as 1); members initialised as PyTorch's nn.Linear, bounds at MBPO's 0.5 and −10.
     */
    public DynamicsEnsemble(int obsDim, int actDim, DynamicsConfig cfg, double[] inMean, double[] inStd,
                            DataType dataType, SeededRandom initRng) {
        if (cfg.elites() < 1 || cfg.elites() > cfg.ensembleSize()) {
            throw new IllegalArgumentException("dynamics.elites must be in [1, dynamics.ensembleSize], got "
                    + cfg.elites() + " of " + cfg.ensembleSize());
        }
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.cfg = cfg;
        this.dataType = dataType;
        int d = obsDim + 1;
        this.net = new Mlp(SacLearner.sizes(obsDim + actDim, cfg.hidden(), 2 * d));
        if (cfg.weightDecay().size() != net.layers()) {
            throw new IllegalArgumentException("dynamics.weightDecay has " + cfg.weightDecay().size()
                    + " values, the members have " + net.layers() + " layers (one value per layer)");
        }
        this.members = ParamGroup.initialised(Collections.nCopies(cfg.ensembleSize(), net), dataType, false,
                initRng, 0.0);
        this.adam = new Adam(members, cfg.lr());
        this.bounds = new double[2 * d];
        this.boundsGrad = new double[2 * d];
        for (int j = 0; j < d; j++) {
            bounds[j] = 0.5;
            bounds[d + j] = -10.0;
        }
        this.boundsAdam = new HostAdam(2 * d);
        this.inMean = inMean.clone();
        this.inStd = inStd.clone();
        for (int j = 0; j < inStd.length; j++) {
            if (!(this.inStd[j] > 1e-12)) {
                this.inStd[j] = 1.0;
            }
        }
        this.elites = new int[cfg.elites()];
        for (int e = 0; e < elites.length; e++) {
            elites[e] = e;
        }
    }

    public int obsDim() {
        return obsDim;
    }

    public int actDim() {
        return actDim;
    }

    /** Outputs per Gaussian: obsDim + 1 (Δs, then r). */
    public int outDim() {
        return obsDim + 1;
    }

    public DynamicsConfig config() {
        return cfg;
    }

    public int size() {
        return cfg.ensembleSize();
    }

    /** The members used for rollouts (lowest held-out error first after training). */
    public int[] elites() {
        return elites.clone();
    }

    void setElites(int[] e) {
        this.elites = e.clone();
    }

    ParamGroup members() {
        return members;
    }

    Mlp net() {
        return net;
    }

    Adam adam() {
        return adam;
    }

    double[] bounds() {
        return bounds;
    }

    double[] boundsGrad() {
        return boundsGrad;
    }

    HostAdam boundsAdam() {
        return boundsAdam;
    }

    DataType dataType() {
        return dataType;
    }

    /** A pass of {@code n} rows for training (members run one after another through it). */
    MlpPass trainPass(int n) {
        return trainPasses.computeIfAbsent(n, k -> new MlpPass(net, k, dataType));
    }

    /** Standardised network input rows (with the trailing 1) for {@code n} rows of (s, a). */
    double[] inputRows(double[] s, double[] a, int n) {
        int w = obsDim + actDim + 1;
        double[] x = new double[n * w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obsDim; j++) {
                x[i * w + j] = (s[i * obsDim + j] - inMean[j]) / inStd[j];
            }
            for (int j = 0; j < actDim; j++) {
                x[i * w + obsDim + j] = (a[i * actDim + j] - inMean[obsDim + j]) / inStd[obsDim + j];
            }
            x[i * w + w - 1] = 1;
        }
        return x;
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** The bounded log-variance of output {@code j} from the raw ℓ (the formula in the class comment). */
    double logVar(double raw, int j) {
        int d = outDim();
        double upper = bounds[j] - softplus(bounds[j] - raw);
        return bounds[d + j] + softplus(upper - bounds[d + j]);
    }

    /**
     * Mean and bounded log-variance of member {@code member} for {@code n} rows (row-major, D values each).
     *
     * @param mean out, n·D
     * @param logVar out, n·D
     */
    public void predict(int member, double[] s, double[] a, int n, double[] mean, double[] logVar) {
        if (n == 0) {
            return;
        }
        MlpPass p = new MlpPass(net, n, dataType);
        HostIO.write(inputRows(s, a, n), p.input());
        p.forward(members.weights(member));
        int d = outDim();
        double[] out = new double[n * 2 * d];
        p.readOutput(out);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[i * d + j] = out[i * 2 * d + j];
                logVar[i * d + j] = logVar(out[i * 2 * d + d + j], j);
            }
        }
    }

    /**
     * One model step for {@code n} rows: row i uses member {@code member[i]} and noise {@code eps[i·D ..]} ~ N(0, 1),
     * y = μ + σ·ε; {@code nextOut} gets s + y[0..obsDim) and {@code rewardOut} y[obsDim]. Rows are grouped by
     * member so that each member runs one batched forward pass.
     */
    public void sample(double[] s, double[] a, int n, int[] member, double[] eps, double[] nextOut,
                       double[] rewardOut) {
        int d = outDim();
        for (int k = 0; k < size(); k++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (member[i] == k) {
                    idx.add(i);
                }
            }
            int m = idx.size();
            if (m == 0) {
                continue;
            }
            double[] sk = new double[m * obsDim];
            double[] ak = new double[m * actDim];
            for (int r = 0; r < m; r++) {
                System.arraycopy(s, idx.get(r) * obsDim, sk, r * obsDim, obsDim);
                System.arraycopy(a, idx.get(r) * actDim, ak, r * actDim, actDim);
            }
            double[] mu = new double[m * d];
            double[] lv = new double[m * d];
            predict(k, sk, ak, m, mu, lv);
            for (int r = 0; r < m; r++) {
                int i = idx.get(r);
                for (int j = 0; j < d; j++) {
                    double y = mu[r * d + j] + Math.exp(0.5 * lv[r * d + j]) * eps[i * d + j];
                    if (j < obsDim) {
                        nextOut[i * obsDim + j] = s[i * obsDim + j] + y;
                    } else {
                        rewardOut[i] = y;
                    }
                }
            }
        }
    }

    /** Writes members, bounds, standardisation and elites to {@code file} atomically. */
    public void checkpoint(Path file) throws IOException {
        AtomicPublish.writeFile(file, out -> {
            StateWriter w = new StateWriter(out, "dynamics");
            w.longs("dims", obsDim, actDim).array("members", members.params()).doubles("bounds", bounds)
                    .doubles("in_mean", inMean).doubles("in_std", inStd);
            long[] e = new long[elites.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = elites[i];
            }
            w.longs("elites", e);
            w.finish();
        });
    }

    /** Reads a checkpoint written by {@link #checkpoint} (members of the sizes {@code cfg} gives). */
    public static DynamicsEnsemble load(Path file, DynamicsConfig cfg, DataType dataType) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            StateReader r = new StateReader(in);
            if (!"dynamics".equals(r.kind())) {
                throw new IOException(file + " is not a dynamics model checkpoint (kind '" + r.kind() + "')");
            }
            long[] dims = r.longs("dims");
            DynamicsEnsemble m = new DynamicsEnsemble((int) dims[0], (int) dims[1], cfg, r.doubles("in_mean"),
                    r.doubles("in_std"), dataType, new SeededRandom(0));
            r.into("members", m.members.params());
            double[] b = r.doubles("bounds");
            System.arraycopy(b, 0, m.bounds, 0, m.bounds.length);
            long[] e = r.longs("elites");
            int[] el = new int[e.length];
            for (int i = 0; i < e.length; i++) {
                el[i] = (int) e[i];
            }
            m.elites = el;
            return m;
        }
    }
}
