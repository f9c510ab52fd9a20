package io.oris.orchestration.airflow;

import java.util.List;
import java.util.Map;

/**
 * One Airflow task as dag-factory describes it: id, operator class path, upstream task ids and the
 * operator's keyword arguments (plain values). Both export formats are written from these.
 */
public record AirflowTask(String taskId, String operator, List<String> dependencies, Map<String, Object> kwargs) {
    public AirflowTask {
        dependencies = List.copyOf(dependencies);
        kwargs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    }

    /** True for the input sensors (which have no counterpart in the local plan). */
    public boolean isSensor() {
        return !operator.equals(AirflowTasks.SPARK_SUBMIT_OPERATOR);
    }
}
