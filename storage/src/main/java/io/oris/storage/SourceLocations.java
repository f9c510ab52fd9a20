package io.oris.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the raw inputs a job names are looked for, in order: for a D4RL file {@code $D4RL_DATASET_DIR/<file>} then
 * {@code <data-root>/d4rl/<file>}; for a Minari dataset {@code $MINARI_DATASETS_PATH/<dataset_id>}, then
 * {@code <data-root>/minari/<dataset_id>}, then Minari's own default {@code ~/.minari/datasets/<dataset_id>}. The
 * environment variables are the ones D4RL and Minari themselves honour, so datasets downloaded with those tools are
 * found where they already are.
 */
public record SourceLocations(Path dataRoot, Path d4rlDir, Path minariDir, Path home) {
    public static final String D4RL_ENV = "D4RL_DATASET_DIR";
    public static final String MINARI_ENV = "MINARI_DATASETS_PATH";

    /** The locations under {@code dataRoot} and those named by this process's environment. */
    public static SourceLocations fromEnvironment(Path dataRoot) {
        return of(dataRoot, System.getenv());
    }

    /** The locations under {@code dataRoot} and those named by {@code env} (empty values are ignored). */
    public static SourceLocations of(Path dataRoot, Map<String, String> env) {
        return new SourceLocations(dataRoot, dir(env.get(D4RL_ENV)), dir(env.get(MINARI_ENV)), dir(env.get("HOME")));
    }

    private static Path dir(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** The places a D4RL file is looked for, in order. */
    public List<Path> d4rlCandidates(String fileName) {
        List<Path> out = new ArrayList<>();
        if (d4rlDir != null) {
            out.add(d4rlDir.resolve(fileName));
        }
        out.add(dataRoot.resolve("d4rl").resolve(fileName));
        return out;
    }

    /** The first existing D4RL file of that name, or null when there is none. */
    public Path d4rlFile(String fileName) {
        return d4rlCandidates(fileName).stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** The places a Minari dataset folder ({@code mujoco/hopper/medium-v0}) is looked for, in order. */
    public List<Path> minariCandidates(String datasetId) {
        List<Path> out = new ArrayList<>();
        if (minariDir != null) {
            out.add(minariDir.resolve(datasetId));
        }
        out.add(dataRoot.resolve("minari").resolve(datasetId));
        if (home != null) {
            out.add(home.resolve(".minari").resolve("datasets").resolve(datasetId));
        }
        return out;
    }

    /** The first existing Minari dataset folder of that id, or null when there is none. */
    public Path minariFolder(String datasetId) {
        return minariCandidates(datasetId).stream().filter(Files::isDirectory).findFirst().orElse(null);
    }
}
