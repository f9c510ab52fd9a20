package io.oris.model.oris;

import io.oris.model.config.GanConfig;
import io.oris.model.nn.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Pre-trains ORIS's {@link StateGan} on offline states (Algorithm 1, line 4): minibatches of real states drawn
 * uniformly with replacement, one simultaneous D and G step per iteration, a curve point every
 * {@code curveEvery} steps (averaged over those steps).
 */
public final class GanTrainer {
    /** One point of the training curves: means over the steps since the previous point. */
    public record CurvePoint(int step, double dLoss, double gLoss, double dReal, double dFake) {
    }

    /** The trained GAN and its curves. */
    public record Result(StateGan gan, List<CurvePoint> curves) {
    }

    private final GanConfig cfg;
    private final long seed;

    public GanTrainer(GanConfig cfg, long seed) {
        this.cfg = cfg;
        this.seed = seed;
    }

    /** Trains a new GAN on {@code states} (rows) for {@code cfg.steps()} steps. */
    public Result pretrain(float[][] states) {
        return pretrain(states, DataType.FLOAT);
    }

    public Result pretrain(float[][] states, DataType dataType) {
        int n = states.length;
        if (n == 0) {
            throw new IllegalArgumentException("GAN pre-training needs at least one state");
        }
        int d = states[0].length;
        float[] flat = new float[n * d];
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (int i = 0; i < n; i++) {
            if (states[i].length != d) {
                throw new IllegalArgumentException("state " + i + " has " + states[i].length + " values, not " + d);
            }
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = states[i][j];
                mean[j] += states[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = states[i][j] - mean[j];
                sq[j] += c * c;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(sq[j] / n);
        }
        SeededRandom rng = new SeededRandom(seed);
        StateGan gan = new StateGan(d, cfg, mean, std, dataType, rng);
        int b = cfg.batch();
        float[] batch = new float[b * d];
        double[] z = new double[b * gan.noiseDim()];
        List<CurvePoint> curves = new ArrayList<>();
        double[] acc = new double[4];
        int accN = 0;
        for (int step = 1; step <= cfg.steps(); step++) {
            for (int i = 0; i < b; i++) {
                System.arraycopy(flat, rng.nextInt(n) * d, batch, i * d, d);
            }
            rng.gaussians(z, z.length);
            Map<String, Double> m = gan.lossesAndGradients(gan.standardise(batch, b), z, b);
            for (String k : m.keySet()) {
                if (!Double.isFinite(m.get(k))) {
                    throw new io.oris.model.learner.NonFiniteLossException("gan", k, step, m.get(k));
                }
            }
            gan.applyGradients();
            acc[0] += m.get("d_loss");
            acc[1] += m.get("g_loss");
            acc[2] += m.get("d_real");
            acc[3] += m.get("d_fake");
            accN++;
            if (step % cfg.curveEvery() == 0 || step == cfg.steps()) {
                curves.add(new CurvePoint(step, acc[0] / accN, acc[1] / accN, acc[2] / accN, acc[3] / accN));
                acc = new double[4];
                accN = 0;
            }
        }
        return new Result(gan, curves);
    }
}
