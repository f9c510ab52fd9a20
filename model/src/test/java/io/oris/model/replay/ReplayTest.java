package io.oris.model.replay;

import io.oris.model.nn.SeededRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {
    @Test
    void simulatedRingOverwritesTheOldestAndHoldsTenTimesTheOfflineSize() {
        SimulatedReplay ring = SimulatedReplay.forOffline(3, 1, 1);
        assertEquals(30, ring.capacity());
        for (int i = 0; i < 35; i++) {
            ring.add(new float[] {i}, new float[] {0}, i, new float[] {i + 1}, false);
        }
        assertEquals(30, ring.size());
        Batch b = ring.sample(500, new SeededRandom(1));
        float min = Float.MAX_VALUE;
        for (float v : b.obs()) {
            min = Math.min(min, v);
        }
        assertTrue(min >= 5, "transitions 0-4 were overwritten, got " + min);
        for (int i = 0; i < b.size(); i++) {
            assertEquals(b.obs()[i] + 1, b.nextObs()[i]);
            assertEquals(b.obs()[i], b.rewards()[i]);
        }
    }

    @Test
    void mixedReplayServesTheSpec() {
        float[] s = {0, 1, 2, 3};
        Transitions t = new Transitions(4, 1, 1, s, s.clone(), s.clone(), s.clone(), new float[4]);
        SimulatedReplay ring = new SimulatedReplay(10, 1, 1);
        ring.add(new float[] {-1}, new float[] {-1}, -1, new float[] {-1}, true);
        MixedReplay mix = new MixedReplay(new OfflineReplay(t), ring);
        UpdateInput in = mix.sample(new BatchSpec(128, 128, 0, 0), 1, 1, new SeededRandom(2));
        assertEquals(128, in.offline().size());
        assertEquals(128, in.simulated().size());
        assertNull(in.discriminatorOffline());
        for (float v : in.simulated().obs()) {
            assertEquals(-1f, v);
        }
        for (float v : in.offline().obs()) {
            assertTrue(v >= 0);
        }
        in = mix.sample(new BatchSpec(8, 8, 16, 16), 1, 1, new SeededRandom(2));
        assertEquals(16, in.discriminatorSimulated().size());
    }
}
