package io.oris.orchestration.descriptor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed job file: the dag-factory DAG (id, {@code default_args}, {@code schedule}, other DAG
 * parameters passed through to Airflow, and the {@code tasks} if the file lists them) and the sweep
 * from its {@code oris:} section ({@code sweepSection} keeps that section as written, for the export). Load one with {@link #load(Path)}.
 */
public record JobDescriptor(Path source,
                            String dagId,
                            DefaultArgs defaultArgs,
                            String schedule,
                            Map<String, Object> dagParams,
                            Sweep sweep,
                            Map<String, Object> sweepSection,
                            List<DeclaredTask> declaredTasks) {
    /** The key of the section that carries the sweep; dag-factory ignores keys it does not know. */
    public static final String SWEEP_KEY = "oris";

    public JobDescriptor {
        dagParams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dagParams));
        sweepSection = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sweepSection));
        declaredTasks = declaredTasks == null ? null : List.copyOf(declaredTasks);
    }

    /** Reads and validates a job file; errors name the file, key path and line. */
    public static JobDescriptor load(Path file) {
        return new JobDescriptorParser().load(file);
    }

    /** True when the file lists its Airflow tasks (they are then checked against the generated ones). */
    public boolean declaresTasks() {
        return declaredTasks != null;
    }
}
