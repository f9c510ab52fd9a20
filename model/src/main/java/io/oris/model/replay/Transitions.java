package io.oris.model.replay;

/**
 * A dataset of transitions as row-major float arrays (the offline data as loaded by the pipeline); {@code done} is
 * the terminal flag (1 = no bootstrap).
 */
public record Transitions(int size, int obsDim, int actDim, float[] obs, float[] actions, float[] rewards,
                          float[] nextObs, float[] done) {
    public Transitions {
        if (obs.length != (long) size * obsDim || nextObs.length != (long) size * obsDim
                || actions.length != (long) size * actDim || rewards.length != size || done.length != size) {
            throw new IllegalArgumentException("transition arrays do not match size " + size);
        }
    }

    /** Per-dimension mean and std of the states (H2O's u(s,a) noise, ORIS's restart noise, the GAN). */
    public double[][] stateMeanStd() {
        double[] mean = new double[obsDim];
        double[] sq = new double[obsDim];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < obsDim; j++) {
                mean[j] += obs[i * obsDim + j];
            }
        }
        for (int j = 0; j < obsDim; j++) {
            mean[j] /= Math.max(1, size);
        }
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < obsDim; j++) {
                double c = obs[i * obsDim + j] - mean[j];
                sq[j] += c * c;
            }
        }
        double[] std = new double[obsDim];
        for (int j = 0; j < obsDim; j++) {
            std[j] = Math.sqrt(sq[j] / Math.max(1, size));
        }
        return new double[][] {mean, std};
    }

    /** The states as rows (GAN pre-training input). */
    public float[][] stateRows() {
        float[][] rows = new float[size][obsDim];
        for (int i = 0; i < size; i++) {
            System.arraycopy(obs, i * obsDim, rows[i], 0, obsDim);
        }
        return rows;
    }
}
