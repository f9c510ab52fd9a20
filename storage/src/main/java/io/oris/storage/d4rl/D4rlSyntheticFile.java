package io.oris.storage.d4rl;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.oris.storage.EnvDims;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a D4RL-shaped HDF5 file (the exact key layout of D4RL v2 files: {@code observations},
 * {@code actions}, {@code rewards}, {@code terminals}, {@code timeouts}, {@code next_observations},
 * {@code infos/qpos}, {@code infos/qvel}, {@code infos/action_log_probs}, {@code metadata/...}) with
 * seeded random values, using jHDF's writer. For tests and the ingest benchmark, where no real D4RL file
 * is at hand. Episodes end by a terminal with probability {@code terminalRate} per step, else by a timeout
 * after {@code episodeLength} steps.
 *
 * @param dims          env and widths (nq/nv 0: no qpos/qvel keys)
 * @param rows          rows N
 * @param float64       store float64 arrays (as medium-replay files do) instead of float32
 * @param rewardColumn  store rewards as [N,1] instead of [N]
 * @param nextObs       store {@code next_observations}
 * @param episodeLength time limit
 * @param terminalRate  per-step terminal probability
 * @param seed          random seed
 */
public record D4rlSyntheticFile(EnvDims dims, int rows, boolean float64, boolean rewardColumn, boolean nextObs,
        int episodeLength, double terminalRate, long seed) {

    /** A float32 file with every key, 1000-step episodes, 0.1 % terminal rate. */
    public static D4rlSyntheticFile standard(EnvDims dims, int rows, long seed) {
        return new D4rlSyntheticFile(dims, rows, false, false, true, 1000, 0.001, seed);
    }

    /** Writes the file. */
    public void write(Path file) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int od = dims.obsDim();
        float[][] obs = new float[rows][od];
        float[][] next = new float[rows][od];
        float[][] act = new float[rows][dims.actionDim()];
        float[] rew = new float[rows];
        boolean[] term = new boolean[rows];
        boolean[] tout = new boolean[rows];
        double[][] qpos = new double[rows][dims.nq()];
        double[][] qvel = new double[rows][dims.nv()];
        float[] logp = new float[rows];
        float[] state = new float[od];
        int step = 0;
        for (int i = 0; i < rows; i++) {
            if (step == 0) {
                for (int k = 0; k < od; k++) {
                    state[k] = (float) (rnd.nextDouble() * 0.01 - 0.005);
                }
            }
            System.arraycopy(state, 0, obs[i], 0, od);
            for (int k = 0; k < act[i].length; k++) {
                act[i][k] = (float) (rnd.nextDouble() * 2 - 1);
            }
            for (int k = 0; k < od; k++) {
                state[k] += (float) (rnd.nextDouble() * 0.2 - 0.1);
            }
            System.arraycopy(state, 0, next[i], 0, od);
            rew[i] = (float) (rnd.nextDouble() * 4 - 1);
            for (int k = 0; k < dims.nq(); k++) {
                qpos[i][k] = rnd.nextDouble();
            }
            for (int k = 0; k < dims.nv(); k++) {
                qvel[i][k] = rnd.nextDouble() * 10 - 5;
            }
            logp[i] = (float) -rnd.nextDouble();
            step++;
            if (rnd.nextDouble() < terminalRate) {
                term[i] = true;
                step = 0;
            } else if (step == episodeLength) {
                tout[i] = true;
                step = 0;
            }
        }
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("observations", float64 ? widen(obs) : obs);
            out.putDataset("actions", float64 ? widen(act) : act);
            if (rewardColumn) {
                float[][] col = new float[rows][1];
                for (int i = 0; i < rows; i++) {
                    col[i][0] = rew[i];
                }
                out.putDataset("rewards", float64 ? widen(col) : col);
            } else {
                out.putDataset("rewards", float64 ? widen(rew) : rew);
            }
            out.putDataset("terminals", term);
            out.putDataset("timeouts", tout);
            if (nextObs) {
                out.putDataset("next_observations", float64 ? widen(next) : next);
            }
            WritableGroup infos = out.putGroup("infos");
            infos.putDataset("action_log_probs", float64 ? widen(logp) : logp);
            if (dims.nq() > 0 && dims.nv() > 0) {
                infos.putDataset("qpos", qpos);
                infos.putDataset("qvel", qvel);
            }
            WritableGroup meta = out.putGroup("metadata");
            meta.putDataset("algorithm", "SAC");
            meta.putDataset("iteration", 1000);
        }
    }

    private static double[][] widen(float[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int k = 0; k < a[i].length; k++) {
                out[i][k] = a[i][k];
            }
        }
        return out;
    }

    private static double[] widen(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
