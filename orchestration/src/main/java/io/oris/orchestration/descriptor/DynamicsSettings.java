package io.oris.orchestration.descriptor;

import java.util.List;

/**
 * The job's {@code dynamics:} section: how COMBO's pre-trained dynamics models relate to seeds. By default every
 * (dataset, seed) gets its own model, trained with that seed, as the COMBO paper trains one per run, so the seed
 * spread includes the model's; {@code share_across_seeds: true} trains one model per dataset (seed 0) and gives it to
 * every seed (cheaper, but it understates the spread). The model's own settings are the {@code dynamics.*}
 * hyperparameters of the method (its
 * {@code hyperparameters:} entry).
 */
public record DynamicsSettings(boolean shareAcrossSeeds) {
    /** The keys of the {@code dynamics:} section. */
    public static final List<String> KEYS = List.of("share_across_seeds");

    /** The section's defaults: one model per (dataset, seed). */
    public static DynamicsSettings defaults() {
        return new DynamicsSettings(false);
    }

    /** The seed of the model a run with {@code runSeed} reads: its own seed, or 0 when models are shared. */
    public long modelSeed(long runSeed) {
        return shareAcrossSeeds ? 0 : runSeed;
    }
}
