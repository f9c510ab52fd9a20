package io.oris.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Embedded defaults only for local masters; what spark-submit and the user set wins over the job and oris. */
class SparkSessionsTest {
    /** What a job's {@code spark:} section gives as executor resources ({@code SparkSettings.executorConf}). */
    private static final Map<String, String> RESOURCES = Map.of("spark.executor.memory", "4g",
            "spark.executor.cores", "2", "spark.executor.resource.gpu.amount", "1");

    private static SparkConf empty() {
        return new SparkConf(false);
    }

    @Test
    void embeddedGetsTheLocalDefaultsAndTheJobConf() {
        SparkConf c = SparkSessions.conf("oris x", null, Map.of("spark.sql.shuffle.partitions", "64"), RESOURCES, empty(), "Haswell", 1);
        assertEquals("local[*]", c.get("spark.master"));
        assertEquals("false", c.get("spark.ui.enabled"));
        assertEquals("127.0.0.1", c.get("spark.driver.host"));
        assertEquals("64", c.get("spark.sql.shuffle.partitions"), "the job's conf beats oris's defaults");
        assertEquals("1", c.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("Haswell", c.get("spark.executorEnv.OPENBLAS_CORETYPE"));
        assertFalse(c.contains("spark.executor.memory"), "no executors to size in the embedded mode");
        assertFalse(c.contains("spark.executor.resource.gpu.amount"));
    }

    @Test
    void aClusterMasterGetsTheJobsResourcesUnderTheUsersAndTheJobsOwnConf() {
        SparkConf userSet = empty().set("spark.executor.memory", "8g");   // spark-defaults.conf or --conf
        SparkConf c = SparkSessions.conf("oris x", "spark://10.0.0.1:7077", Map.of("spark.executor.cores", "3"),
                RESOURCES, userSet, null, 1);
        assertEquals("8g", c.get("spark.executor.memory"), "the user's setting beats the job's executor_memory");
        assertEquals("3", c.get("spark.executor.cores"), "the job's spark.conf beats its executor_cores");
        assertEquals("1", c.get("spark.executor.resource.gpu.amount"), "the job's GPUs per executor fill the rest");
        assertFalse(c.contains("spark.task.resource.gpu.amount"), "task GPUs are the train stage's profile only");
    }

    @Test
    void aClusterMasterGetsNoEmbeddedDefaults() {
        SparkConf c = SparkSessions.conf("oris x", "spark://10.0.0.1:7077", Map.of(), Map.of(), empty(), null, 3);
        assertEquals("spark://10.0.0.1:7077", c.get("spark.master"));
        assertEquals("3", c.get("spark.executorEnv.OMP_NUM_THREADS"), "--threads 3 reaches the executors");
        assertEquals("3", c.get("spark.executorEnv.ORIS_NATIVE_THREADS"));
        assertFalse(c.contains("spark.ui.enabled"), "the UI stays on (Spark's default) on a cluster");
        assertFalse(c.contains("spark.driver.host"));
        assertFalse(c.contains("spark.sql.shuffle.partitions"));
    }

    @Test
    void sparkSubmitsSettingsWin() {
        SparkConf submitted = empty().set("spark.master", "yarn").set("spark.ui.enabled", "true")
                .set("spark.sql.shuffle.partitions", "400").set("spark.executorEnv.OMP_NUM_THREADS", "4")
                .set("spark.app.name", "from-submit");
        SparkConf c = SparkSessions.conf("oris x", "local[2]", Map.of("spark.sql.shuffle.partitions", "64"), RESOURCES, submitted, null, 1);
        assertEquals("yarn", c.get("spark.master"), "spark-submit's --master beats the job's");
        assertEquals("true", c.get("spark.ui.enabled"));
        assertEquals("400", c.get("spark.sql.shuffle.partitions"), "--conf beats the job's conf");
        assertEquals("4", c.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("from-submit", c.get("spark.app.name"));
    }
}
