package io.oris.model.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.config.LearnerConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.replay.UpdateInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ORIS ablation "w/o restart &amp; H2O reweight" is H2O (ORIS paper, ablation study): with
 * {@code oris.regularisation: h2o} its learner computes exactly H2O's losses and updates on the same batch and seed.
 */
class OrisAblationTest {
    static final int OBS = 3;
    static final int ACT = 2;

    private static LearnerConfig config(String regularisation) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("sac.hidden", List.of(6, 5));
        o.put("sac.dataType", "double");
        o.put("sac.offlineBatch", 4);
        o.put("sac.simulatedBatch", 5);
        o.put("discriminator.hidden", List.of(5, 4));
        o.put("discriminator.realBatch", 3);
        o.put("discriminator.simBatch", 4);
        o.put("oris.regularisation", regularisation);
        return LearnerConfig.defaults().withOverrides(o);
    }

    private static LearnerDims dims() {
        return new LearnerDims(OBS, ACT, new DatasetStats(new double[OBS], new double[] {0.5, 1.0, 2.0}, Double.NaN,
                Double.NaN));
    }

    private static UpdateInput input(long seed) {
        Random r = new Random(seed);
        return new UpdateInput(Ref.randomBatch(r, 4, OBS, ACT), Ref.randomBatch(r, 5, OBS, ACT),
                Ref.randomBatch(r, 3, OBS, ACT), Ref.randomBatch(r, 4, OBS, ACT));
    }

    @Test
    void withoutRestartAndWithH2oReweightAndRegularisationItIsH2o() {
        LearnerConfig cfg = config("h2o");
        Learner h2o = Learners.create("h2o", cfg, dims(), null, 21);
        Learner oris = Learners.create("oris-no_restart-h2o_reweight", cfg, dims(), null, 21);
        for (int step = 0; step < 3; step++) {
            Map<String, Double> a = h2o.update(input(100 + step));
            Map<String, Double> b = oris.update(input(100 + step));
            for (String k : a.keySet()) {
                assertTrue(b.containsKey(k), "ORIS ablation lacks H2O's loss term " + k);
                assertEquals(a.get(k), b.get(k), 0.0, "step " + step + ": " + k);
            }
        }
        SacLearner hs = (SacLearner) h2o;
        SacLearner os = (SacLearner) oris;
        assertArrayEquals(HostIO.toHost(hs.actorGroup().params()), HostIO.toHost(os.actorGroup().params()), 0.0);
        assertArrayEquals(HostIO.toHost(hs.criticGroup().params()), HostIO.toHost(os.criticGroup().params()), 0.0);
        assertArrayEquals(HostIO.toHost(hs.criticGroup().target()), HostIO.toHost(os.criticGroup().target()), 0.0);
        assertEquals(hs.logAlpha(), os.logAlpha(), 0.0);
    }

    @Test
    void defaultRegularisationIsNoneAndLeavesTheConservativeTermOut() {
        assertEquals("none", OrisConfig.defaults().regularisation());
        Learner oris = Learners.create("oris-no_restart-h2o_reweight", config("none"), dims(), null, 21);
        Map<String, Double> m = oris.update(input(7));
        assertTrue(m.keySet().stream().noneMatch(k -> k.endsWith("_reg_loss")), "unexpected regulariser: " + m);
        assertInstanceOf(OrisMethod.class, oris);
    }

    @Test
    void h2oRegularisationAddsTheConservativeTerm() {
        Learner oris = Learners.create("oris-h2o_reweight", config("h2o"), dims(), null, 21);
        Map<String, Double> m = oris.update(input(7));
        assertTrue(m.containsKey("q1_reg_loss") && m.containsKey("q2_reg_loss"), "no regulariser: " + m);
    }

    @Test
    void anUnknownRegularisationIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config("cql"));
        assertTrue(e.getMessage().contains("oris.regularisation"), e.getMessage());
    }
}
