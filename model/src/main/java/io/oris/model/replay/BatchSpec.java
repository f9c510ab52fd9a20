package io.oris.model.replay;

/**
 * How many rows a learner wants per update from each source: the learning batch (offline + simulated) and, for
 * the methods with dynamics discriminators (H2O, DARC, ORIS-h2o_reweight), the discriminators' own real + simulated batch.
 */
public record BatchSpec(int offline, int simulated, int discriminatorOffline, int discriminatorSimulated) {
    public boolean needsDiscriminatorBatches() {
        return discriminatorOffline > 0 || discriminatorSimulated > 0;
    }
}
