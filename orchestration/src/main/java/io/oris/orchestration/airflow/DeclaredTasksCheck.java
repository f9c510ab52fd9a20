package io.oris.orchestration.airflow;

import io.oris.orchestration.descriptor.DeclaredTask;
import io.oris.orchestration.descriptor.DescriptorException;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.plan.Plan;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a job file's own {@code tasks:} list against the tasks generated from its sweep: the same task
 * ids, operators and dependencies (operator arguments are not compared: paths differ per cluster). A
 * mismatch is reported at the declared task's line, so the file cannot drift from what is run.
 */
public final class DeclaredTasksCheck {
    private DeclaredTasksCheck() {
    }

    public static void check(Plan plan) {
        JobDescriptor job = plan.job();
        Map<String, AirflowTask> generated = new LinkedHashMap<>();
        AirflowTasks.of(plan, ExportOptions.from(job)).forEach(t -> generated.put(t.taskId(), t));
        List<DeclaredTask> declared = job.declaredTasks();
        String file = String.valueOf(job.source());
        String where = job.dagId() + ".tasks";
        int firstLine = declared.isEmpty() ? 0 : declared.get(0).line();
        Set<String> seen = new HashSet<>();
        for (DeclaredTask d : declared) {
            if (!seen.add(d.taskId())) {
                throw new DescriptorException(file, d.keyPath(), d.line(), "task '" + d.taskId() + "' is listed twice");
            }
            AirflowTask g = generated.get(d.taskId());
            if (g == null) {
                throw new DescriptorException(file, d.keyPath(), d.line(), "task '" + d.taskId()
                        + "' is not one the sweep generates; generated tasks: " + generated.keySet()
                        + " (remove 'tasks:' to have them generated)");
            }
            if (!g.operator().equals(d.operator())) {
                throw new DescriptorException(file, d.keyPath(), d.line(), "task '" + d.taskId() + "' has operator "
                        + d.operator() + "; expected " + g.operator());
            }
            if (!new HashSet<>(g.dependencies()).equals(new HashSet<>(d.dependencies()))) {
                throw new DescriptorException(file, d.keyPath(), d.line(), "task '" + d.taskId() + "' depends on "
                        + d.dependencies() + "; the sweep gives " + g.dependencies());
            }
        }
        for (String id : generated.keySet()) {
            if (!seen.contains(id)) {
                throw new DescriptorException(file, where, firstLine, "task '" + id
                        + "' is generated from the sweep but missing from 'tasks:' (remove 'tasks:' to have them generated)");
            }
        }
    }
}
