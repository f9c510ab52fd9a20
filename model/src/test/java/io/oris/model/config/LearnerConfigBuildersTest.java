package io.oris.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configs' builders and {@code with}-methods: the defaults' JSON is byte for byte what the positional constructors
 * gave (so config files and hashes that contain it do not change), a builder from a config rebuilds it, a
 * {@code with}-method changes its one field, and {@link LearnerConfig#withOverrides} agrees with the builders.
 */
class LearnerConfigBuildersTest {
    @Test
    void defaultsJsonIsUnchanged() throws IOException {
        String expected;
        try (InputStream in = getClass().getResourceAsStream("defaults.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertEquals(expected, LearnerConfig.defaults().toJson().toString());
    }

    @Test
    void toBuilderRebuildsTheSameConfig() {
        LearnerConfig d = LearnerConfig.defaults();
        assertEquals(d, d.toBuilder().build());
        assertEquals(d.sac(), d.sac().toBuilder().build());
        assertEquals(d.h2o(), d.h2o().toBuilder().build());
        assertEquals(d.oris(), d.oris().toBuilder().build());
        assertEquals(d.dynamics(), d.dynamics().toBuilder().build());
        assertEquals(d, LearnerConfig.fromJson(d.toJson()));
    }

    @Test
    void withChangesOneFieldOnly() {
        SacConfig s = SacConfig.defaults();
        SacConfig w = s.withSingleSourceBatch(512);
        assertEquals(512, w.singleSourceBatch());
        assertEquals(s, w.withSingleSourceBatch(s.singleSourceBatch()));
        assertNotEquals(s, w);
        H2oConfig h = H2oConfig.defaults().withAdaptiveWeights(false);
        assertEquals(H2oConfig.builder().adaptiveWeights(false).build(), h);
    }

    @Test
    void overridesAgreeWithBuilders() {
        LearnerConfig d = LearnerConfig.defaults();
        LearnerConfig o = d.withOverrides(Map.of("sac.hidden", List.of(64, 64), "h2o.beta", 0.5,
                "oris.regularisation", "h2o", "dynamics.maxEpochs", 7));
        LearnerConfig b = d.toBuilder()
                .sac(d.sac().withHidden(List.of(64, 64)))
                .h2o(d.h2o().withBeta(0.5))
                .oris(d.oris().withRegularisation("h2o"))
                .dynamics(d.dynamics().withMaxEpochs(7))
                .build();
        assertEquals(b, o);
        assertEquals(b.toJson(), o.toJson());
    }

    @Test
    void buildersKeepTheRecordsChecks() {
        assertThrows(IllegalArgumentException.class, () -> OrisConfig.builder().regularisation("cql").build());
        assertThrows(IllegalArgumentException.class, () -> OrisConfig.defaults().withRolloutHorizon(0));
    }
}
