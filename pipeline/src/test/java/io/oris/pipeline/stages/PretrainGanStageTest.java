package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.config.GanConfig;
import io.oris.model.learner.LearnerDims;
import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.storage.AtomicPublish;
import io.oris.pipeline.train.ModelLearners;
import io.oris.pipeline.train.RunConfig;
import io.oris.pipeline.train.TinySweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ORIS GANs per (dataset, seed): trained with the run's seed, each in its own folder, and each run reads its own. */
class PretrainGanStageTest {
    @TempDir
    Path root;

    private static final String JOB = """
            tiny:
              oris:
                envs: [hopper]
                datasets: [{collect: random, size: 300}]
                gaps: [gravity=2.0]
                methods: [oris]
                seeds: 2
                budget: {gradient_steps: 2, steps_per_epoch: 2}
                gan: {steps: 10, hidden: [16, 16], batch_size: 32}
                hyperparameters:
                  oris: {sac.hidden: [16, 16], gan.curveEvery: 5}
            """;

    @Test
    void eachSeedTrainsAndReadsItsOwnGan() throws Exception {
        Plan plan = TinySweeps.plan(JOB);
        String dataset = plan.datasets().get(0).id();
        TinySweeps.randomHopperDataset(root, dataset, 300, 5);
        List<GanSpec> gans = plan.gans(plan.tasks(StageKind.PRETRAIN_GAN).get(0));
        assertEquals(List.of(0L, 1L), gans.stream().map(GanSpec::seed).toList());
        for (GanSpec gan : gans) {
            PretrainGanStage.train(PretrainGanStage.Job.of(gan), root);
        }
        Path s0 = GanArtifacts.dir(root, gans.get(0));
        Path s1 = GanArtifacts.dir(root, gans.get(1));
        assertTrue(s0.getFileName().toString().startsWith(dataset + "-") && s0.getFileName().toString().endsWith("-s0"), s0.toString());
        assertTrue(s1.getFileName().toString().endsWith("-s1"), s1.toString());
        assertFalse(Arrays.equals(Files.readAllBytes(GanArtifacts.checkpoint(s0)), Files.readAllBytes(GanArtifacts.checkpoint(s1))),
                "trained with different seeds");

        RunSpec seed1 = plan.runs().stream().filter(r -> r.seed() == 1).findFirst().orElseThrow();
        RunConfig config = new RunConfig(seed1.runId(), seed1.config());
        assertEquals(gans.get(1), GanArtifacts.of(config));
        new ModelLearners().create(config, LearnerDims.of(11, 3), root);
        AtomicPublish.deleteRecursively(s1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ModelLearners().create(config, LearnerDims.of(11, 3), root));
        assertTrue(e.getMessage().contains(s1.toString()) && e.getMessage().contains("seed 1"),
                "the seed-1 run never falls back to the seed-0 GAN: " + e.getMessage());
    }

    @Test
    void ganSettingsAreAppliedOrRejectedNeverDefaulted() {
        GanConfig c = GanArtifacts.config(Map.of("steps", 10, "batch", 32, "generatorHidden", List.of(16, 16),
                "discriminatorHidden", List.of(8), "lr", 1e-3, "noiseDim", 0, "beta1", 0.9, "nonSaturating", false,
                "curveEvery", 5));
        assertEquals(GanConfig.builder()
                .generatorHidden(List.of(16, 16))
                .discriminatorHidden(List.of(8))
                .steps(10)
                .batch(32)
                .lr(1e-3)
                .beta1(0.9)
                .nonSaturating(false)
                .curveEvery(5)
                .build(), c);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GanArtifacts.config(Map.of("hidden", List.of(16, 16))));
        assertTrue(unknown.getMessage().contains("unknown GAN setting 'hidden'; expected one of [batch, beta1, curveEvery,"),
                unknown.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> GanArtifacts.config(Map.of("steps", "many")));
        assertTrue(type.getMessage().contains("GAN setting 'steps': expected an integer, found many"), type.getMessage());
    }
}
