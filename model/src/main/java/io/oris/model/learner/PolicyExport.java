package io.oris.model.learner;

import io.oris.model.nn.HostMlp;

/**
 * Everything a trained actor needs to act, and nothing else: the float32 network (ReLU hidden layers, linear
 * output), the {@link PolicyHead} that turns outputs into actions, and the observation normalisation the learner
 * trained with (TD3+BC's {@link StateNormalizer}; null when observations go in raw). Written as a policy snapshot
 * by {@code io.oris.model.policy.PolicyFiles}; {@link #policy()} rebuilds a policy that acts bit for bit as the one
 * exported.
 */
public record PolicyExport(HostMlp net, PolicyHead head, StateNormalizer normalizer) {
    public PolicyExport {
        if (net.outputSize() != head.outputs()) {
            throw new IllegalArgumentException("the " + head.kind() + " head reads " + head.outputs()
                    + " outputs, the network has " + net.outputSize());
        }
        if (normalizer != null && normalizer.obsDim() != net.inputSize()) {
            throw new IllegalArgumentException("the network takes " + net.inputSize() + " inputs, the normaliser "
                    + normalizer.obsDim());
        }
    }

    public int obsDim() {
        return net.inputSize();
    }

    public int actDim() {
        return head.actDim();
    }

    /** The same export with observations normalised by {@code n} first. */
    public PolicyExport withNormalizer(StateNormalizer n) {
        return new PolicyExport(net, head, n);
    }

    /** A policy acting exactly as the exported one. */
    public ExportablePolicy policy() {
        ExportablePolicy p;
        if (head instanceof PolicyHead.TanhGaussian g) {
            p = new HostPolicy(net, g.actDim(), true, g.logStdMin(), g.logStdMax(), g.multiplier(), g.offset());
        } else if (head instanceof PolicyHead.TanhMeanGaussian g) {
            p = GaussianPolicy.withClampedLogStd(net, g.logStd());
        } else {
            p = new HostPolicy(net, head.actDim(), false, 0, 0);
        }
        return normalizer == null ? p : new NormalizingPolicy(p, normalizer);
    }
}
