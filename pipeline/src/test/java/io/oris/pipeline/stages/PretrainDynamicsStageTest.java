package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.learner.LearnerDims;
import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.sweep.DynamicsSpec;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.combo.DynamicsArtifacts;
import io.oris.pipeline.train.ModelLearners;
import io.oris.pipeline.train.RunConfig;
import io.oris.pipeline.train.TinySweeps;
import io.oris.storage.AtomicPublish;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COMBO's dynamics models are trained by their own stage, through Spark: one per (dataset, seed) trained with that
 * seed, or one shared by every seed; published atomically; skipped when present; loaded (never trained) by the run.
 */
class PretrainDynamicsStageTest {
    private static SparkSession spark;

    @TempDir
    Path root;

    private static final String JOB = """
            tiny:
              oris:
                envs: [hopper]
                datasets: [{collect: random, size: 300}]
                methods: [combo]
                seeds: 2
                budget: {gradient_steps: 2, steps_per_epoch: 2}
                %s
                hyperparameters:
                  combo: {sac.hidden: [16, 16], sac.singleSourceBatch: 32, cql.sampledActions: 2,
                          combo.rolloutBatch: 10, combo.rolloutHorizon: 2, dynamics.hidden: [16],
                          dynamics.weightDecay: [1.0e-4, 1.0e-4], dynamics.ensembleSize: 3, dynamics.elites: 2,
                          dynamics.maxEpochs: 2}
            """;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("pretrain-dynamics-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private List<String> execute(Plan plan) {
        StageTask task = plan.tasks(StageKind.PRETRAIN_DYNAMICS).get(0);
        List<String> log = new ArrayList<>();
        new PretrainDynamicsStage(spark).execute(task, new RunContext(plan, root, 1, 1, log::add));
        return log;
    }

    @Test
    void eachSeedTrainsItsOwnModelInTheStageAndTheRunOnlyLoadsIt() throws Exception {
        Plan plan = TinySweeps.plan(JOB.formatted(""));
        String dataset = plan.datasets().get(0).id();
        TinySweeps.randomHopperDataset(root, dataset, 300, 5);
        RunSpec seed1 = plan.runs().stream().filter(r -> r.seed() == 1).findFirst().orElseThrow();
        RunConfig config = new RunConfig(seed1.runId(), seed1.config());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new ModelLearners().create(config, LearnerDims.of(11, 3), root));
        Path s1 = DynamicsArtifacts.dir(root, seed1.dynamics());
        assertTrue(missing.getMessage().contains(s1.toString()) && missing.getMessage().contains("pretrain-dynamics"),
                missing.getMessage());
        assertFalse(Files.exists(root.resolve("dynamics")), "the run did not train the model itself");

        List<String> log = execute(plan);
        assertEquals("pretrain-dynamics pretrain-dynamics-" + dataset + ": training 2 dynamics model(s)", log.get(0));
        assertTrue(log.get(1).startsWith("  dynamics model of " + dataset + ", seed 0: 2 epochs in "), log.toString());
        List<DynamicsSpec> models = plan.dynamics(plan.tasks(StageKind.PRETRAIN_DYNAMICS).get(0));
        Path s0 = DynamicsArtifacts.dir(root, models.get(0));
        assertEquals(s1, DynamicsArtifacts.dir(root, models.get(1)));
        assertTrue(s0.getFileName().toString().matches(dataset + "-[0-9a-f]{10}-s0"), s0.toString());
        for (Path dir : List.of(s0, s1)) {
            for (String f : List.of("dynamics.bin", "curve.csv", "dynamics.json")) {
                assertTrue(Files.isRegularFile(dir.resolve(f)), dir + "/" + f);
            }
        }
        try (var entries = Files.list(root.resolve("dynamics"))) {
            assertEquals(2, entries.count(), "no staging left behind");
        }
        assertFalse(Arrays.equals(Files.readAllBytes(DynamicsArtifacts.checkpoint(s0)),
                Files.readAllBytes(DynamicsArtifacts.checkpoint(s1))), "trained with different seeds");
        assertTrue(Files.readString(s1.resolve("dynamics.json")).contains("\"seed\" : 1"));

        new ModelLearners().create(config, LearnerDims.of(11, 3), root);   // loads the seed-1 model
        byte[] before = Files.readAllBytes(DynamicsArtifacts.checkpoint(s1));
        assertEquals(List.of("pretrain-dynamics pretrain-dynamics-" + dataset + ": dynamics models already trained"),
                execute(plan));
        assertTrue(Arrays.equals(before, Files.readAllBytes(DynamicsArtifacts.checkpoint(s1))), "not retrained");
        AtomicPublish.deleteRecursively(s1);
        IllegalStateException gone = assertThrows(IllegalStateException.class,
                () -> new ModelLearners().create(config, LearnerDims.of(11, 3), root));
        assertTrue(gone.getMessage().contains(s1.toString()) && gone.getMessage().contains("seed 1"),
                "the seed-1 run never falls back to the seed-0 model: " + gone.getMessage());
    }

    @Test
    void sharedAcrossSeedsTrainsOneModel() {
        Plan plan = TinySweeps.plan(JOB.formatted("dynamics: {share_across_seeds: true}"));
        String dataset = plan.datasets().get(0).id();
        TinySweeps.randomHopperDataset(root, dataset, 300, 5);
        List<String> log = execute(plan);
        assertEquals("pretrain-dynamics pretrain-dynamics-" + dataset + ": training 1 dynamics model(s)", log.get(0));
        for (RunSpec r : plan.runs()) {
            assertEquals(0, r.dynamics().seed());
            new ModelLearners().create(new RunConfig(r.runId(), r.config()), LearnerDims.of(11, 3), root);
        }
    }
}
