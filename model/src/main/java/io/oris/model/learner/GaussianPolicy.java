package io.oris.model.learner;

import io.oris.model.nn.GaussianHead;
import io.oris.model.nn.HostMlp;
import java.util.random.RandomGenerator;

/**
 * A frozen copy of IQL's Gaussian actor ({@link GaussianHead}: mean tanh(f(s)), state-independent σ) as a
 * {@link Policy}. As CORL's {@code GaussianPolicy.act}: the deterministic action is the mean, a stochastic one is
 * {@code μ + σ ε}; either is clipped to [−1, 1].
 */
public final class GaussianPolicy implements ExportablePolicy {
    private final HostMlp net;
    private final double[] logStd;
    private final double[] std;

    /** @param logStd the learned log σ (clamped here with {@code head}'s bounds) */
    public GaussianPolicy(HostMlp net, double[] logStd, GaussianHead head) {
        this(net, clamp(logStd, head));
        if (head.actDim() != logStd.length) {
            throw new IllegalArgumentException("log std has " + logStd.length + " values, head " + head.actDim());
        }
    }

    private GaussianPolicy(HostMlp net, double[] clampedLogStd) {
        if (net.outputSize() != clampedLogStd.length) {
            throw new IllegalArgumentException("actor has " + net.outputSize() + " outputs, log std "
                    + clampedLogStd.length + " values");
        }
        this.net = net;
        this.logStd = clampedLogStd.clone();
        this.std = new double[logStd.length];
        for (int j = 0; j < std.length; j++) {
            std[j] = Math.exp(logStd[j]);
        }
    }

    /** The policy of an export, whose log σ is already clamped ({@link PolicyHead.TanhMeanGaussian}). */
    static GaussianPolicy withClampedLogStd(HostMlp net, double[] clampedLogStd) {
        return new GaussianPolicy(net, clampedLogStd);
    }

    private static double[] clamp(double[] logStd, GaussianHead head) {
        double[] c = new double[logStd.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = head.clamp(logStd[j]);
        }
        return c;
    }

    @Override
    public float[] act(float[] obs, boolean deterministic, RandomGenerator rng) {
        float[] out = net.forward(obs);
        float[] a = new float[std.length];
        for (int j = 0; j < a.length; j++) {
            double x = Math.tanh(out[j]);
            if (!deterministic) {
                x += std[j] * rng.nextGaussian();
            }
            a[j] = (float) Math.max(-1, Math.min(1, x));
        }
        return a;
    }

    @Override
    public PolicyExport export() {
        return new PolicyExport(net, new PolicyHead.TanhMeanGaussian(logStd), null);
    }

    @Override
    public int obsDim() {
        return net.inputSize();
    }

    @Override
    public int actDim() {
        return std.length;
    }
}
