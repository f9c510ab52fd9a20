package io.oris.pipeline.cli;

import io.oris.model.nn.NativeThreads;
import io.oris.orchestration.descriptor.SparkSettings;
import io.oris.pipeline.spark.JvmFlags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The arguments {@code oris submit} hands to Spark's {@code SparkSubmit}: deploy mode, the user's {@code --conf},
 * extra dependencies ({@code --jars}, {@code --packages}, {@code --repositories}), the JVM flags and BLAS settings
 * every oris JVM needs, then the application jar and {@code run JOB --master M --data-root DIR} with absolute
 * paths. The job's executor resources are not passed here: the driver applies them when it starts its session
 * ({@code SparkSessions}), under whatever {@code --conf} and {@code spark-defaults.conf} set. Only the driver's
 * memory must be known before the driver starts, so in cluster deploy mode the job's {@code driver_memory} is
 * passed unless the user's {@code --conf} or {@code spark-defaults.conf} set {@code spark.driver.memory}.
 *
 * @param deployMode     {@code client} (the driver is this JVM) or {@code cluster} (the cluster starts it)
 * @param executorMemory {@code --executor-memory}, null: the job's {@code executor_memory}
 * @param sparkDefaults  the {@code spark-defaults.conf} SparkSubmit will read (empty when none)
 * @param classPath      this JVM's class path, given to executors (and a cluster driver) with a thin jar
 * @param coretype       {@code OPENBLAS_CORETYPE} of this process, null when unset
 * @param threads        native math threads per task ({@code --threads}), for the executors and the driver's run
 */
record SubmitArguments(String master, String deployMode, Path appJar, boolean shaded, String executorMemory,
                       List<String> conf, List<String> jars, List<String> packages, List<String> repositories,
                       Path job, Path dataRoot, SparkSettings settings, Properties sparkDefaults, String classPath,
                       String coretype, int threads) {
    SubmitArguments {
        if (!deployMode.equals("client") && !deployMode.equals("cluster")) {
            throw new IllegalArgumentException("--deploy-mode: expected client or cluster, found '" + deployMode + "'");
        }
        for (String c : conf) {
            if (c.indexOf('=') <= 0) {
                throw new IllegalArgumentException("--conf: expected KEY=VALUE, found '" + c + "'");
            }
        }
    }

    boolean cluster() {
        return deployMode.equals("cluster");
    }

    List<String> toList() {
        List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", deployMode,
                "--class", OrisCli.class.getName(), "--name", "oris " + job.getFileName()));
        if (executorMemory != null) {
            args.addAll(List.of("--executor-memory", executorMemory));
        }
        join(args, "--jars", jars);
        join(args, "--packages", packages);
        join(args, "--repositories", repositories);
        conf(args, "spark.executor.extraJavaOptions", JvmFlags.joined());
        conf(args, "spark.executorEnv.OMP_NUM_THREADS", Integer.toString(threads));
        conf(args, "spark.executorEnv." + NativeThreads.ENV, Integer.toString(threads));
        if (coretype != null && !coretype.isBlank()) {
            // the executors use the driver's matrix kernels (docs/determinism.md)
            conf(args, "spark.executorEnv.OPENBLAS_CORETYPE", coretype);
        }
        if (!shaded) {
            conf(args, "spark.executor.extraClassPath", classPath);
        }
        if (cluster()) {
            conf(args, "spark.driver.extraJavaOptions", JvmFlags.joined());
            if (!shaded) {
                conf(args, "spark.driver.extraClassPath", classPath);
            }
            if (!userSets("spark.driver.memory")) {
                conf(args, "spark.driver.memory", settings.driverMemory());
            }
        }
        for (String c : conf) {
            args.addAll(List.of("--conf", c));
        }
        args.add(appJar.toAbsolutePath().normalize().toString());
        args.addAll(List.of("run", job.toAbsolutePath().normalize().toString(), "--master", master,
                "--data-root", dataRoot.toAbsolutePath().normalize().toString(), "--threads", Integer.toString(threads)));
        return args;
    }

    private boolean userSets(String key) {
        return sparkDefaults.containsKey(key) || conf.stream().anyMatch(c -> c.startsWith(key + "="));
    }

    private static void conf(List<String> args, String key, String value) {
        args.addAll(List.of("--conf", key + "=" + value));
    }

    private static void join(List<String> args, String option, List<String> values) {
        if (!values.isEmpty()) {
            args.addAll(List.of(option, String.join(",", values)));
        }
    }
}
