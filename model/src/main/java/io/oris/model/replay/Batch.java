package io.oris.model.replay;

/**
 * A minibatch of transitions (s, a, r, s', done) as row-major float arrays: row i of {@code obs} is
 * {@code obs[i*obsDim .. (i+1)*obsDim)}. {@code done} is the terminal flag (1 = no bootstrap), never the time limit.
 */
public record Batch(int size, int obsDim, int actDim, float[] obs, float[] actions, float[] rewards, float[] nextObs,
                    float[] done) {
    public Batch {
        if (obs.length != size * obsDim || nextObs.length != size * obsDim || actions.length != size * actDim
                || rewards.length != size || done.length != size) {
            throw new IllegalArgumentException("batch arrays do not match size " + size + " × (" + obsDim + ", "
                    + actDim + ")");
        }
    }

    /** A batch with no rows (for methods that use only one source). */
    public static Batch empty(int obsDim, int actDim) {
        return new Batch(0, obsDim, actDim, new float[0], new float[0], new float[0], new float[0], new float[0]);
    }

    /** Allocates a batch of {@code size} zero rows, to be filled by a sampler. */
    public static Batch allocate(int size, int obsDim, int actDim) {
        return new Batch(size, obsDim, actDim, new float[size * obsDim], new float[size * actDim], new float[size],
                new float[size * obsDim], new float[size]);
    }
}
