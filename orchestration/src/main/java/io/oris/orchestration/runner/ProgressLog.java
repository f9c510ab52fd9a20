package io.oris.orchestration.runner;

import java.util.function.Consumer;

/**
 * A sink for progress lines that also takes status lines: repeated updates of one ongoing measure (the train stage's
 * steps done and ETA) that a terminal may redraw in place, where a log file or CI log gets one line per update.
 * Stages reach it through {@link RunContext#status}; a plain {@code Consumer<String>} sink gets status lines as lines.
 */
public interface ProgressLog extends Consumer<String> {
    /** Shows the newest status; the next status or line replaces or follows it. */
    void status(String line);
}
