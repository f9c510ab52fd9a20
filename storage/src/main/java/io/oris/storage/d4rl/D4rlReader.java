package io.oris.storage.d4rl;

import io.jhdf.HdfFile;
import io.oris.storage.BadInputException;
import io.oris.storage.TransitionArrays;

/**
 * Converts (a row range of) a D4RL file into {@link TransitionArrays}, the D4RL way by default:
 * <ul>
 *   <li>an episode ends at a terminal or a timeout; episode ids count from 0 in file order, {@code t} counts
 *       steps within the episode;</li>
 *   <li>the timeout step's transition is dropped (its next observation is not real) and done =
 *       {@code terminals}; the row before it, now the episode's last, gets {@code timeout = true} so the
 *       truncation stays visible. With {@code keepTimeouts} the step is kept with {@code timeout = true};</li>
 *   <li>without {@code next_observations}, next obs = obs[i+1] as D4RL's {@code qlearning_dataset} does
 *       (for a terminal row that is the following row; its value is masked by done), and the file's last
 *       row, which has no successor, is dropped;</li>
 *   <li>rewards of shape [N] or [N,1]; float64 arrays narrowed to float32 (the contract's type);
 *       {@code infos/qpos}/{@code infos/qvel} kept as float64 when both are present;</li>
 *   <li>NaN or infinity anywhere fails with the key and row.</li>
 * </ul>
 */
public final class D4rlReader {
    private D4rlReader() {
    }

    /** Reads the whole file. */
    public static TransitionArrays read(D4rlLayout layout, D4rlOptions options) {
        return read(layout, options, new D4rlLayout.RowRange(0, 0, layout.rows(), 0));
    }

    /** Reads the rows of one range of whole episodes (see {@link D4rlLayout#split}). */
    public static TransitionArrays read(D4rlLayout layout, D4rlOptions options, D4rlLayout.RowRange range) {
        try {
            return readUnchecked(layout, options, range);
        } catch (BadInputException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw D4rlLayout.corrupt(layout.path(), e);
        }
    }

    private static TransitionArrays readUnchecked(D4rlLayout layout, D4rlOptions options, D4rlLayout.RowRange range) {
        int n = layout.rows();
        int a = range.start();
        int b = range.end();
        int od = layout.dims().obsDim();
        int ad = layout.dims().actionDim();
        int nq = layout.dims().nq();
        int nv = layout.dims().nv();
        try (HdfFile hdf = D4rlLayout.open(layout.path())) {
            Hdf5Columns cols = new Hdf5Columns(layout.path(), hdf);
            int obsEnd = layout.hasNextObs() ? b : Math.min(b + 1, n);
            float[] obs = cols.floats(D4rlLayout.OBS, cols.require(D4rlLayout.OBS), a, obsEnd);
            float[] act = cols.floats(D4rlLayout.ACTIONS, cols.require(D4rlLayout.ACTIONS), a, b);
            float[] rew = cols.floats(D4rlLayout.REWARDS, cols.require(D4rlLayout.REWARDS), a, b);
            boolean[] term = cols.booleans(D4rlLayout.TERMINALS, cols.require(D4rlLayout.TERMINALS), a, b);
            boolean[] tout = cols.booleans(D4rlLayout.TIMEOUTS, cols.require(D4rlLayout.TIMEOUTS), a, b);
            float[] next = layout.hasNextObs()
                    ? cols.floats(D4rlLayout.NEXT_OBS, cols.require(D4rlLayout.NEXT_OBS), a, b) : null;
            double[] qpos = nq > 0 ? cols.doubles(D4rlLayout.QPOS, cols.require(D4rlLayout.QPOS), a, b) : null;
            double[] qvel = nv > 0 ? cols.doubles(D4rlLayout.QVEL, cols.require(D4rlLayout.QVEL), a, b) : null;

            int len = b - a;
            boolean[] keep = new boolean[len];
            boolean[] timeoutOut = new boolean[len];
            long[] episodeAll = new long[len];
            int[] tAll = new int[len];
            long episode = range.firstEpisode();
            int step = 0;
            int kept = 0;
            for (int i = 0; i < len; i++) {
                episodeAll[i] = episode;
                tAll[i] = step++;
                boolean drop = (!options.keepTimeouts() && tout[i]) || (next == null && a + i == n - 1);
                keep[i] = !drop;
                timeoutOut[i] = tout[i];
                if (!options.keepTimeouts() && tout[i] && i > 0 && !term[i - 1] && !tout[i - 1]) {
                    timeoutOut[i - 1] = true; // the row before the dropped timeout step ends the episode
                }
                if (term[i] || tout[i]) {
                    episode++;
                    step = 0;
                }
                if (!drop) {
                    kept++;
                }
            }
            if (next == null) {
                next = new float[len * od];
                int available = obsEnd - a;
                for (int i = 0; i < len; i++) {
                    if (i + 1 < available) {
                        System.arraycopy(obs, (i + 1) * od, next, i * od, od);
                    }
                }
            }
            if (kept == len && obs.length == len * od) {
                return new TransitionArrays(od, ad, nq, nv, episodeAll, tAll, obs, act, rew, next, term, timeoutOut,
                        qpos, qvel);
            }
            return gather(keep, kept, od, ad, nq, nv, episodeAll, tAll, obs, act, rew, next, term, timeoutOut, qpos,
                    qvel);
        }
    }

    private static TransitionArrays gather(boolean[] keep, int kept, int od, int ad, int nq, int nv, long[] episode,
            int[] t, float[] obs, float[] act, float[] rew, float[] next, boolean[] term, boolean[] tout,
            double[] qpos, double[] qvel) {
        long[] e2 = new long[kept];
        int[] t2 = new int[kept];
        float[] o2 = new float[kept * od];
        float[] a2 = new float[kept * ad];
        float[] r2 = new float[kept];
        float[] n2 = new float[kept * od];
        boolean[] d2 = new boolean[kept];
        boolean[] to2 = new boolean[kept];
        double[] qp2 = qpos == null ? null : new double[kept * nq];
        double[] qv2 = qvel == null ? null : new double[kept * nv];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                continue;
            }
            e2[j] = episode[i];
            t2[j] = t[i];
            System.arraycopy(obs, i * od, o2, j * od, od);
            System.arraycopy(act, i * ad, a2, j * ad, ad);
            r2[j] = rew[i];
            System.arraycopy(next, i * od, n2, j * od, od);
            d2[j] = term[i];
            to2[j] = tout[i];
            if (qp2 != null) {
                System.arraycopy(qpos, i * nq, qp2, j * nq, nq);
            }
            if (qv2 != null) {
                System.arraycopy(qvel, i * nv, qv2, j * nv, nv);
            }
            j++;
        }
        return new TransitionArrays(od, ad, nq, nv, e2, t2, o2, a2, r2, n2, d2, to2, qp2, qv2);
    }
}
