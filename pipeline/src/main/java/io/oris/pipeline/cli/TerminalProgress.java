package io.oris.pipeline.cli;

import io.oris.orchestration.runner.ProgressLog;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Progress on an interactive terminal: status lines (the train stage's steps done and ETA) are redrawn in place on
 * one line (carriage return and erase-line), and ordinary progress lines first clear a pending status, so the
 * terminal shows the log plus one live status line instead of a new line every 20 seconds. Only used when standard
 * output is a terminal ({@link Progress#sink()}); elsewhere every update is its own line.
 */
final class TerminalProgress implements ProgressLog {
    private static final String CLEAR_LINE = "\r\033[K";
    private final PrintStream terminal;
    private final Consumer<String> lines;
    private final int width;
    private boolean statusShown;

    /**
     * @param terminal where status lines are drawn (standard output)
     * @param lines    where ordinary lines go (the progress logger, which writes to the same standard output)
     * @param width    the terminal's width in columns; longer status lines are cut so they stay on one row
     */
    TerminalProgress(PrintStream terminal, Consumer<String> lines, int width) {
        this.terminal = terminal;
        this.lines = lines;
        this.width = Math.max(20, width);
    }

    @Override
    public synchronized void accept(String line) {
        clearStatus();
        lines.accept(line);
    }

    @Override
    public synchronized void status(String line) {
        String shown = line.strip();
        if (shown.length() >= width) {
            shown = shown.substring(0, width - 2) + "…";
        }
        terminal.print(CLEAR_LINE + shown);
        terminal.flush();
        statusShown = true;
    }

    private void clearStatus() {
        if (statusShown) {
            terminal.print(CLEAR_LINE);
            terminal.flush();
            statusShown = false;
        }
    }
}
