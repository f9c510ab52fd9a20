package io.oris.orchestration.airflow;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.AirflowTime;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.SparkSettings;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.StageTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Airflow tasks of a plan: one SparkSubmitOperator per stage task (same id, same dependencies) that
 * runs {@code <main class> stage NAME --job FILE --shard i/n} from the cluster jar with the job's Spark
 * resources (GPU amounts on train tasks when the job asks for GPUs), and, when the job has
 * {@code retrain_on} inputs, one file sensor per input upstream of every task that has no dependency. The sensor waits
 * for a marker file inside the input folder ({@code airflow.sensor_marker}, default {@code _READY}), which the step
 * that lands new robot logs writes last, so a half-copied folder never starts a retraining; durations are
 * dag-factory timedelta maps and every {@code conf} value a string, as the Airflow 3 forms require.
 */
public final class AirflowTasks {
    public static final String SPARK_SUBMIT_OPERATOR =
            "airflow.providers.apache.spark.operators.spark_submit.SparkSubmitOperator";

    private AirflowTasks() {
    }

    public static List<AirflowTask> of(Plan plan, ExportOptions options) {
        JobDescriptor job = plan.job();
        List<AirflowTask> out = new ArrayList<>();
        List<String> sensorIds = new ArrayList<>();
        List<String> inputs = job.sweep().retrainOn();
        for (int i = 0; i < inputs.size(); i++) {
            String id = inputs.size() == 1 ? "wait-for-inputs" : "wait-for-inputs-" + (i + 1);
            sensorIds.add(id);
            Map<String, Object> kw = new LinkedHashMap<>();
            kw.put("filepath", markerPath(inputPath(inputs.get(i), options.dataRoot()), job.sweep().airflow().sensorMarker()));
            if (job.sweep().airflow().sensorOperator().endsWith(".FileSensor")) {
                kw.put("fs_conn_id", "fs_default"); // other sensors take their own connection argument
            }
            kw.put("poke_interval", job.sweep().airflow().sensorPokeIntervalSec());
            kw.put("timeout", job.sweep().airflow().sensorTimeoutSec());
            kw.put("mode", "reschedule");
            out.add(new AirflowTask(id, job.sweep().airflow().sensorOperator(), List.of(), kw));
        }
        for (StageTask t : plan.tasks()) {
            List<String> deps = t.dependencies().isEmpty() ? sensorIds : t.dependencies();
            out.add(new AirflowTask(t.id(), SPARK_SUBMIT_OPERATOR, deps, sparkSubmit(job, t, options)));
        }
        return out;
    }

    /** The marker file inside an input folder that the log-landing step writes last; none: the input itself. */
    private static String markerPath(String input, String marker) {
        return marker == null || marker.isEmpty() ? input : input.replaceAll("/+$", "") + "/" + marker;
    }

    private static String inputPath(String input, String dataRoot) {
        if (input.startsWith("/") || input.contains("://") || dataRoot == null) {
            return input;
        }
        return dataRoot.replaceAll("/+$", "") + "/" + input;
    }

    private static Map<String, Object> sparkSubmit(JobDescriptor job, StageTask t, ExportOptions options) {
        SparkSettings spark = job.sweep().spark();
        List<String> args = new ArrayList<>(t.stageArgs(options.jobPath()));
        if (options.dataRoot() != null) {
            args.add("--data-root");
            args.add(options.dataRoot());
        }
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("spark.executorEnv.OMP_NUM_THREADS", "1");
        new java.util.TreeMap<>(spark.conf()).forEach((k, v) -> conf.put(k, String.valueOf(v)));
        if (t.kind() == StageKind.TRAIN && spark.gpusPerTrainTask() > 0) {
            conf.put("spark.executor.resource.gpu.amount", String.valueOf(spark.gpusPerExecutorOrDefault()));
            conf.put("spark.task.resource.gpu.amount", SparkSettings.amount(spark.gpusPerTrainTask()));
        }
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("application", options.application());
        kw.put("java_class", options.javaClass());
        kw.put("application_args", args);
        kw.put("conf", conf);
        kw.put("conn_id", options.connId());
        kw.put("executor_cores", spark.executorCores());
        kw.put("executor_memory", spark.executorMemory());
        kw.put("driver_memory", spark.driverMemory());
        if (spark.numExecutors() != null) {
            kw.put("num_executors", spark.numExecutors());
        }
        kw.put("name", "oris-" + job.dagId() + "-" + t.id());
        Long timeout = job.sweep().stageTimeoutsSec().get(t.kind().cliName());
        if (timeout != null) {
            kw.put("execution_timeout", AirflowTime.timedelta(timeout));
        }
        return kw;
    }
}
