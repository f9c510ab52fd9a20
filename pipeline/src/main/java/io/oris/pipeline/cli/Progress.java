package io.oris.pipeline.cli;

import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the commands' progress lines go: the SLF4J logger {@code io.oris.progress} (log4j2, configured in the
 * project's one {@code log4j2.properties}: plain lines on stdout, one per update, so CI logs and terminals read the
 * same), and the log levels {@code --quiet} and {@code --verbose} set. Results (tables, report paths) are printed by
 * the commands themselves and are never hidden.
 */
public final class Progress {
    /** The progress logger's name. */
    public static final String LOGGER = "io.oris.progress";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private Progress() {
    }

    /** A sink for progress lines (INFO on {@link #LOGGER}). */
    public static Consumer<String> sink() {
        return LOG::info;
    }

    /**
     * Applies {@code --quiet} (only warnings and errors of oris; progress hidden) or {@code --verbose} (oris's debug
     * lines and Spark's own INFO log); neither leaves the configured levels.
     */
    public static void verbosity(boolean quiet, boolean verbose) {
        if (quiet) {
            Configurator.setLevel("io.oris", Level.WARN);
        } else if (verbose) {
            Configurator.setLevel("io.oris", Level.DEBUG);
            Configurator.setLevel("org.apache.spark", Level.INFO);
        }
    }
}
