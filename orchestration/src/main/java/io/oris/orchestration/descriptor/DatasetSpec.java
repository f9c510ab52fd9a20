package io.oris.orchestration.descriptor;

import io.oris.orchestration.Fingerprints;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One offline dataset of a sweep: a D4RL file, a dataset the collect stage makes in the real environment,
 * a dataset shipped with oris, a trajectory subset of another dataset, or a folder of robot logs. Each has a stable id (the folder name
 * under the data root) and the env it belongs to.
 */
public sealed interface DatasetSpec {
    /** The dataset id: file-name safe, stable, unique within a sweep. */
    String id();

    /** The environment (hopper, walker2d, halfcheetah, ...). */
    String env();

    /** Everything that defines the dataset, as plain values (part of every run config that reads it). */
    Map<String, Object> config();

    /** The D4RL levels and how their files are named ({@code medium-replay} is stored as {@code medium_replay}). */
    List<String> D4RL_LEVELS = List.of("random", "medium", "medium-replay", "medium-expert", "expert");

    /**
     * Behaviour policies the collect stage knows: the D4RL-style levels for the locomotion tasks, and
     * {@link #SCRIPTED} for pick-place ({@link #collectMismatch} says which fits which env).
     */
    List<String> COLLECT_POLICIES = List.of("random", "medium", "medium-replay", "medium-expert", "expert", "scripted");

    /** Pick-place's rule-based behaviour (ORIS Table III's offline data, docs/reference.md §8). */
    String SCRIPTED = "scripted";

    /** The env of ORIS Table III, whose one collect policy is {@link #SCRIPTED}. */
    String PICK_PLACE = "pick-place";

    /**
     * Transitions of a {@code scripted} dataset when the entry gives no size: about 100 episodes of pick-place
     * (the paper gives none; docs/reference.md §8).
     */
    long SCRIPTED_DEFAULT_SIZE = 15_000;

    /**
     * Why {@code policy} cannot collect in {@code env} (pick-place is collected with {@code scripted} only, and
     * {@code scripted} is pick-place's), or empty when it can. One rule for job files and {@code oris collect}.
     */
    static java.util.Optional<String> collectMismatch(String env, String policy) {
        boolean pickPlace = PICK_PLACE.equals(env);
        if (pickPlace && !SCRIPTED.equals(policy)) {
            return java.util.Optional.of("pick-place data is collected with 'scripted' (the rule-based policy), not '"
                    + policy + "'");
        }
        if (!pickPlace && SCRIPTED.equals(policy)) {
            return java.util.Optional.of("'scripted' is pick-place's rule-based policy; " + env + " is collected with one of "
                    + COLLECT_POLICIES.stream().filter(p -> !p.equals(SCRIPTED)).toList());
        }
        return java.util.Optional.empty();
    }

    /** A D4RL v2 HDF5 file, {@code {env}_{level}-v2.hdf5}, read from {@code <data-root>/d4rl/}. */
    record D4rl(String env, String level) implements DatasetSpec {
        public String fileName() {
            return env + "_" + level.replace('-', '_') + "-v2.hdf5";
        }

        @Override
        public String id() {
            return env + "-" + level + "-v2";
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "d4rl");
            m.put("id", id());
            m.put("file", fileName());
            return m;
        }
    }

    /** A dataset the collect stage records with a behaviour policy in the real environment. */
    record Collected(String env, String policy, long size, long seed, Map<String, Object> params) implements DatasetSpec {
        public Collected {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        @Override
        public String id() {
            String base = env + "-collect-" + policy + "-n" + size + (seed == 0 ? "" : "-s" + seed);
            return params.isEmpty() ? base : base + "-" + Fingerprints.sha256Hex(Fingerprints.canonicalJson(params)).substring(0, 8);
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "collect");
            m.put("id", id());
            m.put("env", env);
            m.put("policy", policy);
            m.put("size", size);
            m.put("seed", seed);
            m.put("params", params);
            return m;
        }
    }

    /**
     * A dataset shipped with oris ({@code jobs/data/<id>/}, packaged into the storage jar), installed into the data
     * root by the ingest stage. Env and fingerprint come from its manifest; the fingerprint is part of the config,
     * so runs on a re-made shipped dataset are new runs.
     */
    record Shipped(String id, String env, String fingerprint) implements DatasetSpec {
        @Override
        public Map<String, Object> config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "shipped");
            m.put("id", id);
            m.put("env", env);
            m.put("fingerprint", fingerprint);
            return m;
        }
    }

    /** Whole trajectories making up {@code fraction} of the parent's transitions, drawn with {@code seed}. */
    record Subset(DatasetSpec parent, double fraction, long seed) implements DatasetSpec {
        @Override
        public String env() {
            return parent.env();
        }

        @Override
        public String id() {
            String pct = new BigDecimal(Double.toString(fraction * 100)).stripTrailingZeros().toPlainString();
            return parent.id() + "-p" + pct + (seed == 0 ? "" : "-s" + seed);
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "subset");
            m.put("id", id());
            m.put("of", parent.config());
            m.put("fraction", fraction);
            m.put("seed", seed);
            return m;
        }
    }

    /** A folder (or file) of robot logs, CSV or JSON Lines, ingested as a dataset of {@code env}. */
    /**
     * A Minari dataset ({@code mujoco/hopper/medium-v0}), read from {@code $MINARI_DATASETS_PATH}, the data root's
     * {@code minari/} folder or {@code ~/.minari/datasets} (storage's {@code SourceLocations}).
     */
    record Minari(String datasetId, String env) implements DatasetSpec {
        /** Minari dataset ids: namespace/name/dataset-vN, lower case. */
        public static final java.util.regex.Pattern DATASET_ID =
                java.util.regex.Pattern.compile("[a-z0-9_]+(/[a-z0-9_]+)*/[a-z0-9_-]+-v[0-9]+");

        @Override
        public String id() {
            return "minari-" + datasetId.replaceAll("[^a-z0-9.-]+", "-");
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "minari");
            m.put("id", id());
            m.put("dataset_id", datasetId);
            m.put("env", env);
            return m;
        }
    }

    record Logs(String env, String path, String format) implements DatasetSpec {
        @Override
        public String id() {
            String name = path.replaceAll("/+$", "");
            name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.-]", "_");
            return env + "-logs-" + name;
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "logs");
            m.put("id", id());
            m.put("env", env);
            m.put("path", path);
            m.put("format", format);
            return m;
        }
    }
}
