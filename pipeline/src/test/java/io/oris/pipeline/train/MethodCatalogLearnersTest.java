package io.oris.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.Learners;
import io.oris.orchestration.descriptor.MethodCatalog;
import io.oris.orchestration.descriptor.MethodInfo;
import io.oris.orchestration.descriptor.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The orchestration's method catalog ({@link MethodCatalog}) against the model's name → learner map
 * ({@link Learners}): the same method names, the same ablation flags in the same order, and every variant a job can
 * name builds a learner config (so a method added to one side only fails the build).
 */
class MethodCatalogLearnersTest {
    @Test
    void catalogAndLearnersNameTheSameMethodsAndFlags() {
        assertEquals(Learners.methods().keySet().stream().sorted().toList(), MethodCatalog.ids().stream().sorted().toList());
        for (MethodInfo info : MethodCatalog.all()) {
            assertEquals(Learners.methods().get(info.id()), info.flags(), info.id());
        }
    }

    @Test
    void everyCatalogVariantResolvesToALearnerConfig() {
        for (MethodInfo info : MethodCatalog.all()) {
            for (String variant : variants(info.flags())) {
                String name = variant.isEmpty() ? info.id() : info.id() + "-" + variant;
                assertEquals(name, MethodSpec.parse(name).name());
                assertDoesNotThrow(() -> Learners.resolve(name, LearnerConfig.defaults()), name);
            }
        }
    }

    @Test
    void everyLearnerTheModelListsIsACatalogVariant() {
        for (String name : Learners.knownMethods()) {
            MethodSpec spec = MethodSpec.parse(name);
            assertEquals(Set.of(name.split("-")), Set.copyOf(List.of(spec.name().split("-"))), name);
        }
    }

    /** Every subset of {@code flags}, in canonical order, joined by '-' ({@code ""} for none). */
    private static List<String> variants(List<String> flags) {
        List<String> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << flags.size(); mask++) {
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < flags.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(flags.get(i));
                }
            }
            out.add(String.join("-", chosen));
        }
        return out;
    }
}
