package io.oris.model.oris;

import io.oris.model.config.GanConfig;
import io.oris.storage.AtomicPublish;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.learner.SacLearner;
import io.oris.model.nn.Adam;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.HostMlp;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.SeededRandom;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * ORIS's GAN on offline states (Eq. 3-5): generator G(z), z ~ N(0, I), and discriminator D(s) = σ(logit), both ReLU
 * MLPs. States are standardised with the dataset's per-dimension mean and std inside the GAN (G produces standardised
 * states, D reads them), so one learning rate suits every state dimension; {@link #generate} and
 * {@link #discriminate} take and return raw states.
 *
 * <p>One training step computes both gradients at the same (G_k, D_k), as Eq. 4 and 5 write it, then steps both.
 */
public final class StateGan {
    private final int obsDim;
    private final int noiseDim;
    private final GanConfig cfg;
    private final DataType dataType;
    private final Mlp gen;
    private final Mlp dis;
    private final ParamGroup gGroup;
    private final ParamGroup dGroup;
    private final Adam gAdam;
    private final Adam dAdam;
    private final double[] mean;
    private final double[] std;
    private final Map<Integer, MlpPass> dPasses = new HashMap<>();
    private MlpPass gPass;
    private MlpPass dTrain;
    private HostMlp hostGen;

    public StateGan(int obsDim, GanConfig cfg, double[] mean, double[] std, DataType dataType, SeededRandom initRng) {
        this.obsDim = obsDim;
        this.noiseDim = cfg.noiseDim() > 0 ? cfg.noiseDim() : obsDim;
        this.cfg = cfg;
        this.dataType = dataType;
        this.gen = new Mlp(SacLearner.sizes(noiseDim, cfg.generatorHidden(), obsDim));
        this.dis = new Mlp(SacLearner.sizes(obsDim, cfg.discriminatorHidden(), 1));
        this.gGroup = ParamGroup.initialised(List.of(gen), dataType, false, initRng, 0.0);
        this.dGroup = ParamGroup.initialised(List.of(dis), dataType, false, initRng, 0.0);
        this.gAdam = new Adam(gGroup, cfg.lr(), cfg.beta1(), 0.999, 1e-8);
        this.dAdam = new Adam(dGroup, cfg.lr(), cfg.beta1(), 0.999, 1e-8);
        this.mean = mean.clone();
        this.std = std.clone();
        for (int j = 0; j < obsDim; j++) {
            if (!(this.std[j] > 1e-8)) {
                this.std[j] = 1.0; // constant dimension: nothing to scale
            }
        }
    }

    public int obsDim() {
        return obsDim;
    }

    public int noiseDim() {
        return noiseDim;
    }

    public GanConfig config() {
        return cfg;
    }

    public ParamGroup generatorGroup() {
        return gGroup;
    }

    public ParamGroup discriminatorGroup() {
        return dGroup;
    }

    /** The standardised form of raw state rows. */
    public double[] standardise(float[] states, int n) {
        double[] out = new double[n * obsDim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obsDim; j++) {
                out[i * obsDim + j] = (states[i * obsDim + j] - mean[j]) / std[j];
            }
        }
        return out;
    }

    /**
     * Losses and gradients of Eq. 5 (discriminator, as a loss to minimise: −log D(s) − log(1 − D(G(z)))) and Eq. 4
     * (generator: log(1 − D(G(z))), or −log D(G(z)) when configured non-saturating) at the current parameters.
     *
     * @param real standardised real states, {@code b} rows
     * @param z generator noise, {@code b × noiseDim}
     */
    public Map<String, Double> lossesAndGradients(double[] real, double[] z, int b) {
        if (gPass == null || gPass.rows() != b) {
            gPass = new MlpPass(gen, b, dataType);
            dTrain = new MlpPass(dis, 2 * b, dataType);
        }
        double[] gin = new double[b * (noiseDim + 1)];
        for (int i = 0; i < b; i++) {
            System.arraycopy(z, i * noiseDim, gin, i * (noiseDim + 1), noiseDim);
            gin[i * (noiseDim + 1) + noiseDim] = 1;
        }
        HostIO.write(gin, gPass.input());
        gPass.forward(gGroup.weights(0));
        double[] fake = new double[b * obsDim];
        gPass.readOutput(fake);
        double[] din = new double[2 * b * (obsDim + 1)];
        for (int i = 0; i < 2 * b; i++) {
            double[] src = i < b ? real : fake;
            int r = i < b ? i : i - b;
            System.arraycopy(src, r * obsDim, din, i * (obsDim + 1), obsDim);
            din[i * (obsDim + 1) + obsDim] = 1;
        }
        HostIO.write(din, dTrain.input());
        dTrain.forward(dGroup.weights(0));
        double[] logit = new double[2 * b];
        dTrain.readOutput(logit);
        double lossD = 0;
        double lossG = 0;
        double dReal = 0;
        double dFake = 0;
        double[] gradD = new double[2 * b];
        double[] gradG = new double[2 * b];
        for (int i = 0; i < 2 * b; i++) {
            double l = logit[i];
            double s = sigmoid(l);
            if (i < b) {
                lossD += softplus(-l) / b;
                gradD[i] = (s - 1) / b;
                dReal += s / b;
            } else {
                lossD += softplus(l) / b;
                gradD[i] = s / b;
                dFake += s / b;
                if (cfg.nonSaturating()) {
                    lossG += softplus(-l) / b;
                    gradG[i] = (s - 1) / b;
                } else {
                    lossG += -softplus(l) / b;
                    gradG[i] = -s / b;
                }
            }
        }
        dTrain.writeOutputGrad(gradD);
        dTrain.backward(dGroup.weights(0), dGroup.gradients(0), 0, 2 * b, 0, 2 * b, false, false);
        dTrain.writeOutputGrad(gradG);
        dTrain.backward(dGroup.weights(0), null, b, 2 * b, b, b, false, true);
        double[] dx = new double[2 * b * (obsDim + 1)];
        HostIO.read(dTrain.inputGrad(), dx, dx.length);
        double[] dFakeOut = new double[b * obsDim];
        for (int i = 0; i < b; i++) {
            System.arraycopy(dx, (b + i) * (obsDim + 1), dFakeOut, i * obsDim, obsDim);
        }
        gPass.writeOutputGrad(dFakeOut);
        gPass.backward(gGroup.weights(0), gGroup.gradients(0), 0, b, 0, b, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("d_loss", lossD);
        m.put("g_loss", lossG);
        m.put("d_real", dReal);
        m.put("d_fake", dFake);
        return m;
    }

    /** Steps both networks from the gradients of {@link #lossesAndGradients}. */
    public void applyGradients() {
        dAdam.step();
        gAdam.step();
        hostGen = null;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** D(s) ∈ (0, 1) for {@code n} raw state rows. */
    public double[] discriminate(double[] rawStates, int n) {
        MlpPass p = dPasses.computeIfAbsent(n, k -> new MlpPass(dis, k, dataType));
        double[] in = new double[n * (obsDim + 1)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obsDim; j++) {
                in[i * (obsDim + 1) + j] = (rawStates[i * obsDim + j] - mean[j]) / std[j];
            }
            in[i * (obsDim + 1) + obsDim] = 1;
        }
        HostIO.write(in, p.input());
        p.forward(dGroup.weights(0));
        double[] out = new double[n];
        p.readOutput(out);
        for (int i = 0; i < n; i++) {
            out[i] = sigmoid(out[i]);
        }
        return out;
    }

    /** One raw state G(z) with z ~ N(0, I) from {@code rng} (plain-Java forward). */
    public double[] generate(RandomGenerator rng) {
        if (hostGen == null) {
            hostGen = new HostMlp(gen, HostIO.toHost(gGroup.params()), 0);
        }
        float[] z = new float[noiseDim];
        for (int i = 0; i < noiseDim; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        float[] g = hostGen.forward(z);
        double[] s = new double[obsDim];
        for (int j = 0; j < obsDim; j++) {
            s[j] = mean[j] + std[j] * g[j];
        }
        return s;
    }

    /** Per-dimension std of the offline states (as given at construction; constant dimensions report 1). */
    public double[] stateStd() {
        return std.clone();
    }

    /** Writes generator, discriminator, optimiser moments and the standardisation to {@code file} atomically. */
    public void checkpoint(Path file) throws IOException {
        AtomicPublish.writeFile(file, out -> {
            StateWriter w = new StateWriter(out, "gan");
            w.array("g", gGroup.params()).array("d", dGroup.params()).doubles("mean", mean).doubles("std", std)
                    .longs("dims", obsDim, noiseDim);
            gAdam.save(w, "g.adam");
            dAdam.save(w, "d.adam");
            w.finish();
        });
    }

    /** Reads a checkpoint written by {@link #checkpoint} into a GAN of the same sizes. */
    public static StateGan load(Path file, GanConfig cfg, DataType dataType) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            StateReader r = new StateReader(in);
            long[] dims = r.longs("dims");
            GanConfig c = cfg.noiseDim() == dims[1] ? cfg : cfg.withNoiseDim((int) dims[1]);
            StateGan gan = new StateGan((int) dims[0], c, r.doubles("mean"), r.doubles("std"), dataType,
                    new SeededRandom(0));
            r.into("g", gan.gGroup.params());
            r.into("d", gan.dGroup.params());
            gan.gAdam.load(r, "g.adam");
            gan.dAdam.load(r, "d.adam");
            return gan;
        }
    }
}
