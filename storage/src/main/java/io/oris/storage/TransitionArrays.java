package io.oris.storage;

import java.util.Arrays;

/**
 * A transition dataset held in memory as primitive column arrays: the form learners train on and the
 * form every reader produces and every writer consumes. Vector columns are flattened row-major
 * ({@code obs[row * obsDim + k]}); {@code qpos}/{@code qvel} are {@code null} when the source has none.
 * The arrays are shared, not copied: callers must not change them after handing them over.
 */
public final class TransitionArrays {
    private final int obsDim;
    private final int actionDim;
    private final int nq;
    private final int nv;
    private final int rows;
    private final long[] episode;
    private final int[] t;
    private final float[] obs;
    private final float[] action;
    private final float[] reward;
    private final float[] nextObs;
    private final boolean[] terminal;
    private final boolean[] timeout;
    private final double[] qpos;
    private final double[] qvel;

    /**
     * Wraps column arrays after checking that their lengths agree.
     *
     * @param qpos {@code rows × nq} or {@code null} (then nq must be 0)
     * @param qvel {@code rows × nv} or {@code null} (then nv must be 0)
     */
    public TransitionArrays(int obsDim, int actionDim, int nq, int nv, long[] episode, int[] t, float[] obs,
            float[] action, float[] reward, float[] nextObs, boolean[] terminal, boolean[] timeout,
            double[] qpos, double[] qvel) {
        if (obsDim <= 0 || actionDim <= 0 || nq < 0 || nv < 0) {
            throw new IllegalArgumentException("bad dims: obs " + obsDim + ", action " + actionDim + ", nq " + nq
                    + ", nv " + nv);
        }
        this.rows = episode.length;
        check("t", t.length, rows);
        check("obs", obs.length, (long) rows * obsDim);
        check("action", action.length, (long) rows * actionDim);
        check("reward", reward.length, rows);
        check("next_obs", nextObs.length, (long) rows * obsDim);
        check("terminal", terminal.length, rows);
        check("timeout", timeout.length, rows);
        if ((qpos == null) != (nq == 0) || (qvel == null) != (nv == 0)) {
            throw new IllegalArgumentException("qpos/qvel must be given exactly when nq/nv > 0 (nq " + nq + ", nv " + nv
                    + ", qpos " + (qpos == null ? "absent" : "present") + ", qvel "
                    + (qvel == null ? "absent" : "present") + ")");
        }
        if (qpos != null) {
            check("qpos", qpos.length, (long) rows * nq);
        }
        if (qvel != null) {
            check("qvel", qvel.length, (long) rows * nv);
        }
        this.obsDim = obsDim;
        this.actionDim = actionDim;
        this.nq = nq;
        this.nv = nv;
        this.episode = episode;
        this.t = t;
        this.obs = obs;
        this.action = action;
        this.reward = reward;
        this.nextObs = nextObs;
        this.terminal = terminal;
        this.timeout = timeout;
        this.qpos = qpos;
        this.qvel = qvel;
    }

    private static void check(String column, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("column " + column + " has " + actual + " values, expected " + expected);
        }
    }

    /** Number of transitions. */
    public int rows() {
        return rows;
    }

    public int obsDim() {
        return obsDim;
    }

    public int actionDim() {
        return actionDim;
    }

    /** qpos width, 0 when qpos is absent. */
    public int nq() {
        return nq;
    }

    /** qvel width, 0 when qvel is absent. */
    public int nv() {
        return nv;
    }

    /** True when qpos and qvel are present. */
    public boolean hasState() {
        return qpos != null && qvel != null;
    }

    /** Episode id per row; rows of one episode are contiguous and ordered by {@link #t()}. */
    public long[] episode() {
        return episode;
    }

    /** Step index within the episode per row. */
    public int[] t() {
        return t;
    }

    /** Observations, {@code rows × obsDim} row-major. */
    public float[] obs() {
        return obs;
    }

    /** Actions, {@code rows × actionDim} row-major. */
    public float[] action() {
        return action;
    }

    public float[] reward() {
        return reward;
    }

    /** Next observations, {@code rows × obsDim} row-major. */
    public float[] nextObs() {
        return nextObs;
    }

    /** True where the episode ended in a true terminal state (the Bellman target's done). */
    public boolean[] terminal() {
        return terminal;
    }

    /** True where the episode was cut by the time limit at this step (not a terminal state). */
    public boolean[] timeout() {
        return timeout;
    }

    /** MuJoCo qpos before the step, {@code rows × nq}, or {@code null}. */
    public double[] qpos() {
        return qpos;
    }

    /** MuJoCo qvel before the step, {@code rows × nv}, or {@code null}. */
    public double[] qvel() {
        return qvel;
    }

    /** Number of episodes (runs of equal consecutive episode ids). */
    public int episodeCount() {
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (i == 0 || episode[i] != episode[i - 1]) {
                count++;
            }
        }
        return count;
    }

    /** A copy of the rows {@code [from, to)}. */
    public TransitionArrays slice(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + rows + " rows");
        }
        return new TransitionArrays(obsDim, actionDim, nq, nv,
                Arrays.copyOfRange(episode, from, to), Arrays.copyOfRange(t, from, to),
                Arrays.copyOfRange(obs, from * obsDim, to * obsDim),
                Arrays.copyOfRange(action, from * actionDim, to * actionDim),
                Arrays.copyOfRange(reward, from, to),
                Arrays.copyOfRange(nextObs, from * obsDim, to * obsDim),
                Arrays.copyOfRange(terminal, from, to), Arrays.copyOfRange(timeout, from, to),
                qpos == null ? null : Arrays.copyOfRange(qpos, from * nq, to * nq),
                qvel == null ? null : Arrays.copyOfRange(qvel, from * nv, to * nv));
    }

    /** The dims record of this data under an env name. */
    public EnvDims dims(String env) {
        return new EnvDims(env, obsDim, actionDim, nq, nv);
    }
}
