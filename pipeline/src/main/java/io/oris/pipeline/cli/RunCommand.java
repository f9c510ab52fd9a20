package io.oris.pipeline.cli;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.runner.TaskResult;
import io.oris.pipeline.stages.SweepRunner;
import io.oris.pipeline.train.ModelLearners;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris run JOB}: runs a whole sweep with Spark embedded ({@code local[*]}) or on the job's master;
 * a killed or failed sweep resumes where it stopped when run again.
 */
@Command(name = "run", description = "Run a job's whole sweep (Spark embedded by default); rerun to resume or retry failures.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job file (YAML), e.g. jobs/quickstart.yaml.")
    Path job;

    @Option(names = "--master", description = "Spark master, overriding the job's (e.g. local[2], spark://HOST:7077).")
    String master;

    @Option(names = "--if-changed", description = "Retrain only when a retrain_on input changed since the last successful run.")
    boolean ifChanged;

    @Mixin
    DataRootOption dataRoot;

    @Override
    public Integer call() {
        SweepRunner.Result result = new SweepRunner(new ModelLearners(), Progress.sink())
                .run(job, dataRoot.path(JobDescriptor.load(job).sweep().dataRoot()), master, ifChanged);
        return report(result);
    }

    /** Prints the sweep's outcome and returns the exit code (0 when every task succeeded or nothing had to run). */
    static int report(SweepRunner.Result result) {
        System.out.println("[oris] " + result.outcome().message());
        if (result.report() != null) {
            System.out.println();
            System.out.print(result.report().terminalTables());
            System.out.println();
            System.out.println("Report: " + result.report().html());
        }
        if (result.outcome().report() != null && !result.outcome().report().succeeded()) {
            for (TaskResult r : result.outcome().report().results()) {
                if (r.status() != TaskResult.Status.SUCCEEDED) {
                    System.out.println("  " + r.taskId() + ": " + r.status() + (r.error() == null ? "" : " - " + r.error()));
                }
            }
            return 1;
        }
        return 0;
    }
}
