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

    private static SimulatedReplay filled(int capacity, int rows) {
        SimulatedReplay r = new SimulatedReplay(capacity, 3, 2);
        for (int i = 0; i < rows; i++) {
            r.add(new float[] {i, i + 0.5f, -i}, new float[] {0.1f * i, -0.1f * i}, i * 0.25, new float[] {i + 1, 2, 3},
                    i % 7 == 0);
        }
        return r;
    }

    private static byte[] saved(SimulatedReplay r) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        r.save(out);
        return out.toByteArray();
    }

    /** Same contents: equal samples from equal streams, and equal bytes when saved again. */
    private static void assertSameContents(SimulatedReplay a, SimulatedReplay b) throws java.io.IOException {
        assertEquals(a.size(), b.size());
        Batch x = a.sample(50, new SeededRandom(4));
        Batch y = b.sample(50, new SeededRandom(4));
        org.junit.jupiter.api.Assertions.assertArrayEquals(x.obs(), y.obs());
        org.junit.jupiter.api.Assertions.assertArrayEquals(x.nextObs(), y.nextObs());
        org.junit.jupiter.api.Assertions.assertArrayEquals(x.actions(), y.actions());
        org.junit.jupiter.api.Assertions.assertArrayEquals(x.rewards(), y.rewards());
        org.junit.jupiter.api.Assertions.assertArrayEquals(x.done(), y.done());
        org.junit.jupiter.api.Assertions.assertArrayEquals(saved(a), saved(b));
    }

    @Test
    void aSavedRingHoldsOnlyItsFilledRowsAndLoadsBackEqual() throws Exception {
        SimulatedReplay part = filled(1000, 40);
        byte[] bytes = saved(part);
        assertEquals(6 * 4 + 40 * (3 + 2 + 1 + 3 + 1) * 4, bytes.length, "header and the 40 filled rows only");
        SimulatedReplay back = new SimulatedReplay(1000, 3, 2);
        back.load(new java.io.ByteArrayInputStream(bytes));
        assertSameContents(part, back);
        // and it goes on filling where it stopped
        float[] z = {9, 9, 9};
        part.add(z, new float[2], 1, z, false);
        back.add(z, new float[2], 1, z, false);
        assertSameContents(part, back);

        SimulatedReplay wrapped = filled(30, 75);   // full, head inside the ring
        SimulatedReplay wrappedBack = new SimulatedReplay(30, 3, 2);
        wrappedBack.load(new java.io.ByteArrayInputStream(saved(wrapped)));
        assertSameContents(wrapped, wrappedBack);

        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new SimulatedReplay(999, 3, 2).load(new java.io.ByteArrayInputStream(bytes)));
    }

    @Test
    void aFullRingCheckpointOfEarlierVersionsStillLoads() throws Exception {
        SimulatedReplay part = filled(50, 20);
        // the earlier format: capacity, dims, size, head, then every column over the whole capacity
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(old);
        d.writeInt(50);
        d.writeInt(3);
        d.writeInt(2);
        d.writeInt(20);
        d.writeInt(20);
        int[] widths = {3, 2, 1, 3, 1};
        for (int c = 0; c < 5; c++) {
            for (int i = 0; i < 50 * widths[c]; i++) {
                d.writeFloat(i < 20 * widths[c] ? value(c, i, widths[c]) : 0f);
            }
        }
        d.flush();
        SimulatedReplay back = new SimulatedReplay(50, 3, 2);
        back.load(new java.io.ByteArrayInputStream(old.toByteArray()));
        assertSameContents(part, back);
    }

    /** Value {@code i} of column {@code c} (obs, act, rew, next, done) as {@link #filled} writes it. */
    private static float value(int c, int i, int width) {
        int row = i / width;
        int j = i % width;
        return switch (c) {
            case 0 -> new float[] {row, row + 0.5f, -row}[j];
            case 1 -> new float[] {0.1f * row, -0.1f * row}[j];
            case 2 -> (float) (row * 0.25);
            case 3 -> new float[] {row + 1, 2, 3}[j];
            default -> row % 7 == 0 ? 1f : 0f;
        };
    }
}
