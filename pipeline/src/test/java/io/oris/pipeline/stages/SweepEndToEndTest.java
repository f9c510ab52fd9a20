package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.policy.PolicyFiles;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.runner.TaskResult;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.storage.AtomicPublish;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.train.ModelLearners;
import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.table.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep end to end on Spark local[2] with the real engine, learners and Parquet files: every stage's
 * outputs against the contracts of docs/architecture.md, resume after a kill between stages and inside train, and a failed
 * run that does not fail the sweep.
 */
class SweepEndToEndTest {
    @TempDir
    Path dir;

    private static final String JOB = """
            tiny:
              default_args: {owner: oris, retries: 0}
              schedule: null
              oris:
                envs: [hopper]
                datasets:
                  - {collect: random, size: 1500}
                gaps: [gravity=2.0]
                methods: [sac, h2o, oris]
                seeds: 1
                budget: {gradient_steps: 40, steps_per_epoch: 20, sim_steps_per_epoch: 60, eval_every: 20, snapshot_every: 20}
                evaluation: {episodes: 2, last_k: 1, max_episode_steps: 40}
                gan: {steps: 40, hidden: [32, 32], batch_size: 64}
                hyperparameters:
                  sac: {sac.hidden: [32, 32]}
                  h2o: {sac.hidden: [32, 32]%s}
                  oris: {sac.hidden: [32, 32], oris.rolloutHorizon: 10}
                spark: {master: "local[2]"}
            """;

    private Path writeJob(String h2oExtra) throws Exception {
        Path job = dir.resolve("tiny.yaml");
        Files.writeString(job, JOB.formatted(h2oExtra));
        return job;
    }

    private SweepRunner.Result run(Path job, Path root) {
        return new SweepRunner(new ModelLearners(), line -> System.out.println(line)).run(job, root, null, false);
    }

    @Test
    void tinySweepWritesEveryContractAndResumes() throws Exception {
        Path root = dir.resolve("data");
        Path job = writeJob("");
        SweepRunner.Result first = run(job, root);
        assertTrue(first.outcome().report().succeeded(), "every task succeeds");
        Plan plan = new SweepRunner(new ModelLearners(), s -> { }).plan(job, root);
        assertEquals(3, plan.runs().size());

        // dataset contract
        String datasetId = plan.datasets().get(0).id();
        Manifest manifest = new DatasetStore(root).manifest(datasetId);
        assertEquals(1500, manifest.rows());
        assertTrue(Files.exists(root.resolve("datasets").resolve(datasetId).resolve("manifest.json")));
        // GAN of the ORIS run
        RunSpec orisRun = plan.runs().stream().filter(r -> r.method().id().equals("oris")).findFirst().orElseThrow();
        Path gan = GanArtifacts.dir(root, orisRun.gan());
        assertTrue(gan.getFileName().toString().endsWith("-s0"), "the GAN of seed 0: " + gan);
        assertTrue(Files.exists(GanArtifacts.checkpoint(gan)) && Files.exists(GanArtifacts.curves(gan)));
        // run contracts
        for (RunSpec run : plan.runs()) {
            RunDirectory rd = RunDirectory.of(root, run.runId());
            assertTrue(Files.exists(rd.configFile()), run.label());
            RunStatus status = rd.readStatus().orElseThrow();
            assertTrue(status.succeeded(), run.label() + ": " + status.error());
            assertEquals(40, status.lastStep());
            assertEquals(List.of(0L, 20L, 40L), rd.snapshotSteps(), "the untrained policy at step 0, then every 20 steps");
            List<Map<String, Object>> eval = TableReader.readAll(rd.evalFile());
            assertEquals(6, eval.size(), "3 snapshots x 2 episodes");
            assertEquals(Set.of("step", "episode", "return", "length", "normalized_score", "reach", "pick", "place"),
                    eval.get(0).keySet());
            for (Map<String, Object> row : eval) {
                assertEquals(List.of(false, false, false), List.of(row.get("reach"), row.get("pick"), row.get("place")),
                        "the pick-place flags are false for hopper");
                assertTrue((Integer) row.get("length") >= 1 && (Integer) row.get("length") <= 40);
                assertTrue(Double.isFinite((Double) row.get("normalized_score")));
            }
            assertFalse(TableReader.readAll(rd.trainMetricsFile()).isEmpty());
        }
        // report contract
        assertNotNull(first.report());
        List<Map<String, Object>> scores = TableReader.readAll(first.report().scores());
        assertEquals(3, scores.size());
        assertTrue(Files.exists(first.report().html()));

        // kill between stages: the evaluation of one run and the report are lost
        RunSpec sacRun = plan.runs().stream().filter(r -> r.method().id().equals("sac")).findFirst().orElseThrow();
        RunDirectory sacDir = RunDirectory.of(root, sacRun.runId());
        Files.delete(sacDir.evalFile());
        FileTime snapshotTime = Files.getLastModifiedTime(sacDir.snapshotDir(40).resolve(PolicyFiles.POLICY_JSON));
        // kill inside train before its first checkpoint: the H2O run has its step-0 snapshot only, running
        RunSpec h2oRun = plan.runs().stream().filter(r -> r.method().id().equals("h2o")).findFirst().orElseThrow();
        RunDirectory h2oDir = RunDirectory.of(root, h2oRun.runId());
        AtomicPublish.deleteRecursively(h2oDir.checkpointDir());
        AtomicPublish.deleteRecursively(h2oDir.snapshotDir(20));
        AtomicPublish.deleteRecursively(h2oDir.snapshotDir(40));
        Path untrained = h2oDir.snapshotDir(0).resolve(PolicyFiles.POLICY_JSON);
        FileTime untrainedTime = Files.getLastModifiedTime(untrained);
        Object untrainedFile = Files.readAttributes(untrained, BasicFileAttributes.class).fileKey();
        Files.delete(h2oDir.evalFile());
        RunStatus was = h2oDir.readStatus().orElseThrow();
        h2oDir.writeStatus(new RunStatus(RunStatus.RUNNING, null, was.attempts(), 0, was.startedAt(), null));

        SweepRunner.Result second = run(job, root);
        assertTrue(second.outcome().report().succeeded());
        assertEquals(snapshotTime, Files.getLastModifiedTime(sacDir.snapshotDir(40).resolve(PolicyFiles.POLICY_JSON)),
                "a finished run is not retrained");
        assertEquals(6, TableReader.readAll(sacDir.evalFile()).size(), "its lost evaluation is redone");
        RunStatus resumed = h2oDir.readStatus().orElseThrow();
        assertTrue(resumed.succeeded());
        assertEquals(2, resumed.attempts());
        assertEquals(List.of(0L, 20L, 40L), h2oDir.snapshotSteps());
        assertEquals(untrainedTime, Files.getLastModifiedTime(untrained), "a resumed run does not rewrite step 0");
        assertEquals(untrainedFile, Files.readAttributes(untrained, BasicFileAttributes.class).fileKey());
        Set<Long> metricSteps = new TreeSet<>();
        for (Map<String, Object> r : TableReader.readAll(h2oDir.trainMetricsFile())) {
            metricSteps.add((Long) r.get("step"));
        }
        assertEquals(Set.of(20L, 40L), metricSteps, "metrics continue without duplicated epochs");
        assertNotNull(second.report());
    }

    @Test
    void aFailedRunIsReportedAndRetriedWithoutFailingTheSweep() throws Exception {
        Path root = dir.resolve("data-fail");
        Path job = writeJob(", sac.gamma: discount");   // a known key whose value the learner cannot take
        SweepRunner.Result result = run(job, root);
        assertTrue(result.outcome().report().results().stream().allMatch(r -> r.status() == TaskResult.Status.SUCCEEDED),
                "the sweep's tasks succeed");
        Plan plan = new SweepRunner(new ModelLearners(), s -> { }).plan(job, root);
        List<String> failed = new ArrayList<>();
        for (RunSpec run : plan.runs()) {
            RunStatus s = RunDirectory.of(root, run.runId()).readStatus().orElseThrow();
            if (run.method().id().equals("h2o")) {
                assertTrue(s.failed());
                assertTrue(s.error().contains("bad hyperparameter value") && s.error().contains("discount"), s.error());
                failed.add(run.runId());
            } else {
                assertTrue(s.succeeded(), run.label());
            }
        }
        List<Map<String, Object>> scores = TableReader.readAll(result.report().scores());
        assertEquals(1, scores.stream().filter(r -> "failed".equals(r.get("status"))).count());

        run(job, root);
        for (RunSpec run : plan.runs()) {
            RunStatus s = RunDirectory.of(root, run.runId()).readStatus().orElseThrow();
            assertEquals(failed.contains(run.runId()) ? 2 : 1, s.attempts(), "only the failed run is retried: " + run.label());
        }
    }

    @Test
    void missingD4rlFilesAreNamedWithWhereToPutThem() throws Exception {
        Path job = dir.resolve("d4rl.yaml");
        Files.writeString(job, JOB.formatted("").replace("- {collect: random, size: 1500}", "- hopper_medium_replay-v2.hdf5"));
        Path root = dir.resolve("empty-root");
        io.oris.storage.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(io.oris.storage.BadInputException.class,
                () -> new SweepRunner(new ModelLearners(), s -> { }).plan(job, root));
        assertTrue(e.getMessage().contains("hopper_medium_replay-v2.hdf5"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve("d4rl").toString()), e.getMessage());
    }

    @Test
    void d4rlFilesAreIngestedBySparkAndTrainedOn() throws Exception {
        Path root = dir.resolve("d4rl-root");
        Files.createDirectories(root.resolve("d4rl"));
        io.oris.storage.d4rl.D4rlSyntheticFile.standard(io.oris.storage.D4rlEnvs.require("hopper"), 3000, 5)
                .write(root.resolve("d4rl").resolve("hopper_medium-v2.hdf5"));
        Path job = dir.resolve("d4rl-run.yaml");
        Files.writeString(job, JOB.formatted("").replace("- {collect: random, size: 1500}", "- hopper_medium-v2.hdf5")
                .replace("methods: [sac, h2o, oris]", "methods: [h2o]")
                .replace("    gan: {steps: 40, hidden: [32, 32], batch_size: 64}\n", "")
                .replace("      sac: {sac.hidden: [32, 32]}\n", "").replace("      oris: {sac.hidden: [32, 32], oris.rolloutHorizon: 10}\n", ""));
        SweepRunner.Result result = run(job, root);
        assertTrue(result.outcome().report().succeeded());
        assertTrue(new DatasetStore(root).exists("hopper-medium-v2"));
        assertEquals(1, TableReader.readAll(result.report().scores()).stream()
                .filter(r -> "succeeded".equals(r.get("status"))).count());
    }

    @Test
    void minariDatasetsNamedInAJobAreFoundIngestedAndTrainedOn() throws Exception {
        Path root = dir.resolve("minari-root");
        // a Minari folder where Minari keeps them, <data-root>/minari/<dataset_id> (docs/architecture.md, SourceLocations)
        new io.oris.storage.minari.MinariSyntheticFolder("mujoco/hopper/medium-v0", io.oris.storage.D4rlEnvs.require("hopper"),
                4, 250, -20.272305, 3234.3, 11).write(root.resolve("minari").resolve("mujoco/hopper/medium-v0"));
        Path job = dir.resolve("minari-run.yaml");
        Files.writeString(job, JOB.formatted("").replace("- {collect: random, size: 1500}", "- {minari: mujoco/hopper/medium-v0}")
                .replace("methods: [sac, h2o, oris]", "methods: [bc]").replace("gaps: [gravity=2.0]", "gaps: [real]")
                .replace("    gan: {steps: 40, hidden: [32, 32], batch_size: 64}\n", "")
                .replace("      sac: {sac.hidden: [32, 32]}\n", "").replace("      h2o: {sac.hidden: [32, 32]}\n", "")
                .replace("      oris: {sac.hidden: [32, 32], oris.rolloutHorizon: 10}\n", "")
                .replace("    hyperparameters:\n", ""));
        SweepRunner.Result result = run(job, root);
        assertTrue(result.outcome().report().succeeded(), "the Minari sweep succeeds");
        String id = "minari-mujoco-hopper-medium-v0";
        DatasetStore store = new DatasetStore(root);
        assertTrue(store.exists(id), "the Minari dataset is ingested as " + id);
        Manifest m = store.manifest(id);
        assertEquals(1000, m.rows());
        assertEquals("minari", m.source().kind());
        assertEquals("mujoco/hopper/medium-v0", String.valueOf(m.source().attributes().get("dataset_id")));
        assertEquals(-20.272305, ((Number) m.source().attributes().get("ref_min_score")).doubleValue(), 1e-9,
                "Minari's reference scores are kept in the manifest");
        assertEquals(1, TableReader.readAll(result.report().scores()).stream()
                .filter(r -> "succeeded".equals(r.get("status"))).count());

        java.io.StringWriter shown = new java.io.StringWriter();
        picocli.CommandLine cli = io.oris.pipeline.cli.OrisCli.commandLine();
        cli.setOut(new java.io.PrintWriter(shown));
        assertEquals(0, cli.execute("datasets", "show", id, "--data-root", root.toString()));
        assertTrue(shown.toString().contains("Minari mujoco/hopper/medium-v0"), shown.toString());
        assertTrue(shown.toString().contains("3234.3"), "the Minari reference scores are shown: " + shown);
    }
}
