package io.oris.pipeline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.spark.ChildJvm;
import io.oris.storage.fs.DataRootUri;
import io.oris.storage.table.TableReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster path for real: a Spark standalone Master and Worker on 127.0.0.1 (separate JVMs started from
 * the Spark jars), {@code oris submit} through Spark's own submit entry point in another process, a tiny
 * sweep whose train and evaluate tasks run in executor JVMs launched by the Worker, and its report checked.
 */
class ClusterSubmitTest {
    @TempDir
    Path dir;

    private static final String JOB = """
            cluster-tiny:
              default_args: {owner: oris, retries: 0}
              schedule: null
              oris:
                envs: [hopper]
                datasets:
                  - {collect: random, size: 1000}
                gaps: [gravity=2.0]
                methods: [sac, h2o]
                seeds: 1
                budget: {gradient_steps: 20, steps_per_epoch: 10, sim_steps_per_epoch: 40, eval_every: 10}
                evaluation: {episodes: 2, last_k: 1, max_episode_steps: 30}
                hyperparameters:
                  sac: {sac.hidden: [16, 16]}
                  h2o: {sac.hidden: [16, 16]}
            """;

    @Test
    void submittedSweepRunsOnAStandaloneCluster() throws Exception {
        Path job = dir.resolve("cluster-tiny.yaml");
        Files.writeString(job, JOB);
        Path data = dir.resolve("data");
        Path appJar = jarOf(Path.of("target/classes"), dir.resolve("oris-app.jar"));
        try (LoopbackSparkCluster cluster = new LoopbackSparkCluster(dir.resolve("cluster"), 2, "3g")) {
            List<String> cmd = ChildJvm.command("1g", Map.of(), "io.oris.pipeline.cli.OrisCli",
                    "submit", job.toString(), "--master", cluster.masterUrl(), "--jar", appJar.toString(),
                    "--executor-memory", "1g", "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.driver.bindAddress=127.0.0.1", "--data-root", data.toString());
            Path log = dir.resolve("submit.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SPARK_HOME", cluster.home().toString());
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process p = pb.start();
            boolean done = p.waitFor(8, TimeUnit.MINUTES);
            String output = Files.readString(log);
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, "submit finished in time:\n" + output);
            assertEquals(0, p.exitValue(), "submit exit code; output:\n" + output);
            assertTrue(output.contains("spark://127.0.0.1"), output);
            Path scores;
            try (Stream<Path> found = Files.walk(data.resolve("reports"))) {
                scores = found.filter(f -> f.getFileName().toString().equals("scores.parquet")).findFirst().orElseThrow();
            }
            List<Map<String, Object>> rows = TableReader.readAll(scores);
            assertEquals(2, rows.size());
            for (Map<String, Object> r : rows) {
                assertEquals("succeeded", r.get("status"), r.toString());
            }
            // the work ran in executor JVMs that the Worker launched
            try (Stream<Path> stderr = Files.walk(cluster.workDir())) {
                assertTrue(stderr.anyMatch(f -> f.getFileName().toString().equals("stderr")), "executor logs exist");
            }
        }
    }

    /**
     * The same submission with the data root on a real HDFS (a MiniDFSCluster in this JVM): the driver and the executor
     * JVMs the Worker launches read and write the datasets, runs and report only through {@code hdfs://}; the report is
     * read back from HDFS, nothing temporary is left there, and no local folder took the URI for a path.
     */
    @Test
    void submittedSweepKeepsItsDataOnHdfs() throws Exception {
        Files.writeString(dir.resolve("cluster-tiny.yaml"), JOB.replace("methods: [sac, h2o]", "methods: [sac]")
                .replace("h2o: {sac.hidden: [16, 16]}", ""));
        Path appJar = jarOf(Path.of("target/classes"), dir.resolve("oris-app.jar"));
        try (MiniHdfs hdfs = new MiniHdfs(dir.resolve("hdfs"));
             LoopbackSparkCluster cluster = new LoopbackSparkCluster(dir.resolve("cluster"), 2, "3g")) {
            String rootUri = hdfs.uri() + "/oris";
            List<String> cmd = ChildJvm.command("1g", Map.of(), "io.oris.pipeline.cli.OrisCli",
                    "submit", "cluster-tiny.yaml", "--master", cluster.masterUrl(), "--jar", appJar.toString(),
                    "--executor-memory", "1g", "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.driver.bindAddress=127.0.0.1", "--data-root", rootUri);
            Path log = dir.resolve("submit-hdfs.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("SPARK_HOME", cluster.home().toString());
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process p = pb.start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            String output = Files.readString(log);
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, "submit finished in time:\n" + output);
            assertEquals(0, p.exitValue(), "submit exit code; output:\n" + output);
            Path root = DataRootUri.resolve(rootUri);
            Path scores;
            try (Stream<Path> found = Files.walk(root.resolve("reports"))) {
                scores = found.filter(f -> f.getFileName().toString().equals("scores.parquet")).findFirst()
                        .orElseThrow(() -> new AssertionError("no report on HDFS; submit output:\n" + output));
            }
            List<Map<String, Object>> rows = TableReader.readAll(scores);
            assertEquals(1, rows.size());
            assertEquals("succeeded", rows.get(0).get("status"), rows.toString());
            assertEquals(List.of(), MiniHdfs.leftovers(root), "temporary or staging files left on HDFS");
            try (Stream<Path> local = Stream.concat(Files.walk(dir.resolve("cluster")), Files.list(dir))) {
                assertEquals(List.of(), local.filter(f -> f.getFileName().toString().startsWith("hdfs:")
                        || f.getFileName().toString().equals("datasets")).toList(), "data written to a local folder");
            }
            try (Stream<Path> stderr = Files.walk(cluster.workDir())) {
                assertTrue(stderr.anyMatch(f -> f.getFileName().toString().equals("stderr")), "executor logs exist");
            }
        }
    }

    /**
     * {@code --deploy-mode cluster}: the Worker starts the driver (a JVM of its own, in its own working folder), so
     * the job and data root given here as relative paths must reach it as absolute ones, and the driver needs the
     * JVM flags; submit waits for the driver ({@code spark.standalone.submit.waitAppCompletion}).
     */
    @Test
    void clusterDeployModeRunsTheDriverOnTheCluster() throws Exception {
        Files.writeString(dir.resolve("cluster-tiny.yaml"), JOB.replace("methods: [sac, h2o]", "methods: [sac]")
                .replace("h2o: {sac.hidden: [16, 16]}", ""));
        Path appJar = jarOf(Path.of("target/classes"), dir.resolve("oris-app.jar"));
        try (LoopbackSparkCluster cluster = new LoopbackSparkCluster(dir.resolve("cluster"), 2, "3g")) {
            List<String> cmd = ChildJvm.command("1g", Map.of(), "io.oris.pipeline.cli.OrisCli",
                    "submit", "cluster-tiny.yaml", "--master", cluster.masterUrl(), "--deploy-mode", "cluster",
                    "--jar", appJar.toString(), "--executor-memory", "1g", "--conf", "spark.driver.memory=1g",
                    "--conf", "spark.standalone.submit.waitAppCompletion=true", "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.driver.bindAddress=127.0.0.1", "--data-root", "data");
            Path log = dir.resolve("submit-cluster.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("SPARK_HOME", cluster.home().toString());
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process p = pb.start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            String output = Files.readString(log);
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, "submit finished in time:\n" + output);
            assertEquals(0, p.exitValue(), "submit exit code; output:\n" + output);
            assertTrue(output.contains("the data root " + dir.resolve("data").toAbsolutePath()), output);
            // a failed cluster driver does not fail submit: the report says whether the sweep ran
            assertTrue(Files.isDirectory(dir.resolve("data").resolve("reports")), "no report; submit output:\n" + output);
            Path scores;
            try (Stream<Path> found = Files.walk(dir.resolve("data").resolve("reports"))) {
                scores = found.filter(f -> f.getFileName().toString().equals("scores.parquet")).findFirst().orElseThrow();
            }
            List<Map<String, Object>> rows = TableReader.readAll(scores);
            assertEquals(1, rows.size());
            assertEquals("succeeded", rows.get(0).get("status"), rows.toString());
            String driverOutput;
            try (Stream<Path> files = Files.walk(cluster.workDir())) {
                Path driverDir = files.filter(f -> f.getFileName().toString().startsWith("driver-")).findFirst()
                        .orElseThrow(() -> new AssertionError("the Worker started no driver"));
                driverOutput = Files.readString(driverDir.resolve("stdout")) + Files.readString(driverDir.resolve("stderr"));
            }
            assertTrue(driverOutput.contains("[oris] driver started by the cluster with spark.driver.memory=1g"), driverOutput);
        }
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
