package io.oris.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oris env ...}: the project's environments for programs outside the JVM. */
@Command(name = "env", description = "Serve an oris environment to another program (e.g. a Python agent).",
        subcommands = {EnvServeCommand.class})
public final class EnvCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
