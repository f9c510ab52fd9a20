package io.oris.pipeline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.spark.JvmFlags;
import io.oris.pipeline.stages.SweepRunner;
import io.oris.pipeline.train.ModelLearners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train stage's resource profile on a real Spark standalone cluster (Master and Worker processes on 127.0.0.1,
 * a 2-core Worker whose one GPU comes from a discovery script), with this JVM as the driver of {@code oris run}'s
 * {@link SweepRunner}: a train task asking for 2 CPUs takes the whole 2-core executor, so the runs train one at a
 * time; a train task asking for a GPU is given the Worker's GPU address.
 */
class TrainResourceProfileTest {
    @TempDir
    static Path dir;

    private static LoopbackSparkCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Path script = dir.resolve("gpus.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"name\": \"gpu\", \"addresses\": [\"0\"]}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        cluster = new LoopbackSparkCluster(dir.resolve("cluster"), 2, "2g", Map.of(
                "spark.worker.resource.gpu.amount", "1",
                "spark.worker.resource.gpu.discoveryScript", script.toString()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void trainTasksOfTwoCpusOnATwoCoreExecutorRunOneAtATime() throws Exception {
        Path data = dir.resolve("data-cpus");
        List<String> log = sweep("cpus", "[bc, td3bc]", "cpus_per_train_task: 2", data);
        List<RunStatus> runs = statuses(data);
        assertEquals(2, runs.size());
        runs.sort(Comparator.comparing(r -> Instant.parse(r.startedAt())));
        Instant firstFinished = Instant.parse(runs.get(0).finishedAt());
        Instant secondStarted = Instant.parse(runs.get(1).startedAt());
        assertTrue(!secondStarted.isBefore(firstFinished), "the two train tasks overlapped: " + runs);
        assertTrue(log.stream().anyMatch(l -> l.contains("train tasks ask for 2 CPUs each")), String.join("\n", log));
        assertEquals(2, log.stream().filter(l -> l.matches("\\s*run \\w+ trained on executor \\d+, 2 CPUs")).count(),
                String.join("\n", log));
    }

    @Test
    void aTrainTaskAskingForAGpuGetsTheWorkersGpuAddress() throws Exception {
        Path data = dir.resolve("data-gpu");
        List<String> log = sweep("gpu", "[bc, td3bc]", "gpus_per_train_task: 1", data);
        assertEquals(2, statuses(data).size());
        assertEquals(2, log.stream().filter(l -> l.matches("\\s*run \\w+ trained on executor \\d+, 1 CPU, GPU \\[0]")).count(),
                String.join("\n", log));
    }

    /** Runs a tiny sweep of {@code methods} on the cluster with {@code trainResources} in its spark: section. */
    private static List<String> sweep(String name, String methods, String trainResources, Path data) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path job = dir.resolve(name + ".yaml");
        Files.writeString(job, """
                res-%s:
                  default_args: {owner: oris, retries: 0}
                  schedule: null
                  oris:
                    envs: [hopper]
                    datasets:
                      - {collect: random, size: 500}
                    methods: %s
                    seeds: 1
                    budget: {gradient_steps: 100, steps_per_epoch: 50, eval_every: 100}
                    evaluation: {episodes: 1, last_k: 1, max_episode_steps: 20}
                    hyperparameters:
                      bc: {sac.hidden: [16, 16]}
                      td3bc: {sac.hidden: [16, 16]}
                    spark:
                      executor_memory: 1g
                      executor_cores: 2
                      %s
                      conf:
                        spark.driver.host: 127.0.0.1
                        spark.driver.bindAddress: 127.0.0.1
                        spark.executor.extraClassPath: "%s"
                        spark.executor.extraJavaOptions: "%s"
                """.formatted(name, methods, trainResources, classPath, JvmFlags.joined()));
        List<String> log = new ArrayList<>();
        SweepRunner.Result result = new SweepRunner(new ModelLearners(), log::add).run(job, data, cluster.masterUrl(), false);
        assertNotNull(result.report(), "the sweep wrote a report:\n" + String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains("on Spark " + cluster.masterUrl())), String.join("\n", log));
        return log;
    }

    private static List<RunStatus> statuses(Path data) throws Exception {
        List<RunStatus> out = new ArrayList<>();
        try (Stream<Path> runs = Files.list(data.resolve("runs"))) {
            for (Path run : (Iterable<Path>) runs::iterator) {
                RunStatus s = RunDirectory.of(data, run.getFileName().toString()).readStatus().orElseThrow();
                assertEquals(RunStatus.SUCCEEDED, s.state(), s.toString());
                out.add(s);
            }
        }
        return out;
    }
}
