package io.oris.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code oris bench ...}: throughput benchmarks that print a table and can write JSON ({@code --json FILE}).
 * Tests check correctness only; speed is measured here.
 */
@Command(name = "bench",
        description = "Throughput benchmarks (print a table; --json FILE writes the figures).",
        subcommands = {
            BenchSimCommand.class,
            BenchPipelineCommand.class,
            BenchLearnersCommand.class,
            BenchIngestCommand.class
        },
        footer = {"%nIn the launcher (bash, not this jar; pipeline/src/main/sh/bench-launch.sh):",
            "  ./oris bench launch [JOB] [--keep] [--json FILE] [--submit-jar cluster|all|PATH] [--profile]",
            "      one sweep timed three ways: ./oris run, java -jar oris-all.jar from",
            "      an empty environment, ./oris submit (oris-cluster.jar) to a standalone",
            "      cluster on 127.0.0.1"})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
