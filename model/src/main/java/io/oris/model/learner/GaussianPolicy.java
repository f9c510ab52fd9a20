package io.oris.model.learner;

import io.oris.model.nn.GaussianHead;
import io.oris.model.nn.HostMlp;
import java.util.random.RandomGenerator;

/**
 * A frozen copy of IQL's Gaussian actor ({@link GaussianHead}: mean tanh(f(s)), state-independent σ) as a
 * {@link Policy}. As CORL's {@code GaussianPolicy.act}: the deterministic action is the mean, a stochastic one is
 * {@code μ + σ ε}; either is clipped to [−1, 1].
 */
public final class GaussianPolicy implements Policy {
    private final HostMlp net;
    private final double[] std;

    /** @param logStd the learned log σ (clamped here with {@code head}'s bounds) */
    public GaussianPolicy(HostMlp net, double[] logStd, GaussianHead head) {
        if (net.outputSize() != logStd.length || head.actDim() != logStd.length) {
            throw new IllegalArgumentException("actor has " + net.outputSize() + " outputs, log std "
                    + logStd.length + " values, head " + head.actDim());
        }
        this.net = net;
        this.std = new double[logStd.length];
        for (int j = 0; j < std.length; j++) {
            std[j] = Math.exp(head.clamp(logStd[j]));
        }
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
    public int obsDim() {
        return net.inputSize();
    }

    @Override
    public int actDim() {
        return std.length;
    }
}
