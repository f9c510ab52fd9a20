package io.oris.model.replay;

import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.random.RandomGenerator;

/**
 * The simulated transitions: a ring buffer whose capacity is {@link #DEFAULT_CAPACITY_FACTOR} × the offline size
 * (docs/reference.md §4); the oldest transition is overwritten when full. Uniform sampling with replacement.
 */
public final class SimulatedReplay {
    /** H2O's simulated buffer holds 10 × the offline dataset (docs/reference.md §4). */
    public static final int DEFAULT_CAPACITY_FACTOR = 10;
    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private final float[] obs;
    private final float[] act;
    private final float[] rew;
    private final float[] next;
    private final float[] done;
    private int size;
    private int head;

    public SimulatedReplay(int capacity, int obsDim, int actDim) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.obs = new float[capacity * obsDim];
        this.next = new float[capacity * obsDim];
        this.act = new float[capacity * actDim];
        this.rew = new float[capacity];
        this.done = new float[capacity];
    }

    /** A ring of 10 × {@code offlineSize}. */
    public static SimulatedReplay forOffline(int offlineSize, int obsDim, int actDim) {
        return new SimulatedReplay(DEFAULT_CAPACITY_FACTOR * offlineSize, obsDim, actDim);
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    /** Forgets every stored transition (the ring starts again at row 0). */
    public void clear() {
        size = 0;
        head = 0;
    }

    /** Appends one transition (overwriting the oldest when full). */
    public void add(float[] s, float[] a, double r, float[] s2, boolean terminal) {
        System.arraycopy(s, 0, obs, head * obsDim, obsDim);
        System.arraycopy(s2, 0, next, head * obsDim, obsDim);
        System.arraycopy(a, 0, act, head * actDim, actDim);
        rew[head] = (float) r;
        done[head] = terminal ? 1f : 0f;
        head = (head + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** {@code n} rows drawn uniformly with replacement from what is stored. */
    public Batch sample(int n, RandomGenerator rng) {
        if (size == 0) {
            throw new IllegalStateException("the simulated buffer is empty");
        }
        Batch b = Batch.allocate(n, obsDim, actDim);
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(size);
            System.arraycopy(obs, k * obsDim, b.obs(), i * obsDim, obsDim);
            System.arraycopy(next, k * obsDim, b.nextObs(), i * obsDim, obsDim);
            System.arraycopy(act, k * actDim, b.actions(), i * actDim, actDim);
            b.rewards()[i] = rew[k];
            b.done()[i] = done[k];
        }
        return b;
    }

    /**
     * Marks the checkpoint format that holds the filled rows only (a negative int where the full-ring format, read
     * still, starts with the positive capacity).
     */
    private static final int FILLED_ROWS_FORMAT = -2;

    /**
     * Writes the filled part of the ring and its position (for resuming a run exactly): the rows 0 .. size − 1 of each
     * column, since a ring fills from row 0 and wraps only once full. An early checkpoint of a large ring is then as
     * small as its content.
     */
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(FILLED_ROWS_FORMAT);
        d.writeInt(capacity);
        d.writeInt(obsDim);
        d.writeInt(actDim);
        d.writeInt(size);
        d.writeInt(head);
        int[] widths = {obsDim, actDim, 1, obsDim, 1};
        float[][] columns = {obs, act, rew, next, done};
        for (int c = 0; c < columns.length; c++) {
            int n = size * widths[c];
            for (int i = 0; i < n; i++) {
                d.writeFloat(columns[c][i]);
            }
        }
        d.flush();
    }

    /**
     * Writes the filled part of the ring (rows {@code 0 .. size-1}: every row once the ring has wrapped) and its
     * position into a learner state, as entries {@code name.position} (capacity, size, head) and
     * {@code name.obs}, {@code .act}, {@code .rew}, {@code .next}, {@code .done}: for learners that own a replay
     * (COMBO's model replay), so their snapshot is complete.
     */
    public void save(StateWriter w, String name) throws IOException {
        w.longs(name + ".position", capacity, size, head)
                .floats(name + ".obs", obs, 0, size * obsDim)
                .floats(name + ".act", act, 0, size * actDim)
                .floats(name + ".rew", rew, 0, size)
                .floats(name + ".next", next, 0, size * obsDim)
                .floats(name + ".done", done, 0, size);
    }

    /** Reads what {@link #save(StateWriter, String)} wrote into a ring of the same capacity and widths. */
    public void load(StateReader r, String name) throws IOException {
        long[] position = r.longs(name + ".position");
        if (position.length != 3 || position[0] != capacity || position[1] < 0 || position[1] > capacity
                || position[2] < 0 || position[2] >= capacity) {
            throw new IOException("learner state entry '" + name + ".position' is " + java.util.Arrays.toString(position)
                    + ", expected [capacity " + capacity + ", size <= capacity, head < capacity]");
        }
        int n = (int) position[1];
        copy(r, name + ".obs", obs, n * obsDim);
        copy(r, name + ".act", act, n * actDim);
        copy(r, name + ".rew", rew, n);
        copy(r, name + ".next", next, n * obsDim);
        copy(r, name + ".done", done, n);
        size = n;
        head = (int) position[2];
    }

    private static void copy(StateReader r, String entry, float[] target, int count) throws IOException {
        float[] v = r.floats(entry);
        if (v.length != count) {
            throw new IOException("learner state entry '" + entry + "' has " + v.length + " values, expected " + count);
        }
        System.arraycopy(v, 0, target, 0, count);
    }

    /** Reads what {@link #save} wrote (or the full-ring format of earlier versions) into a buffer of the same shape. */
    public void load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int first = d.readInt();
        boolean filledOnly = first == FILLED_ROWS_FORMAT;
        int cap = filledOnly ? d.readInt() : first;
        int o = d.readInt();
        int a = d.readInt();
        if (cap != capacity || o != obsDim || a != actDim) {
            throw new IOException("simulated buffer snapshot has capacity/obs/action " + cap + "/" + o + "/" + a
                    + ", this buffer " + capacity + "/" + obsDim + "/" + actDim);
        }
        int n = d.readInt();
        int h = d.readInt();
        if (n < 0 || n > capacity || h < 0 || h >= capacity || (n < capacity && h != n)) {
            throw new IOException("simulated buffer snapshot has size " + n + " and head " + h + " for capacity "
                    + capacity);
        }
        size = n;
        head = h;
        int[] widths = {obsDim, actDim, 1, obsDim, 1};
        float[][] columns = {obs, act, rew, next, done};
        for (int c = 0; c < columns.length; c++) {
            int rows = (filledOnly ? size : capacity) * widths[c];
            for (int i = 0; i < rows; i++) {
                columns[c][i] = d.readFloat();
            }
            java.util.Arrays.fill(columns[c], rows, columns[c].length, 0f);
        }
    }
}
