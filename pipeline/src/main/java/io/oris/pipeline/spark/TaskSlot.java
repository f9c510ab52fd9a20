package io.oris.pipeline.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * Where a Spark task ran and what it was given: the executor id, the task's CPUs and the addresses of the GPUs
 * Spark assigned to it ({@code TaskContext.resources()}, empty without GPUs). Taken inside the task and sent back to
 * the driver, which logs it, so a job's resource requests can be checked against what the tasks got.
 */
public record TaskSlot(String executorId, int cpus, List<String> gpus) implements Serializable {
    public TaskSlot {
        gpus = List.copyOf(gpus);
    }

    /** The slot of the Spark task running this thread; fails outside a task. */
    public static TaskSlot current() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            throw new IllegalStateException("TaskSlot.current() called outside a Spark task");
        }
        Map<String, ResourceInformation> resources = task.resourcesJMap();
        ResourceInformation gpu = resources.get("gpu");
        return new TaskSlot(SparkEnv.get().executorId(), task.cpus(), gpu == null ? List.of() : List.of(gpu.addresses()));
    }

    /** {@code executor 1, 2 CPUs, GPU [0]} (no GPU part without GPUs). */
    public String describe() {
        return "executor " + executorId + ", " + cpus + (cpus == 1 ? " CPU" : " CPUs") + (gpus.isEmpty() ? "" : ", GPU " + gpus);
    }
}
