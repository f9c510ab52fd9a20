package io.oris.model.learner;

import io.oris.model.nn.HostMlp;
import java.util.random.RandomGenerator;

/**
 * A frozen copy of an actor as a {@link Policy}: either tanh-Gaussian (SAC family: output [μ, log σ]) or
 * deterministic (TD3+BC, BC: output tanh(μ), the same action whether or not {@code deterministic} is asked).
 */
public final class HostPolicy implements ExportablePolicy {
    private final HostMlp net;
    private final int actDim;
    private final boolean gaussian;
    private final double logStdMin;
    private final double logStdMax;
    private final double logStdMultiplier;
    private final double logStdOffset;

    /** A policy whose log σ is the network's output as it is (multiplier 1, offset 0). */
    public HostPolicy(HostMlp net, int actDim, boolean gaussian, double logStdMin, double logStdMax) {
        this(net, actDim, gaussian, logStdMin, logStdMax, 1.0, 0.0);
    }

    /** A tanh-Gaussian policy with log σ = clamp(m·ℓ + o) (see {@link io.oris.model.nn.TanhGaussianHead}). */
    public HostPolicy(HostMlp net, int actDim, boolean gaussian, double logStdMin, double logStdMax,
                      double logStdMultiplier, double logStdOffset) {
        this.net = net;
        this.actDim = actDim;
        this.gaussian = gaussian;
        this.logStdMin = logStdMin;
        this.logStdMax = logStdMax;
        this.logStdMultiplier = logStdMultiplier;
        this.logStdOffset = logStdOffset;
    }

    @Override
    public float[] act(float[] obs, boolean deterministic, RandomGenerator rng) {
        float[] out = net.forward(obs);
        float[] a = new float[actDim];
        for (int j = 0; j < actDim; j++) {
            double u = out[j];
            if (gaussian && !deterministic) {
                double ls = Math.max(logStdMin, Math.min(logStdMax,
                        logStdMultiplier * out[actDim + j] + logStdOffset));
                u += Math.exp(ls) * rng.nextGaussian();
            }
            a[j] = (float) Math.tanh(u);
        }
        return a;
    }

    @Override
    public PolicyExport export() {
        PolicyHead head = gaussian
                ? new PolicyHead.TanhGaussian(actDim, logStdMin, logStdMax, logStdMultiplier, logStdOffset)
                : new PolicyHead.DeterministicTanh(actDim);
        return new PolicyExport(net, head, null);
    }

    @Override
    public int obsDim() {
        return net.inputSize();
    }

    @Override
    public int actDim() {
        return actDim;
    }
}
