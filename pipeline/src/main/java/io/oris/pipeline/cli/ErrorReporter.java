package io.oris.pipeline.cli;

import picocli.CommandLine;

/**
 * Prints a failed command's error as one readable line (the stack trace only with {@code ORIS_DEBUG=1}),
 * so user mistakes such as a wrong path read as messages, not as crashes, and returns the exit code: 3 when the
 * cause is an input the user handed over (a job file, a dataset or log file, a missing file), else 1.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    /** Exit code of a failed run or stage, or an unexpected error. */
    static final int FAILED = 1;
    /** Exit code of bad input: a malformed or missing file the user named. */
    static final int BAD_INPUT = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        Throwable badInput = badInput(ex);
        Throwable shown = badInput != null ? badInput : ex;
        StringBuilder message = new StringBuilder("oris ").append(cli.getCommandName()).append(": ");
        message.append(shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage());
        // a bad-input message is whole (file, field, expected vs found); its causes are the parser's own words
        for (Throwable cause = badInput != null ? null : shown.getCause(); cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        cli.getErr().println(cli.getColorScheme().errorText(message.toString()));
        if ("1".equals(System.getenv("ORIS_DEBUG"))) {
            ex.printStackTrace(cli.getErr());
        } else {
            cli.getErr().println("(set ORIS_DEBUG=1 for the stack trace)");
        }
        return isBadInput(ex) ? BAD_INPUT : FAILED;
    }

    /** True when {@code ex} or one of its causes says that an input the user named is malformed or missing. */
    static boolean isBadInput(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (badInput(t) != null || t instanceof java.nio.file.NoSuchFileException
                    || t instanceof java.io.FileNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** The first exception in {@code ex}'s chain that describes a malformed input by itself, or null. */
    private static Throwable badInput(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.oris.orchestration.descriptor.DescriptorException
                    || t instanceof io.oris.storage.BadInputException) {
                return t;
            }
        }
        return null;
    }
}
