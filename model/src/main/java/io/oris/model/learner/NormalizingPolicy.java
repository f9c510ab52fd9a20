package io.oris.model.learner;

import java.util.random.RandomGenerator;

/**
 * A policy trained on standardised states, offered to callers that hold raw observations (rollouts, the evaluator):
 * each observation goes through the training data's {@link StateNormalizer} before the inner policy acts, as CORL
 * wraps its evaluation environment. Keeps the inner policy's thread-safety.
 */
public final class NormalizingPolicy implements ExportablePolicy {
    private final ExportablePolicy inner;
    private final StateNormalizer normalizer;

    public NormalizingPolicy(ExportablePolicy inner, StateNormalizer normalizer) {
        if (inner.obsDim() != normalizer.obsDim()) {
            throw new IllegalArgumentException("policy takes " + inner.obsDim() + " state dimensions, normaliser "
                    + normalizer.obsDim());
        }
        this.inner = inner;
        this.normalizer = normalizer;
    }

    @Override
    public float[] act(float[] obs, boolean deterministic, RandomGenerator rng) {
        return inner.act(normalizer.apply(obs), deterministic, rng);
    }

    @Override
    public PolicyExport export() {
        PolicyExport e = inner.export();
        if (e.normalizer() != null) {
            throw new IllegalStateException("policy already normalises its observations");
        }
        return e.withNormalizer(normalizer);
    }

    @Override
    public int obsDim() {
        return inner.obsDim();
    }

    @Override
    public int actDim() {
        return inner.actDim();
    }
}
