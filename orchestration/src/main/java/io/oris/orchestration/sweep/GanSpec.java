package io.oris.orchestration.sweep;

import io.oris.orchestration.Fingerprints;
import io.oris.orchestration.descriptor.GanSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-trained GAN one ORIS run reads: its dataset, its settings under the model's {@code GanConfig} names (the
 * job's {@code gan:} section with the run's {@code gan.*} hyperparameters applied) and the seed it is trained with
 * (the run's seed; 0 for every run when the job sets {@code gan: {share_across_seeds: true}}).
 *
 * <p>{@link #config()} is the run config's {@code gan} section, so the settings and the GAN's seed are part of the
 * run id. The GAN's folder, {@code gan/<dataset>-<hash of the settings>-s<seed>/} ({@link #folderName()}), is unique
 * to the three: runs of another seed or with other settings never read it, while runs that agree on all three
 * ({@code oris} and {@code oris-no_restart} of one seed; every seed when shared) read the same GAN.
 */
public record GanSpec(String datasetId, Map<String, Object> settings, long seed) {
    /** Key of the GAN's seed in the run config's {@code gan} section (the other keys are its settings). */
    public static final String SEED = "seed";

    public GanSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (settings.containsKey(SEED)) {
            throw new IllegalArgumentException("the GAN's seed is not a setting: " + settings);
        }
    }

    /** The GAN of a run: the job's settings, the run's {@code gan.*} overrides (by field name), the run's seed. */
    public static GanSpec of(String datasetId, GanSettings job, Map<String, Object> overrides, long runSeed) {
        Map<String, Object> settings = job.modelSettings();
        settings.putAll(overrides);
        return new GanSpec(datasetId, settings, job.ganSeed(runSeed));
    }

    /** The run config's {@code gan} section: the settings plus {@value #SEED}. */
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>(settings);
        c.put(SEED, seed);
        return c;
    }

    /** The GAN's folder name under {@code <data-root>/gan/}: {@code <dataset>-<settings hash>-s<seed>}. */
    public String folderName() {
        return datasetId + "-" + Fingerprints.sha256Hex(Fingerprints.canonicalJson(new TreeMap<>(settings))).substring(0, 10)
                + "-s" + seed;
    }

    /**
     * The GAN a run config's {@code gan} section names (the inverse of {@link #config()}); fails, naming the run,
     * for a section without a seed (written before GANs were per seed: such a run must be planned again).
     */
    public static GanSpec fromConfig(String runId, String datasetId, Map<String, Object> ganSection) {
        if (datasetId == null || ganSection == null) {
            throw new IllegalArgumentException("run " + runId + ": an ORIS run that reads a GAN needs a dataset and a 'gan'"
                    + " config section");
        }
        if (!(ganSection.get(SEED) instanceof Number seed)) {
            throw new IllegalArgumentException("run " + runId + ": its config's 'gan' section has no '" + SEED + "' (expected the"
                    + " GAN's seed, e.g. {..., seed: 0}); plan the job again to get the run's current config");
        }
        Map<String, Object> settings = new LinkedHashMap<>(ganSection);
        settings.remove(SEED);
        return new GanSpec(datasetId, settings, seed.longValue());
    }
}
