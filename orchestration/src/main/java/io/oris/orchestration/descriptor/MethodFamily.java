package io.oris.orchestration.descriptor;

/**
 * What data a method learns from, in the papers' terms: hybrid methods (H2O, DARC, ORIS) learn from the offline
 * dataset and the simulator, offline methods (CQL, IQL, SQL, COMBO, TD3+BC, BC) from the dataset only, and SAC from the
 * simulator only. The family decides how a sweep multiplies a method's runs (by datasets, by gaps, or both).
 */
public enum MethodFamily {
    /** Offline dataset and simulator: one run per dataset × gap × seed. */
    HYBRID(true, true),
    /** Offline dataset only: one run per dataset × seed, shared by every gap column. */
    OFFLINE(false, true),
    /** Simulator only: one run per env × gap × seed, shown in every dataset column of its env. */
    SIM_ONLY(true, false);

    private final boolean usesSimulator;
    private final boolean usesDataset;

    MethodFamily(boolean usesSimulator, boolean usesDataset) {
        this.usesSimulator = usesSimulator;
        this.usesDataset = usesDataset;
    }

    /** True when the family's runs step a simulator, so they are repeated for every gap of the sweep. */
    public boolean usesSimulator() {
        return usesSimulator;
    }

    /** True when the family's runs read an offline dataset, so they are repeated for every dataset of the sweep. */
    public boolean usesDataset() {
        return usesDataset;
    }
}
