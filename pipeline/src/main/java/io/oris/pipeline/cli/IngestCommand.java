package io.oris.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oris ingest ...}: turn D4RL files, Minari datasets or robot logs into Parquet transition datasets. */
@Command(name = "ingest",
        description = "Convert D4RL files, Minari datasets or robot logs into Parquet transition datasets.",
        subcommands = {IngestD4rlCommand.class, IngestMinariCommand.class, IngestLogsCommand.class})
public final class IngestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
