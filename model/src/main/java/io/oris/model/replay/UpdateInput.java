package io.oris.model.replay;

/**
 * Everything one learner update consumes: the learning batch split by source (either part may be empty, depending on
 * the method) and the discriminators' own batches (null when the method has no dynamics discriminators).
 */
public record UpdateInput(Batch offline, Batch simulated, Batch discriminatorOffline, Batch discriminatorSimulated) {
    /** Learning batches only. */
    public static UpdateInput of(Batch offline, Batch simulated) {
        return new UpdateInput(offline, simulated, null, null);
    }
}
