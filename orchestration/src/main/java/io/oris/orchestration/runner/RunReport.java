package io.oris.orchestration.runner;

import java.util.List;

/** The outcome of a local run: one result per task of the plan, in the order they ended. */
public record RunReport(List<TaskResult> results) {
    public RunReport {
        results = List.copyOf(results);
    }

    public boolean succeeded() {
        return results.stream().allMatch(r -> r.status() == TaskResult.Status.SUCCEEDED);
    }

    public List<TaskResult> withStatus(TaskResult.Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    public TaskResult result(String taskId) {
        return results.stream().filter(r -> r.taskId().equals(taskId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
    }
}
