package io.oris.orchestration.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GapAndMethodSpecTest {

    @Test
    void gapsAreCanonical() {
        assertEquals("gravity=2.0,friction=0.5", GapSpec.parse(" friction=0.5 , gravity=2 ").canonical());
        assertEquals(GapSpec.parse("gravity=2.0,friction=0.5"), GapSpec.parse("friction=0.50,gravity=2"));
        assertEquals("gravity2.0-friction0.5", GapSpec.parse("gravity=2,friction=0.5").id());
        assertTrue(GapSpec.parse("real").isReal());
        assertEquals("action_noise=1.0", GapSpec.parse("action_noise=1").canonical());
    }

    @Test
    void badGapsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("gravity=0"));
        assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("gravity=abc"));
        assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("gravity=2,gravity=3"));
        assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("mass=2"));
        assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("action_noise=-1"));
    }

    @Test
    void methodsKnowWhatTheyNeed() {
        assertTrue(Method.SAC.usesSimulator());
        assertFalse(Method.SAC.usesDataset());
        assertFalse(Method.CQL.usesSimulator());
        assertTrue(Method.ORIS.usesSimulator() && Method.ORIS.usesDataset());
        MethodSpec darcPlus = MethodSpec.parse("darc+");
        assertEquals(Method.DARC_PLUS, darcPlus.method());
        assertEquals("", darcPlus.variant());
        MethodSpec ablation = MethodSpec.parse("oris-no_restart-h2o_reweight");
        assertEquals(Method.ORIS, ablation.method());
        assertEquals("no_restart-h2o_reweight", ablation.variant());
        assertThrows(IllegalArgumentException.class, () -> MethodSpec.parse("cql-a"));
        assertThrows(IllegalArgumentException.class, () -> MethodSpec.parse("h2o-a-a"));
        assertThrows(IllegalArgumentException.class, () -> MethodSpec.parse("ppo"));
    }
}
