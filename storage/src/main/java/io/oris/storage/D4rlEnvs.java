package io.oris.storage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The D4RL facts storage needs, in one place: the dims of the locomotion envs (gym 0.21 "v2"), the
 * file-name convention {@code {env}_{dataset}-v2.hdf5}, and the random/expert reference returns of the
 * normalized score. Storage may not depend on sim, so these numbers live here (docs/reference.md §1, §3).
 */
public final class D4rlEnvs {
    /** Env name of the robot-arm pick-and-place task (robot logs; its dims come from the log mapping). */
    public static final String PICK_AND_PLACE = "pick-and-place";

    private static final Map<String, EnvDims> DIMS = Map.of(
            "hopper", new EnvDims("hopper", 11, 3, 6, 6),
            "walker2d", new EnvDims("walker2d", 17, 6, 9, 9),
            "halfcheetah", new EnvDims("halfcheetah", 17, 6, 9, 9),
            PICK_AND_PLACE, new EnvDims(PICK_AND_PLACE, 7, 4, 0, 0));

    /** R_random and R_expert per env, from D4RL's infos (docs/reference.md §3). */
    private static final Map<String, double[]> REF_SCORES = Map.of(
            "hopper", new double[] {-20.272305, 3234.3},
            "halfcheetah", new double[] {-280.178953, 12135.0},
            "walker2d", new double[] {1.629008, 4592.3});

    private static final Pattern FILE_NAME =
            Pattern.compile("^([a-z0-9]+)[_-]([a-z0-9_-]+?)-v(\\d+)\\.(hdf5|h5)$");

    private D4rlEnvs() {
    }

    /** The known env names, sorted. */
    public static List<String> envs() {
        return DIMS.keySet().stream().sorted().toList();
    }

    /** Dims of a known env, empty if the name is unknown. */
    public static Optional<EnvDims> dims(String env) {
        return Optional.ofNullable(env == null ? null : DIMS.get(env.toLowerCase(Locale.ROOT)));
    }

    /** Dims of a known env, or an exception naming the known ones. */
    public static EnvDims require(String env) {
        return dims(env).orElseThrow(() -> new IllegalArgumentException(
                "unknown env '" + env + "' (known: " + String.join(", ", envs()) + ")"));
    }

    /**
     * The env and dataset kind read from a D4RL file name such as {@code hopper_medium_replay-v2.hdf5}
     * (→ env {@code hopper}, dataset {@code medium-replay}, version 2); empty if the name does not follow
     * the convention or names an unknown env.
     */
    public static Optional<FileName> parseFileName(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName.toLowerCase(Locale.ROOT));
        if (!m.matches() || !DIMS.containsKey(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new FileName(m.group(1), m.group(2).replace('_', '-'), Integer.parseInt(m.group(3))));
    }

    /** True when the normalized score of this env is defined. */
    public static boolean hasReferenceScores(String env) {
        return env != null && REF_SCORES.containsKey(env.toLowerCase(Locale.ROOT));
    }

    /**
     * D4RL normalized score {@code 100 · (R − R_random) / (R_expert − R_random)} of an undiscounted episode
     * return; throws for envs without reference returns.
     */
    public static double normalizedScore(String env, double episodeReturn) {
        double[] ref = REF_SCORES.get(env == null ? "" : env.toLowerCase(Locale.ROOT));
        if (ref == null) {
            throw new IllegalArgumentException("no D4RL reference scores for env '" + env + "' (known: "
                    + String.join(", ", REF_SCORES.keySet().stream().sorted().toList()) + ")");
        }
        return 100.0 * (episodeReturn - ref[0]) / (ref[1] - ref[0]);
    }

    /**
     * The parts of a D4RL file name.
     *
     * @param env     env name, e.g. {@code hopper}
     * @param dataset dataset kind with dashes, e.g. {@code medium-replay}
     * @param version the {@code -vN} suffix
     */
    public record FileName(String env, String dataset, int version) {
        /** The default dataset id for this file: {@code hopper-medium-replay-v2}. */
        public String datasetId() {
            return env + "-" + dataset + "-v" + version;
        }
    }
}
