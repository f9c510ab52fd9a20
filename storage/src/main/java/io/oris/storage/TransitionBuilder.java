package io.oris.storage;

import java.util.Arrays;

/**
 * Collects transitions one at a time (as a rollout produces them) into growing primitive arrays and
 * hands them over as {@link TransitionArrays}. This is how the {@code collect} stage builds a dataset
 * before {@link DatasetStore#write}. Not thread-safe: one builder per rollout thread.
 */
public final class TransitionBuilder {
    private final int obsDim;
    private final int actionDim;
    private final int nq;
    private final int nv;
    private int rows;
    private long[] episode;
    private int[] t;
    private float[] obs;
    private float[] action;
    private float[] reward;
    private float[] nextObs;
    private boolean[] terminal;
    private boolean[] timeout;
    private double[] qpos;
    private double[] qvel;

    /** A builder for the given widths; nq and nv are 0 when no MuJoCo state is recorded. */
    public TransitionBuilder(int obsDim, int actionDim, int nq, int nv) {
        if (obsDim <= 0 || actionDim <= 0 || nq < 0 || nv < 0) {
            throw new IllegalArgumentException("bad dims: obs " + obsDim + ", action " + actionDim);
        }
        this.obsDim = obsDim;
        this.actionDim = actionDim;
        this.nq = nq;
        this.nv = nv;
        allocate(1024);
    }

    private void allocate(int capacity) {
        episode = Arrays.copyOf(episode == null ? new long[0] : episode, capacity);
        t = Arrays.copyOf(t == null ? new int[0] : t, capacity);
        obs = Arrays.copyOf(obs == null ? new float[0] : obs, capacity * obsDim);
        action = Arrays.copyOf(action == null ? new float[0] : action, capacity * actionDim);
        reward = Arrays.copyOf(reward == null ? new float[0] : reward, capacity);
        nextObs = Arrays.copyOf(nextObs == null ? new float[0] : nextObs, capacity * obsDim);
        terminal = Arrays.copyOf(terminal == null ? new boolean[0] : terminal, capacity);
        timeout = Arrays.copyOf(timeout == null ? new boolean[0] : timeout, capacity);
        if (nq > 0) {
            qpos = Arrays.copyOf(qpos == null ? new double[0] : qpos, capacity * nq);
        }
        if (nv > 0) {
            qvel = Arrays.copyOf(qvel == null ? new double[0] : qvel, capacity * nv);
        }
    }

    /**
     * Appends one transition. {@code qpos}/{@code qvel} must be given (length nq/nv) exactly when the
     * builder records state, else {@code null}.
     */
    public TransitionBuilder add(long episodeId, int step, float[] o, float[] a, float r, float[] nextO,
            boolean isTerminal, boolean isTimeout, double[] qp, double[] qv) {
        if (o.length != obsDim || nextO.length != obsDim || a.length != actionDim) {
            throw new IllegalArgumentException("transition widths obs " + o.length + ", next_obs " + nextO.length
                    + ", action " + a.length + " do not match obs " + obsDim + ", action " + actionDim);
        }
        if ((nq > 0) != (qp != null) || (nv > 0) != (qv != null)
                || (qp != null && qp.length != nq) || (qv != null && qv.length != nv)) {
            throw new IllegalArgumentException("qpos/qvel must have length nq " + nq + " / nv " + nv);
        }
        if (rows == episode.length) {
            allocate(Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 8, rows * 2L)));
        }
        episode[rows] = episodeId;
        t[rows] = step;
        System.arraycopy(o, 0, obs, rows * obsDim, obsDim);
        System.arraycopy(a, 0, action, rows * actionDim, actionDim);
        reward[rows] = r;
        System.arraycopy(nextO, 0, nextObs, rows * obsDim, obsDim);
        terminal[rows] = isTerminal;
        timeout[rows] = isTimeout;
        if (qp != null) {
            System.arraycopy(qp, 0, qpos, rows * nq, nq);
        }
        if (qv != null) {
            System.arraycopy(qv, 0, qvel, rows * nv, nv);
        }
        rows++;
        return this;
    }

    /** Transitions added so far. */
    public int rows() {
        return rows;
    }

    /** The collected transitions (trimmed copies; the builder may be reused afterwards). */
    public TransitionArrays build() {
        return new TransitionArrays(obsDim, actionDim, nq, nv,
                Arrays.copyOf(episode, rows), Arrays.copyOf(t, rows),
                Arrays.copyOf(obs, rows * obsDim), Arrays.copyOf(action, rows * actionDim),
                Arrays.copyOf(reward, rows), Arrays.copyOf(nextObs, rows * obsDim),
                Arrays.copyOf(terminal, rows), Arrays.copyOf(timeout, rows),
                nq > 0 ? Arrays.copyOf(qpos, rows * nq) : null, nv > 0 ? Arrays.copyOf(qvel, rows * nv) : null);
    }
}
