package io.oris.orchestration.plan;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.Method;
import io.oris.orchestration.descriptor.MethodSpec;
import io.oris.orchestration.descriptor.SparkSettings;
import io.oris.orchestration.descriptor.Sweep;
import io.oris.orchestration.sweep.RunSpec;
import java.util.List;
import java.util.Map;

/**
 * Renders a plan for people ({@code oris plan}): the sweep in one paragraph, runs per method and in
 * total, tasks per stage, the task DAG with each task's dependencies, and optionally every run.
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String render(Plan plan, boolean listRuns) {
        JobDescriptor job = plan.job();
        Sweep s = job.sweep();
        StringBuilder sb = new StringBuilder();
        sb.append("Job ").append(job.dagId()).append(" (").append(job.source()).append(")\n");
        sb.append("  schedule: ").append(job.schedule() == null ? "none (run on demand)" : job.schedule())
                .append(s.retrainOn().isEmpty() ? "" : "; retrain on changes to " + s.retrainOn()).append('\n');
        sb.append("  envs: ").append(s.envs()).append('\n');
        sb.append("  datasets (").append(s.datasets().size()).append("): ")
                .append(s.datasets().stream().map(d -> d.id()).toList()).append('\n');
        sb.append("  gaps: ").append(s.gaps()).append("; seeds: ").append(s.seeds()).append('\n');
        sb.append("  budget: ").append(s.budget().gradientSteps()).append(" gradient steps, ")
                .append(s.budget().simStepsPerEpoch()).append(" sim steps per ").append(s.budget().stepsPerEpoch())
                .append(" gradient steps, evaluation every ").append(s.budget().evalEvery()).append(" steps over ")
                .append(s.evaluation().episodes()).append(" episodes, final score = mean of the last ")
                .append(s.evaluation().lastK()).append('\n');
        if (s.methods().stream().anyMatch(MethodSpec::usesGan)) {
            sb.append("  gan: ").append(s.gan().shareAcrossSeeds() ? "one per dataset, shared by every seed (seed 0)"
                    : "one per dataset and seed, trained with that seed").append('\n');
        }
        if (s.hasDynamicsModels()) {
            sb.append("  dynamics: ").append(s.dynamics().shareAcrossSeeds()
                    ? "one model per dataset, shared by every seed (seed 0)"
                    : "one model per dataset and seed, trained with that seed").append('\n');
        }
        sb.append("  spark: ").append(s.spark().master()).append(", executor ").append(s.spark().executorCores())
                .append(" cores / ").append(s.spark().executorMemory())
                .append(s.spark().cpusPerTrainTask() > 1 ? ", " + s.spark().cpusPerTrainTask() + " CPUs per train task" : "")
                .append(s.spark().gpusPerTrainTask() > 0
                        ? ", " + SparkSettings.amount(s.spark().gpusPerTrainTask()) + " GPU per train task" : "")
                .append('\n');
        sb.append("\nRuns per method:\n");
        Map<String, Long> counts = plan.runCountByMethod();
        int width = Math.max(8, counts.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Method m = plan.job().sweep().methods().stream().filter(x -> x.name().equals(e.getKey())).findFirst()
                    .orElseThrow().method();
            sb.append("  ").append(pad(e.getKey(), width)).append(pad(String.valueOf(e.getValue()), 6))
                    .append(shape(m)).append('\n');
        }
        sb.append("  ").append(pad("total", width)).append(plan.runs().size()).append('\n');
        sb.append("\nStages (tasks):\n");
        for (Map.Entry<StageKind, Long> e : plan.taskCountByStage().entrySet()) {
            sb.append("  ").append(pad(e.getKey().cliName(), 14)).append(e.getValue()).append('\n');
        }
        sb.append("  ").append(pad("total", 14)).append(plan.tasks().size()).append('\n');
        sb.append("\nTask DAG (task  [stage shard, work]  <- dependencies):\n");
        for (StageTask t : plan.tasks()) {
            sb.append("  ").append(t.id()).append("  [").append(t.kind().cliName()).append(' ').append(t.shard());
            if (!t.runIds().isEmpty()) {
                sb.append(", ").append(t.runIds().size()).append(t.runIds().size() == 1 ? " run" : " runs");
            }
            if (t.kind() == StageKind.PRETRAIN_GAN) {
                int gans = plan.gans(t).size();
                sb.append(", ").append(gans).append(gans == 1 ? " GAN" : " GANs");
            }
            if (t.kind() == StageKind.PRETRAIN_DYNAMICS) {
                int models = plan.dynamics(t).size();
                sb.append(", ").append(models).append(models == 1 ? " model" : " models");
            }
            sb.append(']');
            if (!t.dependencies().isEmpty()) {
                sb.append("  <- ").append(String.join(", ", t.dependencies()));
            }
            sb.append('\n');
        }
        if (listRuns) {
            sb.append("\nRuns (run id  method  dataset  gap  seed):\n");
            for (RunSpec r : plan.runs()) {
                sb.append("  ").append(r.runId()).append("  ").append(r.label()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String shape(Method m) {
        return switch (m.info().family()) {
            case SIM_ONLY -> "(env x gap x seed; one run shown in every dataset column of its env)";
            case OFFLINE -> "(dataset x seed; gap-independent, shared by every gap column)";
            case HYBRID -> "(dataset x gap x seed)";
        };
    }

    /** The warning {@code oris plan} prints when D4RL files are missing, or {@code ""} when none are. */
    public static String missingInputsWarning(Plan plan) {
        List<String> missing = plan.missingD4rlFiles();
        if (missing.isEmpty() || plan.dataRoot() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("WARNING: ").append(missing.size()).append(missing.size() == 1 ? " D4RL file this job needs is" : " D4RL files this job needs are")
                .append(" missing from ").append(plan.dataRoot().resolve("d4rl"))
                .append(System.getenv("D4RL_DATASET_DIR") == null ? "" : " and $D4RL_DATASET_DIR").append(":\n");
        missing.forEach(f -> sb.append("  ").append(f).append('\n'));
        sb.append("Put them there or in $D4RL_DATASET_DIR (the D4RL v2 files, e.g. from the D4RL dataset mirror, named exactly as above),\n")
                .append("or replace those datasets with collected ones ({collect: medium, size: N}) in the job file.\n")
                .append("The ingest tasks for them will fail until then.\n");
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
