package io.oris.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code oris datasets ...}: list, inspect and subset the transition datasets under the data root, and install
 * the shipped ones into it.
 */
@Command(name = "datasets",
        description = "List, show, subset and install transition datasets.",
        subcommands = {DatasetsListCommand.class, DatasetsShowCommand.class, DatasetsSubsetCommand.class,
            DatasetsInstallCommand.class, DatasetsVerifyCommand.class, DatasetsExportCommand.class})
public final class DatasetsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
