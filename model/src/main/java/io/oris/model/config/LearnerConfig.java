package io.oris.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Every hyperparameter of every method, grouped by method; each group's record documents its defaults. Overrides
 * use dotted keys ({@code sac.gamma}, {@code h2o.beta}, {@code oris.wMin}); an unknown key is an error.
 */
public record LearnerConfig(SacConfig sac, CqlConfig cql, IqlConfig iql, Td3BcConfig td3bc, BcConfig bc, H2oConfig h2o,
                            DiscriminatorConfig discriminator, OrisConfig oris, GanConfig gan, SqlConfig sql,
                            ComboConfig combo, DynamicsConfig dynamics) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Groups added after a run's config.json was written (SQL, COMBO and its dynamics model) read as their defaults. */
    public LearnerConfig {
        sql = sql == null ? SqlConfig.defaults() : sql;
        combo = combo == null ? ComboConfig.defaults() : combo;
        dynamics = dynamics == null ? DynamicsConfig.defaults() : dynamics;
    }

    public static LearnerConfig defaults() {
        return new LearnerConfig(SacConfig.defaults(), CqlConfig.defaults(), IqlConfig.defaults(),
                Td3BcConfig.defaults(), BcConfig.defaults(), H2oConfig.defaults(), DiscriminatorConfig.defaults(),
                OrisConfig.defaults(), GanConfig.defaults(), SqlConfig.defaults(), ComboConfig.defaults(),
                DynamicsConfig.defaults());
    }

    /** A copy with {@code overrides} applied (values may be numbers, booleans, strings or lists). */
    public LearnerConfig withOverrides(Map<String, ?> overrides) {
        ObjectNode root = MAPPER.valueToTree(this);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            String[] path = e.getKey().split("\\.");
            if (path.length != 2 || !root.has(path[0]) || !root.get(path[0]).has(path[1])) {
                throw new IllegalArgumentException("unknown hyperparameter '" + e.getKey() + "'");
            }
            ((ObjectNode) root.get(path[0])).set(path[1], MAPPER.valueToTree(e.getValue()));
        }
        try {
            return MAPPER.treeToValue(root, LearnerConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("bad hyperparameter value: " + ex.getOriginalMessage(), ex);
        }
    }

    /** The whole configuration as JSON (for a run's config.json). */
    public JsonNode toJson() {
        return MAPPER.valueToTree(this);
    }

    public static LearnerConfig fromJson(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, LearnerConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("bad learner configuration: " + ex.getOriginalMessage(), ex);
        }
    }
}
