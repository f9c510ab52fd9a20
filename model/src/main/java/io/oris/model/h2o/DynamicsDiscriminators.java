package io.oris.model.h2o;

import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.learner.SacLearner;
import io.oris.model.nn.Adam;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Batch;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * H2O's pair of dynamics discriminators (docs/reference.md §4): D_sa(s,a) and D_sas(s,a,s'), each an MLP with two outputs squashed
 * to {@code k·tanh(·)} logits; {@code p_sa = softmax(D_sa)}, {@code p_sas = softmax(D_sas + D_sa)}, index 0 = real.
 * Trained by cross-entropy on their own real and simulated batches with N(0, σ²) noise on every input.
 *
 * <p>The dynamics ratio {@code P_real/P_sim(s'|s,a) = p_sas[0]·p_sa[1] / (p_sas[1]·p_sa[0])} simplifies exactly to
 * {@code exp(D_sas[0] − D_sas[1])} because p_sas's logits contain D_sa's; it is computed in that form (only D_sas is
 * evaluated, and no probability is divided). DARC's reward correction is its logarithm.
 */
public final class DynamicsDiscriminators {
    private final int obsDim;
    private final int actDim;
    private final DiscriminatorConfig cfg;
    private final DataType dataType;
    private final Mlp dsa;
    private final Mlp dsas;
    private final ParamGroup group;
    private final Adam adam;
    private final Map<Integer, MlpPass[]> trainPasses = new HashMap<>();
    private final Map<Integer, MlpPass> evalPasses = new HashMap<>();
    private double[] noise = new double[0];

    public DynamicsDiscriminators(int obsDim, int actDim, DiscriminatorConfig cfg, DataType dataType,
                                  SeededRandom initRng) {
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.cfg = cfg;
        this.dataType = dataType;
        this.dsa = new Mlp(SacLearner.sizes(obsDim + actDim, cfg.hidden(), 2));
        this.dsas = new Mlp(SacLearner.sizes(2 * obsDim + actDim, cfg.hidden(), 2));
        this.group = ParamGroup.initialised(List.of(dsa, dsas), dataType, false, initRng, 0.0);
        this.adam = new Adam(group, cfg.lr());
    }

    public ParamGroup group() {
        return group;
    }

    public DiscriminatorConfig config() {
        return cfg;
    }

    /** Draws the input noise for one training step of {@code realRows + simRows} rows of (s, a, s'). */
    public void drawNoise(SeededRandom rng, int realRows, int simRows) {
        int n = (realRows + simRows) * (2 * obsDim + actDim);
        if (noise.length != n) {
            noise = new double[n];
        }
        rng.gaussians(noise, n);
    }

    /** The noise drawn last (rows real then sim; columns s, a, s'). */
    public double[] noise() {
        return noise;
    }

    /** One training step (loss, gradients, Adam); returns {dsa_loss, dsas_loss}. */
    public Map<String, Double> train(Batch real, Batch sim) {
        Map<String, Double> m = lossesAndGradients(real, sim);
        adam.step();
        return m;
    }

    /**
     * Cross-entropy losses of both discriminators on noisy inputs and their gradients (D_sa also receives D_sas's loss
     * gradient when configured, as in H2O's code); no parameter change.
     */
    public Map<String, Double> lossesAndGradients(Batch real, Batch sim) {
        int nr = real.size();
        int ns = sim.size();
        int n = nr + ns;
        int w = 2 * obsDim + actDim;
        if (noise.length != n * w) {
            throw new IllegalStateException("discriminator noise not drawn for " + n + " rows");
        }
        MlpPass[] p = trainPasses.computeIfAbsent(n, k -> new MlpPass[] {new MlpPass(dsa, k, dataType),
                new MlpPass(dsas, k, dataType)});
        double[] inSa = new double[n * (obsDim + actDim + 1)];
        double[] inSas = new double[n * (w + 1)];
        double sd = cfg.inputNoise();
        for (int i = 0; i < n; i++) {
            Batch b = i < nr ? real : sim;
            int r = i < nr ? i : i - nr;
            for (int j = 0; j < w; j++) {
                double x;
                if (j < obsDim) {
                    x = b.obs()[r * obsDim + j];
                } else if (j < obsDim + actDim) {
                    x = b.actions()[r * actDim + j - obsDim];
                } else {
                    x = b.nextObs()[r * obsDim + j - obsDim - actDim];
                }
                x += sd * noise[i * w + j];
                inSas[i * (w + 1) + j] = x;
                if (j < obsDim + actDim) {
                    inSa[i * (obsDim + actDim + 1) + j] = x;
                }
            }
            inSas[i * (w + 1) + w] = 1;
            inSa[i * (obsDim + actDim + 1) + obsDim + actDim] = 1;
        }
        HostIO.write(inSa, p[0].input());
        HostIO.write(inSas, p[1].input());
        p[0].forward(group.weights(0));
        p[1].forward(group.weights(1));
        double[] oSa = new double[2 * n];
        double[] oSas = new double[2 * n];
        p[0].readOutput(oSa);
        p[1].readOutput(oSas);
        double k = cfg.outputScale();
        double lossSa = 0;
        double lossSas = 0;
        double[] dSa = new double[2 * n];
        double[] dSas = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int label = i < nr ? 0 : 1;
            double weight = i < nr ? 1.0 / nr : 1.0 / ns;
            double ta0 = Math.tanh(oSa[2 * i]);
            double ta1 = Math.tanh(oSa[2 * i + 1]);
            double ts0 = Math.tanh(oSas[2 * i]);
            double ts1 = Math.tanh(oSas[2 * i + 1]);
            double la0 = k * ta0;
            double la1 = k * ta1;
            double z0 = k * ts0 + la0;
            double z1 = k * ts1 + la1;
            double[] pa = softmax2(la0, la1);
            double[] ps = softmax2(z0, z1);
            lossSa += -weight * logSoftmax2(la0, la1, label);
            lossSas += -weight * logSoftmax2(z0, z1, label);
            double gs0 = weight * (ps[0] - (label == 0 ? 1 : 0));
            double gs1 = weight * (ps[1] - (label == 1 ? 1 : 0));
            double ga0 = weight * (pa[0] - (label == 0 ? 1 : 0));
            double ga1 = weight * (pa[1] - (label == 1 ? 1 : 0));
            if (cfg.dsaLearnsFromSasLoss()) {
                ga0 += gs0;
                ga1 += gs1;
            }
            dSas[2 * i] = gs0 * k * (1 - ts0 * ts0);
            dSas[2 * i + 1] = gs1 * k * (1 - ts1 * ts1);
            dSa[2 * i] = ga0 * k * (1 - ta0 * ta0);
            dSa[2 * i + 1] = ga1 * k * (1 - ta1 * ta1);
        }
        p[0].writeOutputGrad(dSa);
        p[1].writeOutputGrad(dSas);
        p[0].backward(group.weights(0), group.gradients(0), 0, n, 0, n, false, false);
        p[1].backward(group.weights(1), group.gradients(1), 0, n, 0, n, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("dsa_loss", lossSa);
        m.put("dsas_loss", lossSas);
        return m;
    }

    static double[] softmax2(double a, double b) {
        double mx = Math.max(a, b);
        double ea = Math.exp(a - mx);
        double eb = Math.exp(b - mx);
        return new double[] {ea / (ea + eb), eb / (ea + eb)};
    }

    static double logSoftmax2(double a, double b, int index) {
        double mx = Math.max(a, b);
        double lse = mx + Math.log(Math.exp(a - mx) + Math.exp(b - mx));
        return (index == 0 ? a : b) - lse;
    }

    /**
     * log P_sim/P_real(s'|s,a) = D_sas[1] − D_sas[0] (in logits after k·tanh) for {@code n} rows of (s, a, s') given
     * as row-major host arrays (no noise).
     */
    public void logSimOverReal(double[] obs, double[] act, double[] next, int n, double[] out) {
        int w = 2 * obsDim + actDim + 1;
        MlpPass p = evalPasses.computeIfAbsent(n, k -> new MlpPass(dsas, k, dataType));
        double[] in = new double[n * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(obs, i * obsDim, in, i * w, obsDim);
            System.arraycopy(act, i * actDim, in, i * w + obsDim, actDim);
            System.arraycopy(next, i * obsDim, in, i * w + obsDim + actDim, obsDim);
            in[i * w + w - 1] = 1;
        }
        HostIO.write(in, p.input());
        p.forward(group.weights(1));
        double[] o = new double[2 * n];
        p.readOutput(o);
        double k = cfg.outputScale();
        for (int i = 0; i < n; i++) {
            out[i] = k * (Math.tanh(o[2 * i + 1]) - Math.tanh(o[2 * i]));
        }
    }

    public void save(StateWriter w, String prefix) throws IOException {
        w.array(prefix + ".params", group.params());
        adam.save(w, prefix + ".adam");
    }

    public void load(StateReader r, String prefix) throws IOException {
        r.into(prefix + ".params", group.params());
        adam.load(r, prefix + ".adam");
    }
}
