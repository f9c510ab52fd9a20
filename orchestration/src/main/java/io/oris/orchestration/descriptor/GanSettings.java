package io.oris.orchestration.descriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's {@code gan:} section: ORIS GAN pre-training settings for the sweep (steps, batch size, hidden layer
 * sizes of generator and discriminator, learning rate, noise dimension with {@code null} meaning the observation
 * dimension) and how GANs relate to seeds. By default every (dataset, seed) gets its own GAN, trained with that
 * seed, so the seed spread of ORIS includes the GAN's; {@code share_across_seeds: true} trains one GAN per dataset
 * (seed 0) and gives it to every seed (cheaper, but it understates the spread). An ORIS method or variant may
 * override single settings with {@code gan.*} hyperparameters ({@link HyperparameterKeys#GAN}).
 */
public record GanSettings(long steps, int batchSize, List<Integer> hidden, double learningRate, Integer noiseDim,
                          boolean shareAcrossSeeds) {
    /** The keys of the {@code gan:} section. */
    public static final List<String> KEYS = List.of("steps", "batch_size", "hidden", "learning_rate", "noise_dim",
            "share_across_seeds");

    public GanSettings {
        hidden = List.copyOf(hidden);
    }

    /**
     * The settings under the model's {@code GanConfig} field names (the names {@code gan.*} hyperparameters
     * use): {@code hidden} sets both networks, a {@code null} noise dimension is the model's 0 (= the state
     * dimension). Sharing is not a GAN setting: it decides the GAN's seed.
     */
    public Map<String, Object> modelSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("batch", batchSize);
        m.put("generatorHidden", hidden);
        m.put("discriminatorHidden", hidden);
        m.put("lr", learningRate);
        m.put("noiseDim", noiseDim == null ? 0 : noiseDim);
        return m;
    }

    /** The seed of the GAN a run with {@code runSeed} reads: its own seed, or 0 when GANs are shared. */
    public long ganSeed(long runSeed) {
        return shareAcrossSeeds ? 0 : runSeed;
    }
}
