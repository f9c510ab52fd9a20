package io.oris.pipeline.results;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.GapSpec;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.MethodSpec;
import io.oris.orchestration.descriptor.Sweep;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.sweep.RunSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a results README says about the job behind it: its name, description and file, the sweep's axes (envs,
 * datasets, gaps, methods, seeds) and budget, and whether the job file as it is now still plans exactly the runs the
 * report scored (a job edited after its report is named as such rather than silently described).
 *
 * @param dagId       the job's name
 * @param description the job's {@code description}, or {@code ""}
 * @param jobPath     the job file as the commands show it (relative to its repository when inside one)
 * @param sweep       the job's sweep
 * @param planMatch   one sentence comparing the job's planned runs with the report's
 */
public record JobSummary(String dagId, String description, String jobPath, Sweep sweep, String planMatch) {
    /**
     * Summarises {@code job} and plans it (nothing runs) to compare its run ids with the report's.
     *
     * @param reportRunIds the run ids of the report
     */
    public static JobSummary of(JobDescriptor job, String jobPath, Path dataRoot, List<String> reportRunIds) {
        Object description = job.dagParams().get("description");
        return new JobSummary(job.dagId(), description == null ? "" : String.valueOf(description).strip(), jobPath,
                job.sweep(), planMatch(job, dataRoot, reportRunIds));
    }

    static String planMatch(JobDescriptor job, Path dataRoot, List<String> reportRunIds) {
        List<String> planned;
        try {
            planned = new Planner().plan(job, dataRoot).runs().stream().map(RunSpec::runId).toList();
        } catch (RuntimeException e) {
            return "The job file could not be planned to compare its runs with the report's: " + e.getMessage() + ".";
        }
        Set<String> inReport = new HashSet<>(reportRunIds);
        long common = planned.stream().filter(inReport::contains).count();
        if (common == planned.size() && common == inReport.size()) {
            return "The report's runs are exactly the runs the job file plans.";
        }
        return "**The job file has changed since this report:** it now plans " + planned.size() + " runs, the report has "
                + inReport.size() + ", and " + common + " of them are the same runs (same run ids); the numbers below are"
                + " the report's.";
    }

    /** The sentence of the README's first paragraph that lists the axes and the budget. */
    public String sweepSentence(int lastK) {
        Sweep s = sweep;
        StringBuilder sb = new StringBuilder();
        sb.append("Methods ").append(codes(s.methods().stream().map(MethodSpec::name).toList()))
                .append(" on ").append(codes(s.envs()))
                .append(s.datasets().isEmpty() ? ", no offline datasets"
                        : ", datasets " + codes(s.datasets().stream().map(DatasetSpec::id).toList()))
                .append(", simulator gaps ").append(codes(s.gaps().stream().map(GapSpec::canonical).toList()))
                .append(", seeds ").append(String.join(", ", s.seeds().stream().map(String::valueOf).toList()))
                .append("; every run trains for ").append(s.budget().gradientSteps()).append(" gradient steps (")
                .append(s.budget().stepsPerEpoch()).append(" per epoch");
        if (s.methods().stream().anyMatch(m -> m.method().usesSimulator())) {
            sb.append(", ").append(s.budget().simStepsPerEpoch()).append(" simulator steps per epoch for the methods that"
                    + " use the simulator");
        }
        sb.append("), is evaluated in the real environment every ").append(s.budget().evalEvery()).append(" steps over ")
                .append(s.evaluation().episodes()).append(" episodes, and scores the mean normalized score of its last ")
                .append(lastK).append(lastK == 1 ? " evaluation" : " evaluations").append(" after step 0.");
        return sb.toString();
    }

    private static String codes(List<String> values) {
        return String.join(", ", values.stream().map(v -> "`" + v + "`").toList());
    }
}
