package io.oris.pipeline.train;

import io.oris.model.replay.Batch;
import io.oris.storage.TransitionArrays;
import java.util.SplittableRandom;

/**
 * The fixed offline dataset of a run, sampled uniformly with replacement into learner batches. The
 * terminal flag is the bootstrap mask; time-limit rows keep bootstrapping (their next observation is real).
 */
public final class OfflineData {
    private final TransitionArrays data;
    private final int obsDim;
    private final int actDim;

    public OfflineData(TransitionArrays data) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("the offline dataset has no transitions");
        }
        this.data = data;
        this.obsDim = data.obsDim();
        this.actDim = data.actionDim();
    }

    public int rows() {
        return data.rows();
    }

    public int obsDim() {
        return obsDim;
    }

    public int actDim() {
        return actDim;
    }

    /** Fills {@code batch} with uniformly drawn rows. */
    public void sample(Batch batch, SplittableRandom rng) {
        float[] obs = data.obs();
        float[] next = data.nextObs();
        float[] act = data.action();
        float[] rew = data.reward();
        boolean[] terminal = data.terminal();
        int n = data.rows();
        for (int i = 0; i < batch.size(); i++) {
            int r = rng.nextInt(n);
            System.arraycopy(obs, r * obsDim, batch.obs(), i * obsDim, obsDim);
            System.arraycopy(next, r * obsDim, batch.nextObs(), i * obsDim, obsDim);
            System.arraycopy(act, r * actDim, batch.actions(), i * actDim, actDim);
            batch.rewards()[i] = rew[r];
            batch.done()[i] = terminal[r] ? 1f : 0f;
        }
    }

    /** All observations as rows (for GAN pre-training). */
    public float[][] observationRows() {
        float[][] rows = new float[data.rows()][obsDim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data.obs(), i * obsDim, rows[i], 0, obsDim);
        }
        return rows;
    }

    /** Per-dimension standard deviation of the observations (H2O's perturbation and ORIS's restart noise scale). */
    public double[] stateStd() {
        double[] mean = new double[obsDim];
        double[] sq = new double[obsDim];
        float[] obs = data.obs();
        int n = data.rows();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < obsDim; k++) {
                double v = obs[i * obsDim + k];
                mean[k] += v;
                sq[k] += v * v;
            }
        }
        double[] std = new double[obsDim];
        for (int k = 0; k < obsDim; k++) {
            double m = mean[k] / n;
            std[k] = Math.sqrt(Math.max(sq[k] / n - m * m, 1e-12));
        }
        return std;
    }
}
