package io.oris.orchestration.sweep;

import io.oris.orchestration.descriptor.DynamicsSettings;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-trained dynamics model one COMBO run reads: its dataset, its settings (the run's {@code dynamics.*}
 * hyperparameters under the model's {@code DynamicsConfig} field names; unset fields keep the model's defaults) and
 * the seed it is trained with (the run's seed; 0 for every run when the job sets
 * {@code dynamics: {share_across_seeds: true}}).
 *
 * <p>The settings stay in the run config's {@code hyperparameters} (the learner reads them too); {@link #config()}, the
 * run config's {@code dynamics} section, adds the model's seed, so a run that reads another model is another run. The
 * model's folder ({@code dynamics/<dataset>-<hash of the resolved settings>-s<seed>/}) is named by the pipeline, which
 * knows the model's defaults; runs that agree on dataset, settings and seed read the same model.
 */
public record DynamicsSpec(String datasetId, Map<String, Object> settings, long seed) {
    /** Key of the model's seed in the run config's {@code dynamics} section. */
    public static final String SEED = "seed";
    /** The hyperparameter prefix of the model's settings. */
    public static final String PREFIX = "dynamics.";

    public DynamicsSpec {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** The model of a run: its {@code dynamics.*} hyperparameters, the job's sharing rule applied to its seed. */
    public static DynamicsSpec of(String datasetId, DynamicsSettings job, Map<String, Object> runHyperparameters,
                                  long runSeed) {
        return new DynamicsSpec(datasetId, settingsOf(runHyperparameters), job.modelSeed(runSeed));
    }

    /** The {@code dynamics.*} entries of a run's hyperparameters, without the prefix. */
    public static Map<String, Object> settingsOf(Map<String, Object> hyperparameters) {
        Map<String, Object> out = new TreeMap<>();
        hyperparameters.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                out.put(k.substring(PREFIX.length()), v);
            }
        });
        return out;
    }

    /** The run config's {@code dynamics} section: the model's seed. */
    public Map<String, Object> config() {
        return Map.of(SEED, seed);
    }

    /** The settings as dotted hyperparameter keys ({@code dynamics.maxEpochs}), as a learner config override takes them. */
    public Map<String, Object> overrides() {
        Map<String, Object> out = new TreeMap<>();
        settings.forEach((k, v) -> out.put(PREFIX + k, v));
        return out;
    }

    /**
     * The model a run config names: the {@code dynamics.*} keys of its hyperparameters and the seed of its
     * {@code dynamics} section; fails, naming the run, without a dataset or a seed (a config written before the model
     * had a stage of its own: plan the job again).
     */
    public static DynamicsSpec fromConfig(String runId, String datasetId, Map<String, Object> hyperparameters,
                                          Map<String, Object> dynamicsSection) {
        if (datasetId == null) {
            throw new IllegalArgumentException("run " + runId + ": a run that reads a dynamics model needs a dataset");
        }
        if (dynamicsSection == null || !(dynamicsSection.get(SEED) instanceof Number seed)) {
            throw new IllegalArgumentException("run " + runId + ": its config has no 'dynamics' section with a '" + SEED
                    + "' (expected the dynamics model's seed, e.g. dynamics: {seed: 0}); plan the job again to get the"
                    + " run's current config");
        }
        return new DynamicsSpec(datasetId, settingsOf(hyperparameters), seed.longValue());
    }

    /** A readable name for logs: {@code hopper-medium-v2 seed 0}. */
    public String label() {
        return datasetId + " seed " + seed + (settings.isEmpty() ? "" : " " + settings);
    }

}
