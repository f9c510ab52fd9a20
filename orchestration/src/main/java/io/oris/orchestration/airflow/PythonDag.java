package io.oris.orchestration.airflow;

import io.oris.orchestration.descriptor.JobDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a job as a plain Airflow DAG file (no dag-factory needed): one SparkSubmitOperator per stage
 * task, the input sensors, the schedule and {@code default_args} (seconds turned into timedeltas), and
 * the dependencies. Tasks are kept in a dict by id, so any task id is valid.
 */
public final class PythonDag {
    private PythonDag() {
    }

    public static String render(JobDescriptor job, List<AirflowTask> tasks) {
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"Airflow DAG ").append(job.dagId()).append(", exported by `oris airflow export` from ")
                .append(job.source().getFileName()).append(".\n\nGenerated file: re-export instead of editing.\n\"\"\"\n");
        py.append("from datetime import datetime, timedelta\n\n");
        py.append("from airflow import DAG\n");
        py.append("from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator\n");
        boolean sensors = tasks.stream().anyMatch(AirflowTask::isSensor);
        if (sensors) {
            String op = tasks.stream().filter(AirflowTask::isSensor).findFirst().orElseThrow().operator();
            String module = op.substring(0, op.lastIndexOf('.'));
            String cls = op.substring(op.lastIndexOf('.') + 1);
            py.append("try:\n    from ").append(module).append(" import ").append(cls).append(" as InputSensor\n");
            if (cls.equals("FileSensor")) {
                py.append("except ImportError:  # Airflow 2 without the standard provider\n");
                py.append("    from airflow.sensors.filesystem import FileSensor as InputSensor\n");
            } else {
                py.append("except ImportError:\n    raise\n");
            }
        }
        py.append('\n');
        py.append("default_args = ").append(defaultArgs(job)).append("\n\n");
        py.append("with DAG(\n");
        py.append("    dag_id=").append(PythonLiteral.of(job.dagId())).append(",\n");
        py.append("    default_args=default_args,\n");
        py.append("    schedule=").append(PythonLiteral.of(job.schedule())).append(",\n");
        Map<String, Object> params = new LinkedHashMap<>(job.dagParams());
        py.append("    start_date=").append(date(params.remove("start_date"), job)).append(",\n");
        Object end = params.remove("end_date");
        if (end != null) {
            py.append("    end_date=").append(date(end, job)).append(",\n");
        }
        Object timeout = params.remove("dagrun_timeout_sec");
        if (timeout != null) {
            py.append("    dagrun_timeout=timedelta(seconds=").append(timeout).append("),\n");
        }
        params.putIfAbsent("catchup", false);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            py.append("    ").append(e.getKey()).append('=').append(PythonLiteral.of(e.getValue())).append(",\n");
        }
        py.append(") as dag:\n");
        py.append("    tasks = {}\n");
        for (AirflowTask t : tasks) {
            String cls = t.isSensor() ? "InputSensor" : "SparkSubmitOperator";
            py.append("    tasks[").append(PythonLiteral.of(t.taskId())).append("] = ").append(cls).append("(\n");
            py.append("        task_id=").append(PythonLiteral.of(t.taskId())).append(",\n");
            for (Map.Entry<String, Object> e : t.kwargs().entrySet()) {
                if (e.getKey().equals("execution_timeout_secs")) {
                    py.append("        execution_timeout=timedelta(seconds=").append(e.getValue()).append("),\n");
                } else {
                    py.append("        ").append(e.getKey()).append('=').append(PythonLiteral.of(e.getValue())).append(",\n");
                }
            }
            py.append("    )\n");
        }
        py.append("\n    # dependencies: upstream >> task\n");
        for (AirflowTask t : tasks) {
            if (!t.dependencies().isEmpty()) {
                py.append("    tasks[").append(PythonLiteral.of(t.taskId())).append("].set_upstream([");
                for (int i = 0; i < t.dependencies().size(); i++) {
                    py.append(i > 0 ? ", " : "").append("tasks[").append(PythonLiteral.of(t.dependencies().get(i))).append(']');
                }
                py.append("])\n");
            }
        }
        return py.toString();
    }

    private static String defaultArgs(JobDescriptor job) {
        StringBuilder sb = new StringBuilder("{\n");
        for (Map.Entry<String, Object> e : job.defaultArgs().entries().entrySet()) {
            String key = e.getKey();
            String value;
            if (key.equals("retry_delay_sec")) {
                key = "retry_delay";
                value = "timedelta(seconds=" + e.getValue() + ")";
            } else if (key.equals("execution_timeout")) {
                value = "timedelta(seconds=" + e.getValue() + ")";
            } else if (key.equals("start_date") || key.equals("end_date")) {
                value = date(e.getValue(), job);
            } else {
                value = PythonLiteral.of(e.getValue());
            }
            sb.append("    ").append(PythonLiteral.of(key)).append(": ").append(value).append(",\n");
        }
        return sb.append('}').toString();
    }

    /** A YAML date or timestamp as a Python datetime; without one, the fixed 2024-01-01 (catchup is off). */
    private static String date(Object value, JobDescriptor job) {
        if (value == null) {
            Object inArgs = job.defaultArgs().entries().get("start_date");
            return inArgs != null ? date(inArgs, job) : "datetime(2024, 1, 1)";
        }
        String s = String.valueOf(value).trim().replace(' ', 'T');
        return "datetime.fromisoformat(" + PythonLiteral.of(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s) + ")";
    }
}
