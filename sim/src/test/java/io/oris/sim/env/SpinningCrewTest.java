package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SpinningCrewTest {

    @Test
    void everyMemberRunsEachCallOnceAndTheCallerSeesTheirWrites() throws Exception {
        int size = 3;
        int calls = 2_000;
        long[] sums = new long[size];
        AtomicIntegerArray runs = new AtomicIntegerArray(size);
        try (SpinningCrew crew = new SpinningCrew(size, "test-crew")) {
            for (int c = 0; c < calls; c++) {
                long value = c;
                crew.runOnAll(m -> {
                    sums[m] += value; // plain writes: runOnAll's return must publish them
                    runs.incrementAndGet(m);
                });
                if (c % 500 == 0) {
                    Thread.sleep(2); // let the members park between some calls
                }
            }
        }
        long expected = (long) calls * (calls - 1) / 2;
        assertArrayEquals(new long[] {expected, expected, expected}, sums);
        for (int m = 0; m < size; m++) {
            assertEquals(calls, runs.get(m));
        }
    }

    @Test
    void aMembersExceptionReachesTheCallerAndTheCrewGoesOn() {
        try (SpinningCrew crew = new SpinningCrew(2, "test-crew")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> crew.runOnAll(m -> {
                if (m == 1) {
                    throw new IllegalStateException("member 1 failed");
                }
            }));
            assertEquals("member 1 failed", e.getMessage());
            int[] seen = new int[2];
            crew.runOnAll(m -> seen[m]++);
            assertArrayEquals(new int[] {1, 1}, seen);
        }
    }

    @Test
    void aClosedCrewRefusesWork() {
        SpinningCrew crew = new SpinningCrew(2, "test-crew");
        crew.close();
        assertThrows(IllegalStateException.class, () -> crew.runOnAll(m -> { }));
    }
}
