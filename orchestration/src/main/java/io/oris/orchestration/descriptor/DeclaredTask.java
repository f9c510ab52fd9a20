package io.oris.orchestration.descriptor;

import java.util.List;

/**
 * An Airflow task written in a job file's {@code tasks:} list; the planner checks it against the tasks it
 * generates from the sweep, and reports a mismatch at {@code line}.
 */
public record DeclaredTask(String taskId, String operator, List<String> dependencies, String keyPath, int line) {
    public DeclaredTask {
        dependencies = List.copyOf(dependencies);
    }
}
