package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oris plan} through the real command line. */
class PlanCommandTest {


    @Test
    void printsStagesDagAndRunCounts(@TempDir Path root) {
        CliRun o = CliRun.of("plan", "../jobs/quickstart.yaml", "--data-root", root.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Runs per method:"), o.out());
        assertTrue(o.out().matches("(?s).*\\n  total +6\\n.*"), o.out());
        assertTrue(o.out().contains("ingest-hopper-medium-replay-oris  [ingest 1/1]"), o.out());
        assertTrue(o.out().contains("pretrain-gan-hopper-medium-replay-oris  [pretrain-gan 1/1, 2 GANs]"), o.out());
        assertTrue(o.out().contains("aggregate  [aggregate 1/1, 6 runs]"), o.out());
        assertEquals("", o.err(), "quickstart uses the shipped dataset: no D4RL file is needed");
    }

    @Test
    void estimatesWithGpusAndTwoBenchFiles(@TempDir Path root) throws Exception {
        Path job = root.resolve("gpu.yaml");
        Files.writeString(job, """
                gpu:
                  oris:
                    envs: [hopper]
                    datasets: [{collect: random, size: 1000}]
                    methods: [sac, cql]
                    seeds: 3
                    gaps: [gravity=2.0]
                    budget: {gradient_steps: 2000, eval_every: 1000}
                    spark: {executor_cores: 8, gpus_per_train_task: 1}
                """);
        Path cpu = root.resolve("cpu.json");
        Files.writeString(cpu, "{\"figures\": [{\"engine\": \"dl4j\", \"method\": \"sac\", \"env\": \"hopper\","
                + " \"threads\": 1, \"updates_per_s\": 110.0}]}");
        Path gpu = root.resolve("gpu.json");
        Files.writeString(gpu, "{\"backend\": \"cuda\", \"figures\": [{\"engine\": \"dl4j\", \"method\": \"cql\","
                + " \"env\": \"hopper\", \"threads\": 1, \"updates_per_s\": 90.0}]}");
        CliRun o = CliRun.of("plan", job.toString(), "--data-root", root.toString(), "--executors", "8", "--gpus", "2",
                "--bench", cpu.toString(), "--bench", gpu.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Estimate on 8 executor slots and 2 GPUs"), o.out());
        assertTrue(o.out().contains("train: 2 tasks at once (2 GPUs, 1 per task); GPU rates from GPU bench file "
                + gpu), o.out());
        CliRun bad = CliRun.of("plan", job.toString(), "--data-root", root.toString(), "--gpus", "-1");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--gpus must be 0 or more"), bad.err());
    }

    @Test
    void warnsAboutMissingD4rlFiles(@TempDir Path root) throws Exception {
        CliRun o = CliRun.of("plan", "../jobs/oris-table1.yaml", "--data-root", root.toString());
        assertEquals(0, o.code());
        assertTrue(o.err().contains("12 D4RL files this job needs are missing from " + root.resolve("d4rl")), o.err());
        assertTrue(o.err().contains("walker2d_medium_expert-v2.hdf5"), o.err());
        Files.createDirectories(root.resolve("d4rl"));
        Files.writeString(root.resolve("d4rl/walker2d_medium_expert-v2.hdf5"), "");
        CliRun again = CliRun.of("plan", "../jobs/oris-table1.yaml", "--data-root", root.toString());
        assertTrue(again.err().contains("11 D4RL files"), again.err());
        assertTrue(!again.err().contains("walker2d_medium_expert-v2.hdf5"), again.err());
    }

    @Test
    void badJobFileIsOneClearLine(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("bad.yaml");
        Files.writeString(job, "bad:\n  oris:\n    envs: [hopper]\n    methods: [sac]\n    gaps: [gravity=2.0]\n    seeds: -1\n");
        CliRun o = CliRun.of("plan", job.toString());
        assertEquals(3, o.code(), "bad input");
        assertTrue(o.err().contains(job + ":6: bad.oris.seeds: expected an integer >= 1, found -1"), o.err());
    }

    @Test
    void aHyperparameterTheMethodDoesNotReadFailsThePlan(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("keys.yaml");
        Files.writeString(job, """
                keys:
                  oris:
                    envs: [hopper]
                    datasets: [{collect: random, size: 1000}]
                    methods: [cql, oris]
                    seeds: 1
                    gaps: [gravity=2.0]
                    hyperparameters:
                      cql: {cql.minQWeight: 5.0, gan.steps: 500}
                """);
        CliRun o = CliRun.of("plan", job.toString());
        assertEquals(3, o.code(), "bad input");
        assertTrue(o.err().contains(job + ":9: keys.oris.hyperparameters.cql.gan.steps: 'gan.steps' is not read by"
                + " method cql (it is read by [oris]); the keys cql reads are [cql.clipDiff,"), o.err());
        assertTrue(o.out().isEmpty(), "nothing planned: " + o.out());
    }

    @Test
    void planShowsOneGanPerDatasetAndSeed(@TempDir Path root) {
        CliRun o = CliRun.of("plan", "../jobs/quickstart.yaml", "--data-root", root.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("gan: one per dataset and seed, trained with that seed"), o.out());
        assertTrue(o.out().contains("[pretrain-gan 1/1, 2 GANs]"), o.out());
    }
}
