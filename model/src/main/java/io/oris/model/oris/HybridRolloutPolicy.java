package io.oris.model.oris;

import io.oris.model.learner.Policy;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * ORIS's hybrid rollout policy (Algorithm 1, line 6): the uniform random policy with probability p, else the current
 * policy. The choice is redrawn at the configured granularity: once per epoch (Algorithm 1 as written), once per
 * rollout, or at every step (ε-greedy). The rollout code calls {@link #beginEpoch} and {@link #beginRollout}.
 */
public final class HybridRolloutPolicy implements Policy {
    /** When the random-vs-current choice is redrawn. */
    public enum Granularity {
        EPOCH, ROLLOUT, STEP;

        public static Granularity parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final double p;
    private final Granularity granularity;
    private final RandomGenerator rng;
    private Policy current;
    private boolean random;

    /**
     * @param rng draws the choices and the random actions (the caller's own stream, for reproducibility)
     */
    public HybridRolloutPolicy(double p, Granularity granularity, RandomGenerator rng) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("random-action probability must be in [0, 1]: " + p);
        }
        this.p = p;
        this.granularity = granularity;
        this.rng = rng;
    }

    /** New epoch: takes the learner's current policy and, at EPOCH granularity, redraws the choice. */
    public void beginEpoch(Policy currentPolicy) {
        this.current = currentPolicy;
        if (granularity == Granularity.EPOCH) {
            random = rng.nextDouble() < p;
        }
    }

    /** New rollout: acts with the learner's policy as it is now and, at ROLLOUT granularity, redraws the choice. */
    public void beginRollout(Policy currentPolicy) {
        this.current = currentPolicy;
        beginRollout();
    }

    /** New rollout: at ROLLOUT granularity, redraws the choice. */
    public void beginRollout() {
        if (granularity == Granularity.ROLLOUT) {
            random = rng.nextDouble() < p;
        }
    }

    /** Whether the random policy is acting now (EPOCH / ROLLOUT granularity). */
    public boolean isRandom() {
        return random;
    }

    @Override
    public float[] act(float[] obs, boolean deterministic, RandomGenerator actionRng) {
        if (current == null) {
            throw new IllegalStateException("call beginEpoch with the current policy first");
        }
        boolean useRandom = granularity == Granularity.STEP ? rng.nextDouble() < p : random;
        if (useRandom) {
            float[] a = new float[current.actDim()];
            for (int j = 0; j < a.length; j++) {
                a[j] = (float) (2 * rng.nextDouble() - 1);
            }
            return a;
        }
        return current.act(obs, deterministic, actionRng);
    }

    @Override
    public int obsDim() {
        return current.obsDim();
    }

    @Override
    public int actDim() {
        return current.actDim();
    }
}
