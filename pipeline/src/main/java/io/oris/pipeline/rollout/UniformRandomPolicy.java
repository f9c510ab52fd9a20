package io.oris.pipeline.rollout;

import java.util.SplittableRandom;

/** Uniform actions in [−1, 1]^d: the D4RL "random" behaviour policy and the random half of ORIS's hybrid policy. */
public final class UniformRandomPolicy implements ActionPolicy {
    private final int actionDim;
    private final SplittableRandom rng;

    public UniformRandomPolicy(int actionDim, long seed) {
        this.actionDim = actionDim;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public double[] act(double[] observation, boolean deterministic) {
        double[] a = new double[actionDim];
        for (int i = 0; i < actionDim; i++) {
            a[i] = rng.nextDouble(-1.0, 1.0);
        }
        return a;
    }
}
