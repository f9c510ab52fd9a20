package io.oris.orchestration.descriptor;

import java.util.Map;

/**
 * Where and with what the stages run: the Spark master ({@code local[*]} embedded by default), driver and
 * executor resources, GPUs per train task (0 = CPU) and per executor ({@code null}: the task amount
 * rounded up, at least 1), extra Spark conf, and the number of train shards ({@code null}: one train and
 * one evaluate task per dataset).
 */
public record SparkSettings(String master, String driverMemory, String executorMemory, int executorCores,
                            Integer numExecutors, double gpusPerTrainTask, Integer gpusPerExecutor,
                            Map<String, String> conf, Integer trainShards) {
    public SparkSettings {
        conf = Map.copyOf(conf);
    }
}
