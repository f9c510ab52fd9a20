package io.oris.pipeline.cli;

import picocli.CommandLine;

/**
 * Prints a failed command's error as one readable line (the stack trace only with {@code ORIS_DEBUG=1}),
 * so user mistakes such as a wrong path read as messages, not as crashes.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        Throwable shown = ex;
        StringBuilder message = new StringBuilder("oris ").append(cli.getCommandName()).append(": ");
        message.append(shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage());
        for (Throwable cause = shown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
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
        return 1;
    }
}
