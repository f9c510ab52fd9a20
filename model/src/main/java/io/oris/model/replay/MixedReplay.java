package io.oris.model.replay;

import java.util.random.RandomGenerator;

/**
 * Draws what a learner asks for ({@link BatchSpec}) from the fixed offline data and the simulated ring: the
 * learning batch (default 128 + 128 for the hybrids) and, where needed, the discriminators' own batches.
 */
public final class MixedReplay {
    private final OfflineReplay offline;
    private final SimulatedReplay simulated;

    /** Either source may be null when a method does not use it. */
    public MixedReplay(OfflineReplay offline, SimulatedReplay simulated) {
        this.offline = offline;
        this.simulated = simulated;
    }

    public OfflineReplay offline() {
        return offline;
    }

    public SimulatedReplay simulated() {
        return simulated;
    }

    public UpdateInput sample(BatchSpec spec, int obsDim, int actDim, RandomGenerator rng) {
        Batch off = spec.offline() > 0 ? need(offline, "offline").sample(spec.offline(), rng)
                : Batch.empty(obsDim, actDim);
        Batch sim = spec.simulated() > 0 ? need(simulated, "simulated").sample(spec.simulated(), rng)
                : Batch.empty(obsDim, actDim);
        if (!spec.needsDiscriminatorBatches()) {
            return new UpdateInput(off, sim, null, null);
        }
        return new UpdateInput(off, sim, need(offline, "offline").sample(spec.discriminatorOffline(), rng),
                need(simulated, "simulated").sample(spec.discriminatorSimulated(), rng));
    }

    private static <T> T need(T source, String name) {
        if (source == null) {
            throw new IllegalStateException("this method needs " + name + " data, none was given");
        }
        return source;
    }
}
