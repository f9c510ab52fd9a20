package io.oris.orchestration.descriptor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and with what the stages run: the Spark master ({@code local[*]} embedded by default), driver and
 * executor resources, CPUs per train task (1 unless the job asks for more, never above the executor's cores), GPUs
 * per train task (0 = CPU) and per executor ({@code null}: the task amount rounded up, at least 1), extra Spark
 * conf, and the number of train shards ({@code null}: one train and one evaluate task per dataset). The CPU and GPU
 * amounts of train tasks are applied to the train stage only (a Spark {@code ResourceProfile}, pipeline's
 * {@code TrainResources}), so the other stages never hold GPUs.
 */
public record SparkSettings(String master, String driverMemory, String executorMemory, int executorCores,
                            Integer numExecutors, int cpusPerTrainTask, double gpusPerTrainTask,
                            Integer gpusPerExecutor, Map<String, String> conf, Integer trainShards) {
    public SparkSettings {
        conf = Map.copyOf(conf);
    }

    /** GPUs each executor asks for: {@code gpus_per_executor}, else the train task's amount rounded up (at least 1); 0 without GPUs. */
    public long gpusPerExecutorOrDefault() {
        if (gpusPerTrainTask <= 0) {
            return 0;
        }
        return gpusPerExecutor != null ? gpusPerExecutor : (long) Math.max(1, Math.ceil(gpusPerTrainTask));
    }

    /**
     * The job's executor resources as Spark properties, what {@code oris run} and {@code oris submit} apply (as
     * defaults under the user's own conf) on a cluster master: {@code spark.executor.memory},
     * {@code spark.executor.cores}, with {@code num_executors} both {@code spark.executor.instances} (YARN,
     * Kubernetes) and {@code spark.cores.max} = executors × cores (standalone, which has no executor count), and
     * with GPUs {@code spark.executor.resource.gpu.amount}. Task amounts are not here: they belong to the train
     * stage's resource profile.
     */
    public Map<String, String> executorConf() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("spark.executor.memory", executorMemory);
        c.put("spark.executor.cores", Integer.toString(executorCores));
        if (numExecutors != null) {
            c.put("spark.executor.instances", Integer.toString(numExecutors));
            c.put("spark.cores.max", Long.toString((long) numExecutors * executorCores));
        }
        if (gpusPerTrainTask > 0) {
            c.put("spark.executor.resource.gpu.amount", Long.toString(gpusPerExecutorOrDefault()));
        }
        return c;
    }

    /** A resource amount as Spark writes it: {@code 1}, not {@code 1.0}; fractions as they are ({@code 0.5}). */
    public static String amount(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
