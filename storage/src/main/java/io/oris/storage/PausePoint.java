package io.oris.storage;

/**
 * Named points inside long writes where a process can be told to stop and wait, so that a test can kill it with
 * SIGKILL at exactly that point (the crash-matrix test, docs/architecture.md §8). Off unless the system property
 * {@value #PROPERTY} names the point: then the thread that reaches it prints {@value #MARKER}{@code NAME} on stderr
 * and sleeps until the process is killed. Nothing else is kept: every call only reads the property.
 */
public final class PausePoint {
    /** System property naming the one point to pause at, e.g. {@code -Doris.pauseAt=checkpoint-write@200}. */
    public static final String PROPERTY = "oris.pauseAt";
    /** What a paused thread prints on stderr, followed by the point's name. */
    public static final String MARKER = "[oris] paused at ";

    private PausePoint() {
    }

    /** Pauses the calling thread for good when {@code name} is the point {@value #PROPERTY} names; else returns. */
    public static void reach(String name) {
        if (!name.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.err.println(MARKER + name);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // keep waiting: only the kill the test sends ends a paused process
            }
        }
    }
}
