package io.oris.pipeline.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's resolved config as the train and evaluate tasks read it: the plain-value map of
 * {@code config.json} (written by orchestration's {@code RunSpec.config()}), with typed accessors and
 * messages that name the missing field. Serializable, so Spark ships it to executors as it is.
 */
public record RunConfig(String runId, Map<String, Object> values) implements java.io.Serializable {

    public RunConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String method() {
        return string(values, "method");
    }

    /** Variant flags joined by '-', or "" for the plain method. */
    public String variant() {
        Object v = values.get("variant");
        return v == null ? "" : v.toString();
    }

    /** The learner name: method plus variant ({@code h2o-a}, {@code oris-no_restart}). */
    public String learnerName() {
        return variant().isEmpty() ? method() : method() + "-" + variant();
    }

    public String env() {
        return string(values, "env");
    }

    /** The dataset id, or null for sim-only runs. */
    public String datasetId() {
        Map<String, Object> d = mapOrNull(values, "dataset");
        return d == null ? null : string(d, "id");
    }

    /** The dynamics gap of the simulator, or null for offline-only runs. */
    public String gap() {
        Object g = values.get("gap");
        return g == null ? null : g.toString();
    }

    public long seed() {
        return number(values, "seed").longValue();
    }

    public long gradientSteps() {
        return number(map(values, "budget"), "gradient_steps").longValue();
    }

    public long stepsPerEpoch() {
        return number(map(values, "budget"), "steps_per_epoch").longValue();
    }

    public long simStepsPerEpoch() {
        Object v = map(values, "budget").get("sim_steps_per_epoch");
        return v == null ? 0 : ((Number) v).longValue();
    }

    public long evalEvery() {
        return number(map(values, "budget"), "eval_every").longValue();
    }

    public long snapshotEvery() {
        Object v = map(values, "budget").get("snapshot_every");
        return v == null ? evalEvery() : ((Number) v).longValue();
    }

    public int evalEpisodes() {
        return number(map(values, "evaluation"), "episodes").intValue();
    }

    public int lastK() {
        return number(map(values, "evaluation"), "last_k").intValue();
    }

    public int maxEpisodeSteps() {
        Object v = map(values, "evaluation").get("max_episode_steps");
        return v == null ? 1000 : ((Number) v).intValue();
    }

    /** Learner hyperparameter overrides from the job (empty: the learner's documented defaults). */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = mapOrNull(values, "hyperparameters");
        return h == null ? Map.of() : h;
    }

    /** GAN settings of an ORIS run, or null. */
    public Map<String, Object> gan() {
        return mapOrNull(values, "gan");
    }

    /** The {@code dynamics} section (COMBO runs: the seed of the pre-trained dynamics model), or null. */
    public Map<String, Object> dynamics() {
        return mapOrNull(values, "dynamics");
    }

    private String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("run " + runId + ": config field '" + key + "' is missing");
        }
        return v.toString();
    }

    private Number number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("run " + runId + ": config field '" + key + "' must be a number, got " + v);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<String, Object> m, String key) {
        Map<String, Object> v = mapOrNull(m, key);
        if (v == null) {
            throw new IllegalArgumentException("run " + runId + ": config section '" + key + "' is missing");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOrNull(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
