package io.oris.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oris airflow ...}: Airflow integration (export a job as a DAG). */
@Command(name = "airflow",
        description = "Airflow integration: export a job file as an Airflow DAG.",
        subcommands = {
            AirflowExportCommand.class
        })
public final class AirflowCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
