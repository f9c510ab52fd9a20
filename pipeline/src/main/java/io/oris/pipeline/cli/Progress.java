package io.oris.pipeline.cli;

import io.oris.orchestration.runner.ProgressLog;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the commands' progress lines go: the SLF4J logger {@code io.oris.progress} (log4j2, configured in the
 * project's one {@code log4j2.properties}: plain lines on stdout, one per update; on an interactive terminal the
 * train stage's periodic status is redrawn in place instead), and the log levels {@code --quiet} and {@code --verbose} set. Results (tables, report paths) are printed by
 * the commands themselves and are never hidden.
 */
public final class Progress {
    /** The progress logger's name. */
    public static final String LOGGER = "io.oris.progress";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private Progress() {
    }

    /**
     * A sink for progress lines (INFO on {@link #LOGGER}). When standard output is an interactive terminal, status
     * lines (the train stage's periodic update) are redrawn in place ({@link TerminalProgress}); otherwise, and
     * always with {@code ORIS_PROGRESS=lines}, every update is its own line, as CI logs and files need.
     */
    public static ProgressLog sink() {
        if (!LOG.isInfoEnabled()) {
            return new LoggerProgress(false); // --quiet: no live status either
        }
        boolean terminal = System.console() != null && !"lines".equals(System.getenv("ORIS_PROGRESS"));
        return terminal ? new TerminalProgress(System.out, LOG::info, terminalWidth()) : new LoggerProgress(true);
    }

    /** Progress lines on the logger; status lines too (one per update) unless {@code showStatus} is false. */
    private record LoggerProgress(boolean showStatus) implements ProgressLog {
        @Override
        public void accept(String line) {
            LOG.info(line);
        }

        @Override
        public void status(String line) {
            if (showStatus) {
                LOG.info(line);
            }
        }
    }

    /** The terminal's width from {@code COLUMNS} where the shell exports it, else 120. */
    private static int terminalWidth() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim());
        } catch (NumberFormatException e) {
            return 120;
        }
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
