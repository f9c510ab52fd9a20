package io.oris.orchestration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline's stages, in data-flow order; {@link #cliName()} is the name used on the command line
 * ({@code oris stage <name>}), in task ids and in job files.
 */
public enum StageKind {
    INGEST("ingest"),
    COLLECT("collect"),
    PRETRAIN_GAN("pretrain-gan"),
    PRETRAIN_DYNAMICS("pretrain-dynamics"),
    TRAIN("train"),
    EVALUATE("evaluate"),
    AGGREGATE("aggregate");

    private final String cliName;

    StageKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<StageKind> byCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst();
    }

    public static List<String> cliNames() {
        return Arrays.stream(values()).map(StageKind::cliName).toList();
    }
}
