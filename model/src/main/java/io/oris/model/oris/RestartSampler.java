package io.oris.model.oris;

import java.util.random.RandomGenerator;

/**
 * ORIS's restart distribution ρ_G (Algorithm 1, line 8): {@code s0 = G(z) + N(0, σ²I)}, σ per dimension =
 * {@code noiseScale · std(offline states)}. The pipeline sets the simulator to s0 (docs/reference.md §1: root x = 0).
 */
public final class RestartSampler {
    private final StateGan gan;
    private final double[] sigma;

    public RestartSampler(StateGan gan, double noiseScale) {
        this.gan = gan;
        double[] std = gan.stateStd();
        this.sigma = new double[std.length];
        for (int j = 0; j < std.length; j++) {
            sigma[j] = noiseScale * std[j];
        }
    }

    /** One restart state. */
    public double[] sample(RandomGenerator rng) {
        double[] s = gan.generate(rng);
        for (int j = 0; j < s.length; j++) {
            s[j] += sigma[j] * rng.nextGaussian();
        }
        return s;
    }
}
