package io.oris.pipeline.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session of a command: {@code local[*]} embedded by default, any master the job file or
 * {@code --master} names otherwise. Executors run ND4J single-threaded (one task per core is how the
 * stages use a machine) and the UI stays off unless the job's Spark conf turns it on. The driver's
 * {@code OPENBLAS_CORETYPE} (the launcher sets one) goes to the executors too, so that they use the same
 * matrix kernels (docs/determinism.md).
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession start(String appName, String master, Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .master(master == null || master.isBlank() ? "local[*]" : master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.executorEnv.OMP_NUM_THREADS", "1")
                .config("spark.task.maxFailures", "1")
                .config("spark.sql.shuffle.partitions", "8");
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        if (coretype != null && !coretype.isBlank()) {
            b.config("spark.executorEnv.OPENBLAS_CORETYPE", coretype);
        }
        if (master == null || master.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.forEach(b::config);
        return b.getOrCreate();
    }
}
