package io.oris.pipeline.cli;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.pipeline.report.Bootstrap;
import io.oris.pipeline.report.RunResult;
import io.oris.pipeline.results.GitRevision;
import io.oris.pipeline.results.JobSummary;
import io.oris.pipeline.results.LatestReport;
import io.oris.pipeline.results.MachineInfo;
import io.oris.pipeline.results.Provenance;
import io.oris.pipeline.results.ResultsWriter;
import io.oris.pipeline.results.TrainingTime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris results JOB --out results/NAME}: turns a finished sweep into a committed, self-describing results
 * folder (README with the table, bootstrap intervals and comparisons, the figures, the exact commands, commit, wall
 * time and machine; {@code scores.csv}), from the job's newest report and its run folders. Nothing is trained.
 */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Write a results folder (README.md with the score table, 95%% bootstrap CIs, pairwise comparisons,"
                + " figures and how it was made; scores.csv; PNGs) from a job's newest report.",
        footer = {"%nExample:", "  oris results jobs/quickstart.yaml --out results/quickstart"})
public final class ResultsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job file (YAML) whose sweep has run, e.g. jobs/quickstart.yaml.")
    Path job;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results folder to write, e.g. results/quickstart.")
    Path out;

    @Option(names = "--overwrite", description = "Replace the results folder when it exists.")
    boolean overwrite;

    @Mixin
    DataRootOption dataRoot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        JobDescriptor descriptor = JobDescriptor.load(job);
        Path root = dataRoot.path(descriptor.sweep().dataRoot());
        LatestReport report = LatestReport.find(root, descriptor.dagId(), job);
        GitRevision git = GitRevision.of(job.toAbsolutePath().getParent());
        String jobPath = git.relative(job);
        List<String> runIds = report.contents().runs().stream().map(RunResult::runId).toList();
        JobSummary summary = JobSummary.of(descriptor, jobPath, root, runIds);
        String rootOption = dataRoot.dataRoot == null ? "" : " --data-root " + root;
        Provenance provenance = new Provenance(List.of("./oris run " + jobPath + rootOption,
                "./oris results " + jobPath + rootOption + " --out " + git.relative(out)),
                git, TrainingTime.read(root, runIds), MachineInfo.current());
        ResultsWriter.Written written = new ResultsWriter(Bootstrap.standard())
                .write(summary, report, provenance, root, out, overwrite);
        PrintWriter o = spec.commandLine().getOut();
        o.println("results " + written.directory() + ": " + written.files().size() + " files from report " + report.id()
                + " (" + runIds.size() + " runs), commit " + git.text());
        o.flush();
        return 0;
    }
}
