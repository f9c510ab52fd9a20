package io.oris.storage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small HDF5 files for tests with jHDF's writer: keys with '/' become groups. */
public final class Hdf5Fixtures {
    private Hdf5Fixtures() {
    }

    /** Writes each key → array (float[][], double[], boolean[], String, ...) into the file. */
    public static Path write(Path file, Map<String, Object> datasets) {
        return io.oris.storage.d4rl.Hdf5Writer.write(file, datasets);
    }

    /**
     * A small D4RL-layout hopper dataset with known values: 3 episodes over 10 rows. Episode 0 rows 0-3
     * ends by a terminal at row 3; episode 1 rows 4-7 ends by a timeout at row 7; episode 2 rows 8-9 is
     * unfinished. Values: obs[i][k] = i + k/100, next_obs[i][k] = i + 0.5 + k/100, actions[i][j] = -i/10 + j,
     * rewards[i] = i * 1.25, qpos[i][k] = i * 10 + k, qvel[i][k] = -(i * 10 + k).
     */
    public static Map<String, Object> hopperArrays(boolean float64, boolean rewardColumn, boolean nextObs,
            boolean state) {
        int n = 10;
        float[][] obs = new float[n][11];
        float[][] next = new float[n][11];
        float[][] act = new float[n][3];
        float[] rew = new float[n];
        boolean[] term = new boolean[n];
        boolean[] tout = new boolean[n];
        double[][] qpos = new double[n][6];
        double[][] qvel = new double[n][6];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 11; k++) {
                obs[i][k] = i + k / 100f;
                next[i][k] = i + 0.5f + k / 100f;
            }
            for (int j = 0; j < 3; j++) {
                act[i][j] = -i / 10f + j;
            }
            rew[i] = i * 1.25f;
            for (int k = 0; k < 6; k++) {
                qpos[i][k] = i * 10 + k + 0.123456789012;
                qvel[i][k] = -(i * 10 + k) - 0.987654321098;
            }
        }
        term[3] = true;
        tout[7] = true;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observations", float64 ? widen(obs) : obs);
        m.put("actions", float64 ? widen(act) : act);
        if (rewardColumn) {
            float[][] col = new float[n][1];
            for (int i = 0; i < n; i++) {
                col[i][0] = rew[i];
            }
            m.put("rewards", float64 ? widen(col) : col);
        } else {
            m.put("rewards", float64 ? widen(rew) : rew);
        }
        m.put("terminals", term);
        m.put("timeouts", tout);
        if (nextObs) {
            m.put("next_observations", float64 ? widen(next) : next);
        }
        m.put("infos/action_log_probs", new float[n]);
        if (state) {
            m.put("infos/qpos", qpos);
            m.put("infos/qvel", qvel);
        }
        m.put("metadata/algorithm", "SAC");
        m.put("metadata/iteration", 42);
        return m;
    }

    static double[][] widen(float[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int k = 0; k < a[i].length; k++) {
                out[i][k] = a[i][k];
            }
        }
        return out;
    }

    static double[] widen(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
