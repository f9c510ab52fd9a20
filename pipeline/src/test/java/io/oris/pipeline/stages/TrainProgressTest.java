package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainProgressTest {
    @Test
    void etaCountsOnlyTheStepsMadeSinceTheStageStarted() {
        // a resumed sweep: 8,000 of 360,000 steps were done before; 4,000 more in 10 minutes -> 348,000 left at 400/min
        assertEquals("14h30m", TrainProgress.eta(600, 12_000, 8_000, 360_000));
        // nothing made yet in this invocation: no estimate rather than one from the earlier steps
        assertEquals("?", TrainProgress.eta(600, 8_000, 8_000, 360_000));
        // a fresh sweep
        assertEquals("5m00s", TrainProgress.eta(300, 500, 0, 1_000));
        assertEquals("0m00s", TrainProgress.eta(300, 1_000, 1_000, 1_000));
    }
}
