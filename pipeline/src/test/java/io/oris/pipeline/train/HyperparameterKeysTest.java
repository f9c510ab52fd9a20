package io.oris.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.model.config.GanConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.Learners;
import io.oris.orchestration.descriptor.HyperparameterKeys;
import io.oris.orchestration.descriptor.MethodSpec;
import io.oris.pipeline.gan.GanArtifacts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The job parser's copy of which keys each method reads ({@link HyperparameterKeys}, in orchestration) against the
 * model's learner config: every listed key exists and is applied, every config field is listed (or is an ablation
 * switch), and every method the model knows is a method the parser knows.
 */
class HyperparameterKeysTest {
    private static final JsonNode DEFAULTS = LearnerConfig.defaults().toJson();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> modelKeys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> groups = DEFAULTS.fieldNames(); groups.hasNext(); ) {
            String group = groups.next();
            DEFAULTS.get(group).fieldNames().forEachRemaining(f -> keys.add(group + "." + f));
        }
        return keys;
    }

    @Test
    void everyListedLearnerKeyExistsAndIsApplied() throws Exception {
        for (String key : HyperparameterKeys.all()) {
            if (key.equals(HyperparameterKeys.SIM_BUFFER_SIZE)) {
                continue;
            }
            String[] path = key.split("\\.");
            JsonNode dflt = DEFAULTS.get(path[0]).get(path[1]);
            Object value = JSON.treeToValue(dflt, Object.class);
            LearnerConfig same = LearnerConfig.defaults().withOverrides(java.util.Collections.singletonMap(key, value));
            assertEquals(LearnerConfig.defaults(), same, key);
        }
    }

    @Test
    void everyModelFieldIsListedOrIsAnAblationSwitch() {
        TreeSet<String> unlisted = new TreeSet<>(modelKeys());
        unlisted.removeAll(HyperparameterKeys.all());
        assertEquals(new TreeSet<>(HyperparameterKeys.VARIANT_SWITCHES.keySet()), unlisted,
                "a new learner config field needs an entry in orchestration's HyperparameterKeys");
        List<String> gan = new ArrayList<>();
        DEFAULTS.get("gan").fieldNames().forEachRemaining(f -> gan.add("gan." + f));
        assertEquals(new TreeSet<>(gan), new TreeSet<>(HyperparameterKeys.GAN));
    }

    @Test
    void everyGanKeyReachesTheGanConfig() {
        GanConfig d = GanConfig.defaults();
        Map<String, Object> changed = Map.of("generatorHidden", List.of(7), "discriminatorHidden", List.of(9), "noiseDim", 3,
                "steps", 11, "batch", 13, "lr", 0.5, "beta1", 0.25, "nonSaturating", !d.nonSaturating(), "curveEvery", 17);
        assertEquals(HyperparameterKeys.GAN.size(), changed.size());
        for (Map.Entry<String, Object> e : changed.entrySet()) {
            assertNotEquals(d, GanArtifacts.config(Map.of(e.getKey(), e.getValue())), e.getKey());
        }
    }

    @Test
    void everyModelMethodIsAParserMethodWithKeys() {
        for (String name : Learners.knownMethods()) {
            MethodSpec spec = MethodSpec.parse(name);
            assertFalse(HyperparameterKeys.of(spec).isEmpty(), name);
            assertTrue(HyperparameterKeys.of(spec).contains("sac.hidden"), name);
        }
    }
}
