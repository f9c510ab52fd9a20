package io.oris.pipeline.spark;

import io.oris.model.nn.NativeThreads;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session of a command: {@code local[*]} embedded by default, any master the job file or
 * {@code --master} names otherwise. What the user set outside the job wins: under {@code spark-submit} (or with
 * {@code -Dspark.*} properties) its master, {@code spark-defaults.conf} and {@code --conf} values are kept, and the
 * job's {@code spark.conf} and oris's defaults only fill what is missing. The embedded-only defaults (UI off, a
 * loopback driver, few shuffle partitions) apply only to a {@code local} master, the job's executor resources
 * ({@code SparkSettings.executorConf}: memory, cores, executors, GPUs per executor) only to a cluster master, both
 * under the user's and the job's own conf. On every master, executors run
 * ND4J with this JVM's native thread count ({@code NativeThreads.configured()}: {@code --threads}, default 1; one task
 * per core is how the stages use a machine) unless told otherwise, and the driver's
 * {@code OPENBLAS_CORETYPE} (the launcher sets one) goes to the executors too, so that they use the same matrix
 * kernels (docs/determinism.md).
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession start(String appName, String master, Map<String, String> conf) {
        return start(appName, master, conf, Map.of());
    }

    /** {@link #start(String, String, Map)} with the job's executor resources applied on a cluster master. */
    public static SparkSession start(String appName, String master, Map<String, String> conf,
                                     Map<String, String> clusterDefaults) {
        SparkConf sparkConf = conf(appName, master, conf, clusterDefaults, new SparkConf(), System.getenv("OPENBLAS_CORETYPE"),
                NativeThreads.configured());
        return SparkSession.builder().config(sparkConf).getOrCreate();
    }

    /**
     * The session's configuration: {@code given} holds what the user set outside the job (spark-submit's and
     * {@code -Dspark.*} properties; {@code new SparkConf()} loads them); a {@code spark.master} there beats
     * {@code master}, and every key there beats the job's {@code jobConf}, the job's {@code clusterDefaults} (applied
     * only when the master is not {@code local}) and oris's defaults; {@code threads} is the executors' native thread
     * count.
     */
    static SparkConf conf(String appName, String master, Map<String, String> jobConf, Map<String, String> clusterDefaults,
                          SparkConf given, String coretype, int threads) {
        SparkConf c = given.clone();
        c.setIfMissing("spark.app.name", appName);
        boolean submitted = given.contains("spark.master");
        if (!submitted) {
            c.setMaster(master == null || master.isBlank() ? "local[*]" : master);
        }
        boolean embedded = c.get("spark.master").startsWith("local");
        jobConf.forEach(c::setIfMissing);
        if (!embedded) {
            clusterDefaults.forEach(c::setIfMissing);
        }
        c.setIfMissing("spark.ui.showConsoleProgress", "false");
        c.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", Integer.toString(threads));
        c.setIfMissing("spark.executorEnv." + NativeThreads.ENV, Integer.toString(threads));
        c.setIfMissing("spark.task.maxFailures", "1");   // a failed run is recorded and resumed by oris, not retried blind
        if (coretype != null && !coretype.isBlank()) {
            c.setIfMissing("spark.executorEnv.OPENBLAS_CORETYPE", coretype);
        }
        if (embedded) {
            c.setIfMissing("spark.ui.enabled", "false");
            c.setIfMissing("spark.sql.shuffle.partitions", "8");
            c.setIfMissing("spark.driver.host", "127.0.0.1");
            c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return c;
    }
}
