package io.oris.orchestration.airflow;

import io.oris.orchestration.descriptor.JobDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a job as dag-factory YAML: the DAG id, {@code default_args}, {@code schedule}, the other DAG
 * parameters, the generated {@code tasks} and the {@code oris:} section unchanged, in dag-factory 1.x forms
 * (durations as {@code datetime.timedelta} maps, {@code schedule}, operators by import path; dag-factory ignores the
 * {@code oris:} key). The result is itself a valid job file (its task list is checked against the sweep on load).
 */
public final class DagFactoryYaml {
    private DagFactoryYaml() {
    }

    public static String render(JobDescriptor job, List<AirflowTask> tasks) {
        Map<String, Object> dag = new LinkedHashMap<>();
        dag.put("default_args", new LinkedHashMap<>(job.defaultArgs().entries()));
        // dag-factory drops a YAML null schedule (Airflow 2 then schedules daily); the string "None" means none
        dag.put("schedule", job.schedule() == null ? "None" : job.schedule());
        job.dagParams().forEach(dag::put);
        dag.putIfAbsent("catchup", false);
        if (!dag.containsKey("start_date") && !job.defaultArgs().entries().containsKey("start_date")) {
            dag.put("start_date", "2024-01-01"); // Airflow needs one for scheduled DAGs; catchup is off
        }
        List<Object> list = new ArrayList<>();
        for (AirflowTask t : tasks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task_id", t.taskId());
            m.put("operator", t.operator());
            m.putAll(t.kwargs());
            m.put("dependencies", new ArrayList<>(t.dependencies()));
            list.add(m);
        }
        dag.put("tasks", list);
        dag.put(JobDescriptor.SWEEP_KEY, job.sweepSection());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        String body = new Yaml(options).dump(Map.of(job.dagId(), dag));
        return "# dag-factory DAG exported by `oris airflow export` from " + job.source().getFileName() + ".\n"
                + "# Tasks are generated from the oris: section; re-export after changing it.\n" + body;
    }
}
