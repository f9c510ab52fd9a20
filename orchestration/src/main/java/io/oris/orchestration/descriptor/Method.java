package io.oris.orchestration.descriptor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The learning methods a sweep can name, with what each needs: the simulator (so it multiplies by the
 * dynamics gaps) and/or an offline dataset (so it multiplies by the datasets), and the ablation flags
 * it accepts as variants ({@code h2o-a}, {@code oris-no_restart}, ...).
 */
public enum Method {
    SAC("sac", true, false, List.of()),
    CQL("cql", false, true, List.of()),
    IQL("iql", false, true, List.of()),
    SQL("sql", false, true, List.of()),
    COMBO("combo", false, true, List.of()),
    TD3BC("td3bc", false, true, List.of()),
    BC("bc", false, true, List.of()),
    H2O("h2o", true, true, List.of("a", "dr", "reg", "v")),
    DARC("darc", true, true, List.of()),
    DARC_PLUS("darc+", true, true, List.of()),
    ORIS("oris", true, true, List.of("no_restart", "h2o_reweight"));

    private final String id;
    private final boolean usesSimulator;
    private final boolean usesDataset;
    private final List<String> flags;

    Method(String id, boolean usesSimulator, boolean usesDataset, List<String> flags) {
        this.id = id;
        this.usesSimulator = usesSimulator;
        this.usesDataset = usesDataset;
        this.flags = flags;
    }

    /** The name used in job files, run configs and tables. */
    public String id() {
        return id;
    }

    /** True when runs step a simulator, so they are repeated for every gap of the sweep. */
    public boolean usesSimulator() {
        return usesSimulator;
    }

    /** True when runs read an offline dataset, so they are repeated for every dataset of the sweep. */
    public boolean usesDataset() {
        return usesDataset;
    }

    /** Ablation flags this method accepts, in canonical order. */
    public List<String> flags() {
        return flags;
    }

    public static Optional<Method> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Method::id).toList();
    }
}
