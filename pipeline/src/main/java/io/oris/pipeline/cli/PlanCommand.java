package io.oris.pipeline.cli;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.plan.CostEstimate;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.PlanPrinter;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.plan.Throughput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris plan JOB}: expands a job file into its stages, task DAG and run counts without running
 * anything, and warns when D4RL files the job needs are missing from {@code <data-root>/d4rl/}. With
 * {@code --executors N} it adds a scale estimate ({@link CostEstimate}): core-hours, wall time on N executor slots
 * and storage per stage, from measured throughput ({@code --bench FILE} of {@code oris bench learners --json}, else
 * the built-in figures of {@link Throughput#defaults()}); {@code --gpus G} limits the train stage to the tasks G GPUs
 * hold.
 */
@Command(name = "plan", description = "Show a job's stages, task DAG and run counts without running anything.")
public final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job file (YAML), e.g. jobs/quickstart.yaml.")
    Path job;

    @Option(names = "--runs", description = "Also list every run (run id, method, dataset, gap, seed).")
    boolean listRuns;

    @Option(names = "--executors", paramLabel = "N",
            description = "Estimate cost and wall time on N single-core executor slots (e.g. executors x cores).")
    Integer executors;

    @Option(names = "--bench", paramLabel = "FILE",
            description = "Throughput figures for the estimate: the JSON of 'oris bench learners --json FILE'; repeat it"
                    + " to add a CUDA build's file (GPU rates) to a CPU one.")
    List<Path> bench = new ArrayList<>();

    @Option(names = "--gpus", paramLabel = "G",
            description = "Estimate with G GPUs in the cluster: at most G / spark.gpus_per_train_task train tasks at"
                    + " once, at the GPU rates of a CUDA bench file where given.")
    Integer gpus;

    @Mixin
    DataRootOption dataRoot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (executors != null && executors < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--executors must be at least 1, got "
                    + executors);
        }
        if (gpus != null && gpus < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gpus must be 0 or more, got " + gpus);
        }
        Plan plan = new Planner().plan(JobDescriptor.load(job), dataRoot.path());
        PrintWriter out = spec.commandLine().getOut();
        out.print(PlanPrinter.render(plan, listRuns));
        if (executors != null || !bench.isEmpty() || gpus != null) {
            Throughput rates = Throughput.defaults();
            for (Path file : bench) {
                rates = rates.withBench(file);
            }
            out.print(CostEstimate.of(plan, executors == null ? 1 : executors, gpus == null ? 0 : gpus, rates).render());
        }
        out.flush();
        String warning = PlanPrinter.missingInputsWarning(plan);
        if (!warning.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.print("\n" + warning);
            err.flush();
        }
        return 0;
    }
}
