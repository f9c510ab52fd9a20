package io.oris.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The native thread count's sources and their errors, and the helper-thread count on this JVM. */
class NativeThreadsTest {
    @Test
    void aBadCountNamesItsSourceAndWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeThreads.parse("two", "environment variable " + NativeThreads.ENV));
        assertEquals("environment variable ORIS_NATIVE_THREADS is 'two', expected a whole number >= 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeThreads.parse("0", "system property x"));
        assertThrows(IllegalArgumentException.class, () -> NativeThreads.configure(0));
        assertEquals(3, NativeThreads.parse(" 3 ", "x"));
    }

    @Test
    void thePropertyWinsAndPinAppliesIt() {
        String before = System.getProperty(NativeThreads.PROPERTY);
        try {
            NativeThreads.configure(1);
            assertEquals(1, NativeThreads.configured());
            assertEquals(1, NativeThreads.pin());
            assertEquals(1, NativeThreads.blasThreads());
            int helpers = NativeThreads.busyHelperThreads();
            assertTrue(helpers >= -1, "a count, or -1 without /proc: " + helpers);
        } finally {
            if (before == null) {
                System.clearProperty(NativeThreads.PROPERTY);
            } else {
                System.setProperty(NativeThreads.PROPERTY, before);
            }
        }
    }
}
