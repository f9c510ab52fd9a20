package io.oris.pipeline.train;

import io.oris.model.replay.Batch;
import io.oris.pipeline.rollout.TransitionSink;
import java.util.SplittableRandom;

/**
 * The simulated transitions of a hybrid run: a ring that keeps the newest {@code capacity} (10× the
 * offline dataset by default, as in H2O's implementation), sampled uniformly.
 */
public final class SimReplay implements TransitionSink {
    private final int obsDim;
    private final int actDim;
    private final int capacity;
    private final float[] obs;
    private final float[] next;
    private final float[] act;
    private final float[] rew;
    private final float[] done;
    private int size;
    private int head;
    private long added;

    public SimReplay(int obsDim, int actDim, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("simulated replay capacity must be >= 1, got " + capacity);
        }
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.capacity = capacity;
        this.obs = new float[capacity * obsDim];
        this.next = new float[capacity * obsDim];
        this.act = new float[capacity * actDim];
        this.rew = new float[capacity];
        this.done = new float[capacity];
    }

    @Override
    public void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminal) {
        for (int k = 0; k < obsDim; k++) {
            obs[head * obsDim + k] = (float) observation[k];
            next[head * obsDim + k] = (float) nextObservation[k];
        }
        for (int k = 0; k < actDim; k++) {
            act[head * actDim + k] = (float) action[k];
        }
        rew[head] = (float) reward;
        done[head] = terminal ? 1f : 0f;
        head = (head + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Transitions ever added (the ring keeps the newest {@link #capacity()}). */
    public long added() {
        return added;
    }

    /** Fills {@code batch} with uniformly drawn rows; the ring must not be empty. */
    public void sample(Batch batch, SplittableRandom rng) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty simulated replay");
        }
        for (int i = 0; i < batch.size(); i++) {
            int r = rng.nextInt(size);
            System.arraycopy(obs, r * obsDim, batch.obs(), i * obsDim, obsDim);
            System.arraycopy(next, r * obsDim, batch.nextObs(), i * obsDim, obsDim);
            System.arraycopy(act, r * actDim, batch.actions(), i * actDim, actDim);
            batch.rewards()[i] = rew[r];
            batch.done()[i] = done[r];
        }
    }
}
