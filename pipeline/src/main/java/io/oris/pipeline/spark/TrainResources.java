package io.oris.pipeline.spark;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.SparkSettings;
import io.oris.storage.BadInputException;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * What one train task asks Spark for: the job's {@code spark.cpus_per_train_task} CPUs and
 * {@code spark.gpus_per_train_task} GPUs, as a Spark {@code ResourceProfile} that the train stage alone runs under
 * (stage-level scheduling), so collection and evaluation tasks keep one CPU and never hold a GPU. The profile asks
 * for task resources only: Spark runs it on the application's executors (sized by the job's executor resources),
 * which standalone, YARN and Kubernetes masters support with or without dynamic allocation. A {@code local} master
 * has no stage-level scheduling: there the CPU amount is left out with one log line, and a GPU request is an error.
 */
public final class TrainResources {
    private TrainResources() {
    }

    /**
     * Fails, naming the job file and key, when the train tasks' resources cannot be had with this configuration:
     * GPUs on a {@code local} master, more CPUs or GPUs per task than an executor has ({@code spark.executor.cores},
     * {@code spark.executor.resource.gpu.amount} as finally set, e.g. by the user's {@code --conf}).
     */
    public static void check(JobDescriptor job, SparkConf conf) {
        SparkSettings s = job.sweep().spark();
        String master = conf.get("spark.master", "local[*]");
        if (isLocal(master)) {
            if (s.gpusPerTrainTask() > 0) {
                throw bad(job, "gpus_per_train_task", SparkSettings.amount(s.gpusPerTrainTask()) + " GPU per train task"
                        + " needs a cluster master (standalone, YARN or Kubernetes) with GPU executors; the master "
                        + master + " cannot schedule GPUs (set gpus_per_train_task: 0, or run with --master"
                        + " spark://HOST:PORT or oris submit)");
            }
            return;
        }
        if (conf.contains("spark.executor.cores") && conf.getInt("spark.executor.cores", 1) < s.cpusPerTrainTask()) {
            throw bad(job, "cpus_per_train_task", s.cpusPerTrainTask() + " CPUs per train task, but executors have"
                    + " spark.executor.cores=" + conf.get("spark.executor.cores") + "; a train task runs inside one"
                    + " executor (raise the executor cores or lower the task's CPUs)");
        }
        double executorGpus = conf.getDouble("spark.executor.resource.gpu.amount", 0);
        if (s.gpusPerTrainTask() > 0 && executorGpus < Math.ceil(s.gpusPerTrainTask())) {
            throw bad(job, "gpus_per_train_task", SparkSettings.amount(s.gpusPerTrainTask()) + " GPU per train task, but"
                    + " executors have spark.executor.resource.gpu.amount="
                    + conf.get("spark.executor.resource.gpu.amount", "unset") + " (set gpus_per_executor, or the conf)");
        }
    }

    private static BadInputException bad(JobDescriptor job, String key, String problem) {
        return new BadInputException(job.source(), job.dagId() + ".oris.spark." + key, problem);
    }

    /**
     * The train stage's profile, after {@link #check}: empty when a train task needs no more than Spark's default
     * task (1 CPU, no GPU) or on a {@code local} master (said once through {@code log}).
     */
    public static Optional<ResourceProfile> profile(JobDescriptor descriptor, SparkConf conf, Consumer<String> log) {
        check(descriptor, conf);
        SparkSettings job = descriptor.sweep().spark();
        if (job.cpusPerTrainTask() <= 1 && job.gpusPerTrainTask() <= 0) {
            return Optional.empty();
        }
        String master = conf.get("spark.master", "local[*]");
        if (isLocal(master)) {
            log.accept("[oris] train tasks: cpus_per_train_task " + job.cpusPerTrainTask() + " not applied on " + master
                    + " (Spark has no stage-level scheduling on a local master); each train task takes one core");
            return Optional.empty();
        }
        TaskResourceRequests task = new TaskResourceRequests().cpus(job.cpusPerTrainTask());
        if (job.gpusPerTrainTask() > 0) {
            task.resource("gpu", job.gpusPerTrainTask());
        }
        ResourceProfile profile = new ResourceProfileBuilder().require(task).build();
        log.accept("[oris] train tasks ask for " + job.cpusPerTrainTask() + (job.cpusPerTrainTask() == 1 ? " CPU" : " CPUs")
                + (job.gpusPerTrainTask() > 0 ? " and " + SparkSettings.amount(job.gpusPerTrainTask()) + " GPU" : "")
                + " each (resource profile " + profile.id() + "; other stages: Spark's default task)");
        return Optional.of(profile);
    }

    private static boolean isLocal(String master) {
        return master.startsWith("local");
    }
}
