package io.oris.model.replay;

import java.util.random.RandomGenerator;

/** The fixed offline dataset: uniform sampling with replacement, never modified. */
public final class OfflineReplay {
    private final Transitions data;

    public OfflineReplay(Transitions data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the offline dataset is empty");
        }
        this.data = data;
    }

    public int size() {
        return data.size();
    }

    public Transitions data() {
        return data;
    }

    /** {@code n} rows drawn uniformly with replacement. */
    public Batch sample(int n, RandomGenerator rng) {
        Batch b = Batch.allocate(n, data.obsDim(), data.actDim());
        int o = data.obsDim();
        int a = data.actDim();
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(data.size());
            System.arraycopy(data.obs(), k * o, b.obs(), i * o, o);
            System.arraycopy(data.nextObs(), k * o, b.nextObs(), i * o, o);
            System.arraycopy(data.actions(), k * a, b.actions(), i * a, a);
            b.rewards()[i] = data.rewards()[k];
            b.done()[i] = data.done()[k];
        }
        return b;
    }
}
