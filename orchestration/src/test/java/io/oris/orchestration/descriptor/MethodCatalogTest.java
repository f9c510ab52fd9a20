package io.oris.orchestration.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The method catalog: one entry per method, unique names and column ranks, families as the papers use them. */
class MethodCatalogTest {
    @Test
    void everyMethodHasOneEntry() {
        assertEquals(Arrays.asList(Method.values()), MethodCatalog.all().stream().map(MethodInfo::method).toList());
        for (Method m : Method.values()) {
            assertEquals(m, Method.byId(m.id()).orElseThrow());
        }
        assertEquals(MethodCatalog.all().size(), new HashSet<>(MethodCatalog.ids()).size());
        Set<Integer> ranks = new HashSet<>();
        MethodCatalog.all().forEach(i -> ranks.add(i.columnRank()));
        assertEquals(MethodCatalog.all().size(), ranks.size());
    }

    @Test
    void familiesDecideWhatARunReads() {
        assertEquals(MethodFamily.SIM_ONLY, Method.SAC.info().family());
        for (Method m : List.of(Method.CQL, Method.IQL, Method.SQL, Method.COMBO, Method.TD3BC, Method.BC)) {
            assertFalse(m.usesSimulator(), m.id());
            assertTrue(m.usesDataset(), m.id());
        }
        for (Method m : List.of(Method.H2O, Method.DARC, Method.DARC_PLUS, Method.ORIS)) {
            assertEquals(MethodFamily.HYBRID, m.info().family(), m.id());
        }
        assertTrue(Method.COMBO.info().needsDynamicsModel());
        assertTrue(Method.ORIS.info().readsGan());
    }

    @Test
    void labelsAreThePapers() {
        assertEquals("TD3+BC", MethodCatalog.byId("td3bc").orElseThrow().display(""));
        assertEquals("H2O-a-dr", Method.H2O.info().display("a-dr"));
        assertEquals("ORIS (w/o restart)", Method.ORIS.info().display("no_restart"));
        assertEquals("ORIS (w/o restart & H2O reweight)", Method.ORIS.info().display("no_restart-h2o_reweight"));
    }
}
