package io.oris.orchestration.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The learning methods a sweep can name, as typed keys; their facts (name, family, ablation flags, hyperparameter
 * keys, report label) are in {@link MethodCatalog}, and the accessors here read them from there.
 */
public enum Method {
    SAC, CQL, IQL, SQL, COMBO, TD3BC, BC, H2O, DARC, DARC_PLUS, ORIS;

    /** This method's catalog entry. */
    public MethodInfo info() {
        return MethodCatalog.of(this);
    }

    /** The name used in job files, run configs and tables. */
    public String id() {
        return info().id();
    }

    /** True when runs step a simulator, so they are repeated for every gap of the sweep. */
    public boolean usesSimulator() {
        return info().usesSimulator();
    }

    /** True when runs read an offline dataset, so they are repeated for every dataset of the sweep. */
    public boolean usesDataset() {
        return info().usesDataset();
    }

    /** Ablation flags this method accepts, in canonical order. */
    public List<String> flags() {
        return info().flags();
    }

    /** The method named {@code id}, if any. */
    public static Optional<Method> byId(String id) {
        return MethodCatalog.byId(id).map(MethodInfo::method);
    }

    /** Every method's name, in catalog order. */
    public static List<String> ids() {
        return MethodCatalog.ids();
    }
}
