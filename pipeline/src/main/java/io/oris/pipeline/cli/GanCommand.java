package io.oris.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oris gan ...}: inspect the ORIS GANs the pretrain-gan stage trained under the data root. */
@Command(name = "gan", description = "List the pre-trained ORIS GANs and sample states from one.",
        subcommands = {GanListCommand.class, GanSampleCommand.class})
public final class GanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
