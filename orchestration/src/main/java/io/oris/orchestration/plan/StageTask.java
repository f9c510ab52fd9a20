package io.oris.orchestration.plan;

import io.oris.orchestration.StageKind;
import java.util.List;

/**
 * One node of the task DAG: a stage ({@link StageKind}) applied to part of the sweep — one dataset for
 * ingest / collect / pretrain-gan / pretrain-dynamics, a group of runs for train and evaluate, everything for aggregate —
 * with the ids of the tasks it waits for. {@code id} is also the Airflow task id.
 */
public record StageTask(String id, StageKind kind, Shard shard, List<String> datasetIds, List<String> runIds,
                        List<String> dependencies) {
    public StageTask {
        datasetIds = List.copyOf(datasetIds);
        runIds = List.copyOf(runIds);
        dependencies = List.copyOf(dependencies);
    }

    /** The arguments after the jar's main class: {@code stage NAME --job FILE --shard i/n}. */
    public List<String> stageArgs(String jobPath) {
        return List.of("stage", kind.cliName(), "--job", jobPath, "--shard", shard.toString());
    }
}
