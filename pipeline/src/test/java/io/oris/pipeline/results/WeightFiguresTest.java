package io.oris.pipeline.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The weight figures name what the column weights its simulated rows by. */
class WeightFiguresTest {
    @Test
    void theH2oReweightVariantsShowTheDynamicsRatioAndTheOthersWOfS() {
        assertEquals("w(s)", WeightFigures.weightName("oris"));
        assertEquals("w(s)", WeightFigures.weightName("oris-no_restart"));
        assertEquals("dynamics ratio", WeightFigures.weightName("oris-h2o_reweight"));
        assertEquals("dynamics ratio", WeightFigures.weightName("oris-no_restart-h2o_reweight"));
    }
}
