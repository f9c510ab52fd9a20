package io.oris.orchestration.plan;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.airflow.DeclaredTasksCheck;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.orchestration.sweep.SweepExpander;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a job into a {@link Plan}: expands the runs, then builds the stage DAG — ingest or collect per
 * dataset (a subset after its parent) → pretrain-gan per dataset that an ORIS run reads a GAN of (the task trains
 * every GAN of that dataset: one per seed, or one shared, times the GAN settings in use) and pretrain-dynamics per
 * dataset that a COMBO run reads a dynamics model of (likewise every model of that dataset) → train per run
 * group (per dataset, plus one sim-only group per env; or {@code spark.train_shards} equal chunks) →
 * evaluate per train task → one aggregate. Checks a file's own {@code tasks:} list against this DAG.
 */
public final class Planner {
    private final SweepExpander expander = new SweepExpander();

    /** Plans {@code job}; with a non-null {@code dataRoot} it also lists the D4RL files missing there. */
    public Plan plan(JobDescriptor job, Path dataRoot) {
        List<RunSpec> runs = expander.expand(job.sweep());
        List<DatasetSpec> datasets = withParents(job.sweep().datasets());
        List<StageTask> tasks = new ArrayList<>();
        Map<String, String> dataTaskOf = dataTasks(datasets, tasks);
        Map<String, String> ganTaskOf = pretrainTasks(StageKind.PRETRAIN_GAN, runs, r -> r.gan() != null, dataTaskOf,
                tasks);
        Map<String, String> dynamicsTaskOf = pretrainTasks(StageKind.PRETRAIN_DYNAMICS, runs, r -> r.dynamics() != null,
                dataTaskOf, tasks);
        List<List<RunSpec>> groups = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        groupRuns(runs, job.sweep().spark().trainShards(), groups, suffixes);
        List<String> evaluateIds = new ArrayList<>();
        List<StageTask> trainTasks = new ArrayList<>();
        List<StageTask> evalTasks = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<RunSpec> group = groups.get(i);
            Set<String> datasetIds = new LinkedHashSet<>();
            Set<String> deps = new LinkedHashSet<>();
            for (RunSpec r : group) {
                if (r.dataset() != null) {
                    datasetIds.add(r.datasetId());
                    deps.add(dataTaskOf.get(r.datasetId()));
                    if (r.gan() != null) {
                        deps.add(ganTaskOf.get(r.datasetId()));
                    }
                    if (r.dynamics() != null) {
                        deps.add(dynamicsTaskOf.get(r.datasetId()));
                    }
                }
            }
            List<String> runIds = group.stream().map(RunSpec::runId).toList();
            Shard shard = new Shard(i + 1, groups.size());
            String trainId = "train-" + suffixes.get(i);
            trainTasks.add(new StageTask(trainId, StageKind.TRAIN, shard, List.copyOf(datasetIds), runIds, List.copyOf(deps)));
            String evalId = "evaluate-" + suffixes.get(i);
            evalTasks.add(new StageTask(evalId, StageKind.EVALUATE, shard, List.copyOf(datasetIds), runIds, List.of(trainId)));
            evaluateIds.add(evalId);
        }
        tasks.addAll(trainTasks);
        tasks.addAll(evalTasks);
        tasks.add(new StageTask("aggregate", StageKind.AGGREGATE, new Shard(1, 1),
                job.sweep().datasets().stream().map(DatasetSpec::id).toList(),
                runs.stream().map(RunSpec::runId).toList(), evaluateIds));
        Plan plan = new Plan(job, dataRoot, datasets, runs, tasks, missingD4rl(datasets, dataRoot));
        if (job.declaresTasks()) {
            DeclaredTasksCheck.check(plan);
        }
        return plan;
    }

    /** The sweep's datasets with every subset's parent chain added before it (once). */
    private static List<DatasetSpec> withParents(List<DatasetSpec> listed) {
        Map<String, DatasetSpec> out = new LinkedHashMap<>();
        for (DatasetSpec d : listed) {
            addWithParents(d, out);
        }
        return List.copyOf(out.values());
    }

    private static void addWithParents(DatasetSpec d, Map<String, DatasetSpec> out) {
        if (d instanceof DatasetSpec.Subset s) {
            addWithParents(s.parent(), out);
        }
        out.putIfAbsent(d.id(), d);
    }

    private static Map<String, String> dataTasks(List<DatasetSpec> datasets, List<StageTask> tasks) {
        Map<String, String> taskOf = new LinkedHashMap<>();
        long collects = datasets.stream().filter(d -> d instanceof DatasetSpec.Collected).count();
        int ingestCount = (int) (datasets.size() - collects);
        int ingestIndex = 0;
        int collectIndex = 0;
        for (DatasetSpec d : datasets) {
            boolean collect = d instanceof DatasetSpec.Collected;
            StageKind kind = collect ? StageKind.COLLECT : StageKind.INGEST;
            Shard shard = collect ? new Shard(++collectIndex, (int) collects) : new Shard(++ingestIndex, ingestCount);
            List<String> deps = d instanceof DatasetSpec.Subset s ? List.of(taskOf.get(s.parent().id())) : List.of();
            String id = kind.cliName() + "-" + d.id();
            tasks.add(new StageTask(id, kind, shard, List.of(d.id()), List.of(), deps));
            taskOf.put(d.id(), id);
        }
        return taskOf;
    }

    /**
     * One pre-training task of {@code kind} per dataset that some run reads a pre-trained part of ({@code reads}),
     * after the dataset's task; the task trains every part of that dataset ({@link Plan#gans}, {@link Plan#dynamics}).
     */
    private static Map<String, String> pretrainTasks(StageKind kind, List<RunSpec> runs, Predicate<RunSpec> reads,
                                                     Map<String, String> dataTaskOf, List<StageTask> tasks) {
        List<String> datasetIds = runs.stream().filter(reads).map(RunSpec::datasetId).distinct().toList();
        Map<String, String> taskOf = new LinkedHashMap<>();
        int i = 0;
        for (String ds : datasetIds) {
            String id = kind.cliName() + "-" + ds;
            tasks.add(new StageTask(id, kind, new Shard(++i, datasetIds.size()), List.of(ds), List.of(),
                    List.of(dataTaskOf.get(ds))));
            taskOf.put(ds, id);
        }
        return taskOf;
    }

    /** Per dataset (plus {@code ENV-sim} for sim-only runs), or {@code shards} equal contiguous chunks. */
    private static void groupRuns(List<RunSpec> runs, Integer shards, List<List<RunSpec>> groups, List<String> suffixes) {
        if (runs.isEmpty()) {
            return;
        }
        if (shards == null) {
            Map<String, List<RunSpec>> byKey = new LinkedHashMap<>();
            for (RunSpec r : runs) {
                String key = r.dataset() == null ? r.env() + "-sim" : r.datasetId();
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            byKey.forEach((k, v) -> {
                groups.add(v);
                suffixes.add(k);
            });
            return;
        }
        int n = Math.min(shards, runs.size());
        int width = String.valueOf(n).length();
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) i * runs.size() / n);
            int to = (int) ((long) (i + 1) * runs.size() / n);
            groups.add(runs.subList(from, to));
            suffixes.add(String.format("%0" + width + "d-of-%d", i + 1, n));
        }
    }

    private static List<String> missingD4rl(List<DatasetSpec> datasets, Path dataRoot) {
        if (dataRoot == null) {
            return List.of();
        }
        io.oris.storage.SourceLocations where = io.oris.storage.SourceLocations.fromEnvironment(dataRoot);
        List<String> missing = new ArrayList<>();
        for (DatasetSpec d : datasets) {
            if (d instanceof DatasetSpec.D4rl f && where.d4rlFile(f.fileName()) == null) {
                missing.add(f.fileName());
            }
        }
        return missing;
    }
}
