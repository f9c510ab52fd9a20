package io.oris.storage.minari;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.oris.storage.EnvDims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a Minari-shaped dataset folder ({@code data/main_data.hdf5} with one {@code episode_<i>} group per episode:
 * {@code observations} [T+1, obs], {@code actions} [T, act], {@code rewards}, {@code terminations},
 * {@code truncations}; and {@code data/metadata.json} with {@code dataset_id}, counts and the reference scores) with
 * seeded random values, using jHDF's writer. For tests of the Minari path end to end where no real Minari dataset is
 * at hand; the last episode ends by termination, the others by truncation.
 *
 * @param datasetId   Minari id, e.g. {@code mujoco/hopper/medium-v0}
 * @param dims        env widths
 * @param episodes    number of episodes
 * @param length      steps per episode
 * @param refMinScore Minari's {@code ref_min_score} written to the metadata
 * @param refMaxScore Minari's {@code ref_max_score}
 * @param seed        random seed
 */
public record MinariSyntheticFolder(String datasetId, EnvDims dims, int episodes, int length, double refMinScore,
                                    double refMaxScore, long seed) {

    /** Writes the folder {@code dir} (its {@code data/} inside). */
    public Path write(Path dir) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + data, e);
        }
        try (WritableHdfFile out = HdfFile.write(data.resolve("main_data.hdf5"))) {
            for (int e = 0; e < episodes; e++) {
                WritableGroup g = out.putGroup("episode_" + e);
                float[][] obs = new float[length + 1][dims.obsDim()];
                for (float[] row : obs) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = (float) rnd.nextGaussian();
                    }
                }
                float[][] act = new float[length][dims.actionDim()];
                for (float[] row : act) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = (float) (2 * rnd.nextDouble() - 1);
                    }
                }
                double[] rew = new double[length];
                for (int t = 0; t < length; t++) {
                    rew[t] = rnd.nextDouble();
                }
                boolean[] term = new boolean[length];
                boolean[] trunc = new boolean[length];
                if (e == episodes - 1) {
                    term[length - 1] = true;
                } else {
                    trunc[length - 1] = true;
                }
                g.putDataset("observations", obs);
                g.putDataset("actions", act);
                g.putDataset("rewards", rew);
                g.putDataset("terminations", term);
                g.putDataset("truncations", trunc);
            }
        }
        String meta = String.format(java.util.Locale.ROOT, "{\"dataset_id\": \"%s\", \"total_episodes\": %d, \"total_steps\": %d,"
                + " \"minari_version\": \"0.5.1\", \"ref_min_score\": %s, \"ref_max_score\": %s}", datasetId, episodes,
                (long) episodes * length, refMinScore, refMaxScore);
        try {
            Files.writeString(data.resolve("metadata.json"), meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data.resolve("metadata.json"), e);
        }
        return dir;
    }
}
