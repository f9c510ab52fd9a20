package io.oris.pipeline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oris.sim.env.Environments;
import io.oris.sim.env.LocomotionEnv;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executors of a real standalone cluster (separate JVMs launched by a Worker) run MuJoCo environments. */
class ClusterSmokeTest {
    @TempDir
    Path dir;

    @Test
    void executorsStepMujoco() throws Exception {
        try (LoopbackSparkCluster cluster = new LoopbackSparkCluster(dir, 2, "2g")) {
            SparkSession spark = SparkSession.builder().appName("oris-cluster-smoke").master(cluster.masterUrl())
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.executor.memory", "1g")
                    .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                    .config("spark.executor.extraJavaOptions", String.join(" ", SparkJvmFlags.OPENS))
                    .getOrCreate();
            try {
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
                List<Integer> lengths = jsc.parallelize(List.of(1, 2, 3, 4), 4).map(seed -> {
                    try (LocomotionEnv env = Environments.create("hopper", "gravity=2.0", seed)) {
                        env.reset();
                        int n = 0;
                        while (!env.step(new double[3]).done()) {
                            n++;
                        }
                        return n;
                    }
                }).collect();
                assertEquals(4, lengths.size());
                System.out.println("cluster episode lengths " + lengths + " pids " + jsc.parallelize(List.of(1, 2), 2)
                        .map(x -> ProcessHandle.current().pid()).collect() + " driver " + ProcessHandle.current().pid());
            } finally {
                spark.stop();
            }
        }
    }
}
