package io.oris.orchestration.plan;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.sweep.DynamicsSpec;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.orchestration.sweep.RunSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A job expanded: its datasets (including parents that subsets are cut from), its runs and the DAG of
 * stage tasks in a topological order, plus the D4RL files it needs that are not under
 * {@code <data-root>/d4rl/}. Deterministic: planning the same file twice gives the same plan, which is
 * how {@code oris stage NAME --shard i/n} finds its work.
 */
public final class Plan {
    private final JobDescriptor job;
    private final Path dataRoot;
    private final List<DatasetSpec> datasets;
    private final List<RunSpec> runs;
    private final List<StageTask> tasks;
    private final List<String> missingD4rlFiles;
    private final Map<String, StageTask> tasksById;
    private final Map<String, RunSpec> runsById;
    private final Map<String, DatasetSpec> datasetsById;

    Plan(JobDescriptor job, Path dataRoot, List<DatasetSpec> datasets, List<RunSpec> runs, List<StageTask> tasks,
         List<String> missingD4rlFiles) {
        this.job = job;
        this.dataRoot = dataRoot;
        this.datasets = List.copyOf(datasets);
        this.runs = List.copyOf(runs);
        this.tasks = List.copyOf(tasks);
        this.missingD4rlFiles = List.copyOf(missingD4rlFiles);
        this.tasksById = index(tasks, StageTask::id);
        this.runsById = index(runs, RunSpec::runId);
        this.datasetsById = index(datasets, DatasetSpec::id);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(key.apply(i), i));
        return m;
    }

    public JobDescriptor job() {
        return job;
    }

    /** The data root the missing-file check used, or {@code null} when none was given. */
    public Path dataRoot() {
        return dataRoot;
    }

    /** Every dataset the job reads or makes, parents before subsets. */
    public List<DatasetSpec> datasets() {
        return datasets;
    }

    public List<RunSpec> runs() {
        return runs;
    }

    /** The task DAG, each task after all of its dependencies. */
    public List<StageTask> tasks() {
        return tasks;
    }

    /** D4RL file names the job needs that are not in {@code <data-root>/d4rl/} (empty without a data root). */
    public List<String> missingD4rlFiles() {
        return missingD4rlFiles;
    }

    public Optional<StageTask> task(String id) {
        return Optional.ofNullable(tasksById.get(id));
    }

    /** The task {@code oris stage KIND --shard i/n} runs. */
    public Optional<StageTask> task(StageKind kind, Shard shard) {
        return tasks.stream().filter(t -> t.kind() == kind && t.shard().equals(shard)).findFirst();
    }

    /**
     * The task {@code oris stage KIND --shard i/n} runs, or an exception whose message lists the shards
     * this job has for that stage (for the stage command's error).
     */
    public StageTask requireTask(StageKind kind, Shard shard) {
        return task(kind, shard).orElseThrow(() -> new IllegalArgumentException("job " + job.dagId() + " has no "
                + kind.cliName() + " task " + shard + "; its " + kind.cliName() + " tasks are "
                + tasks(kind).stream().map(t -> t.shard() + " (" + t.id() + ")").toList()));
    }

    public List<StageTask> tasks(StageKind kind) {
        return tasks.stream().filter(t -> t.kind() == kind).toList();
    }

    public Optional<RunSpec> run(String runId) {
        return Optional.ofNullable(runsById.get(runId));
    }

    public Optional<DatasetSpec> dataset(String id) {
        return Optional.ofNullable(datasetsById.get(id));
    }

    /** The runs a task trains, evaluates or aggregates. */
    public List<RunSpec> runs(StageTask task) {
        return task.runIds().stream().map(runsById::get).toList();
    }

    /** The datasets a task ingests, collects, pre-trains on or whose runs it trains. */
    public List<DatasetSpec> datasets(StageTask task) {
        return task.datasetIds().stream().map(datasetsById::get).toList();
    }

    /**
     * The GANs a pretrain-gan task trains: the distinct GANs (by folder) that the runs of its datasets read, in run
     * order; empty for other tasks.
     */
    public List<GanSpec> gans(StageTask task) {
        if (task.kind() != StageKind.PRETRAIN_GAN) {
            return List.of();
        }
        Map<String, GanSpec> byFolder = new LinkedHashMap<>();
        for (RunSpec r : runs) {
            if (r.gan() != null && task.datasetIds().contains(r.datasetId())) {
                byFolder.putIfAbsent(r.gan().folderName(), r.gan());
            }
        }
        return List.copyOf(byFolder.values());
    }

    /**
     * The dynamics models a pretrain-dynamics task trains: the distinct models (dataset, settings, seed) that the COMBO
     * runs of its datasets read, in run order; empty for other tasks.
     */
    public List<DynamicsSpec> dynamics(StageTask task) {
        if (task.kind() != StageKind.PRETRAIN_DYNAMICS) {
            return List.of();
        }
        Set<DynamicsSpec> distinct = new LinkedHashSet<>();
        for (RunSpec r : runs) {
            if (r.dynamics() != null && task.datasetIds().contains(r.datasetId())) {
                distinct.add(r.dynamics());
            }
        }
        return List.copyOf(distinct);
    }

    /** Run count per table column (method-variant), in the sweep's method order. */
    public Map<String, Long> runCountByMethod() {
        Map<String, Long> counts = new LinkedHashMap<>();
        job.sweep().methods().forEach(m -> counts.put(m.name(), 0L));
        runs.forEach(r -> counts.merge(r.column(), 1L, Long::sum));
        return counts;
    }

    /** Task count per stage, in stage order (stages without tasks left out). */
    public Map<StageKind, Long> taskCountByStage() {
        return tasks.stream().collect(Collectors.groupingBy(StageTask::kind,
                () -> new java.util.EnumMap<>(StageKind.class), Collectors.counting()));
    }
}
