package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.descriptor.SparkSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What {@code oris submit} hands to SparkSubmit in client and cluster deploy mode. */
class SubmitArgumentsTest {
    private static final SparkSettings JOB = new SparkSettings("local[*]", "6g", "4g", 2, null, 1, 0, null, Map.of(), null);

    private static SubmitArguments submit(String mode, List<String> conf, Properties defaults) {
        return new SubmitArguments("spark://10.0.0.1:7077", mode, Path.of("app.jar"), false, null, conf,
                List.of("a.jar", "b.jar"), List.of("org.example:x:1.0"), List.of(), Path.of("jobs/j.yaml"),
                Path.of("data"), JOB, defaults, "/cp/one.jar:/cp/two.jar", "Haswell", 2);
    }

    @Test
    void clientModeKeepsTheDriverHereAndPassesDependenciesAndConf() {
        List<String> a = submit("client", List.of("spark.executor.cores=3"), new Properties()).toList();
        assertEquals(List.of("--master", "spark://10.0.0.1:7077", "--deploy-mode", "client"), a.subList(0, 4));
        assertTrue(String.join(" ", a).contains("--jars a.jar,b.jar --packages org.example:x:1.0"), a.toString());
        assertFalse(a.contains("--executor-memory"), "without the option the driver applies the job's executor memory");
        assertFalse(String.join(" ", a).contains("spark.driver.memory"), "a client-mode driver is this running JVM");
        assertTrue(a.contains("spark.executor.cores=3"));
        assertTrue(a.contains("spark.executor.extraClassPath=/cp/one.jar:/cp/two.jar"));
        int app = a.indexOf(Path.of("app.jar").toAbsolutePath().toString());
        assertEquals(List.of("run", Path.of("jobs/j.yaml").toAbsolutePath().toString(), "--master", "spark://10.0.0.1:7077",
                "--data-root", Path.of("data").toAbsolutePath().toString(), "--threads", "2"), a.subList(app + 1, a.size()));
        assertTrue(a.contains("spark.executorEnv.OMP_NUM_THREADS=2") && a.contains("spark.executorEnv.ORIS_NATIVE_THREADS=2"),
                "the executors get the driver's --threads: " + a);
    }

    @Test
    void clusterModeGivesTheDriverAbsolutePathsItsFlagsAndTheJobsDriverMemory() {
        List<String> a = submit("cluster", List.of(), new Properties()).toList();
        assertEquals("cluster", a.get(a.indexOf("--deploy-mode") + 1));
        assertTrue(a.contains("spark.driver.memory=6g"), a.toString());
        assertTrue(a.stream().anyMatch(s -> s.startsWith("spark.driver.extraJavaOptions=") && s.contains("--add-opens")), a.toString());
        assertTrue(a.contains("spark.driver.extraClassPath=/cp/one.jar:/cp/two.jar"));
        for (String path : a.subList(a.indexOf("run") - 1, a.size())) {
            if (path.endsWith(".jar") || path.endsWith(".yaml") || path.endsWith("data")) {
                assertTrue(Path.of(path).isAbsolute(), path + " is absolute for a driver on another node");
            }
        }
    }

    @Test
    void theUsersDriverMemoryWinsOverTheJobs() {
        assertFalse(submit("cluster", List.of("spark.driver.memory=10g"), new Properties()).toList().contains("spark.driver.memory=6g"));
        Properties defaults = new Properties();
        defaults.setProperty("spark.driver.memory", "12g");
        assertFalse(submit("cluster", List.of(), defaults).toList().contains("spark.driver.memory=6g"),
                "spark-defaults.conf beats the job");
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> submit("yarn-cluster", List.of(), new Properties()));
        assertEquals("--deploy-mode: expected client or cluster, found 'yarn-cluster'", mode.getMessage());
        IllegalArgumentException conf = assertThrows(IllegalArgumentException.class,
                () -> submit("client", List.of("spark.executor.cores"), new Properties()));
        assertEquals("--conf: expected KEY=VALUE, found 'spark.executor.cores'", conf.getMessage());
    }
}
