package io.oris.orchestration.sweep;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.Fingerprints;
import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.PlanPrinter;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.plan.StageTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ORIS reads one GAN per (dataset, seed), trained with that seed, unless the job shares one across seeds. */
class GanPerSeedTest {
    private static final String SWEEP = """
                envs: [hopper]
                datasets: [hopper_medium_replay-v2.hdf5, hopper_medium-v2.hdf5]
                gaps: [gravity=2.0]
                methods: [oris, oris-no_restart, oris-no_restart-h2o_reweight]
                seeds: 3
                gan: {steps: 1000%s}
            """;

    private static Plan plan(String ganExtra, String more) {
        return new Planner().plan(parse(job(SWEEP.formatted(ganExtra) + more)), null);
    }

    private static List<RunSpec> runs(Plan plan, String column) {
        return plan.runs().stream().filter(r -> r.column().equals(column)).toList();
    }

    @Test
    void eachSeedReadsItsOwnGanTrainedWithThatSeed() {
        Plan plan = plan("", "");
        for (RunSpec r : runs(plan, "oris")) {
            assertEquals(r.seed(), r.gan().seed());
            assertEquals(r.datasetId(), r.gan().datasetId());
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) r.config().get("gan");
            assertEquals(r.seed(), section.get(GanSpec.SEED), "the GAN's seed is part of the hashed run config");
            assertEquals(1000L, section.get("steps"));
            assertTrue(r.gan().folderName().matches("hopper-medium(-replay)?-v2-[0-9a-f]{10}-s" + r.seed()), r.gan().folderName());
        }
        Set<String> folders = runs(plan, "oris").stream().map(r -> r.gan().folderName()).collect(Collectors.toSet());
        assertEquals(2 * 3, folders.size(), "one GAN per (dataset, seed)");
        // the no_restart ablation reads the same GAN as ORIS of its seed (w(s)); the variant without restarts and
        // with H2O's re-weighting reads none
        for (RunSpec r : runs(plan, "oris-no_restart")) {
            assertTrue(folders.contains(r.gan().folderName()));
        }
        runs(plan, "oris-no_restart-h2o_reweight").forEach(r -> assertNull(r.gan()));
        List<StageTask> pretrain = plan.tasks(StageKind.PRETRAIN_GAN);
        assertEquals(2, pretrain.size(), "one pretrain-gan task per dataset");
        for (StageTask t : pretrain) {
            List<GanSpec> gans = plan.gans(t);
            assertEquals(List.of(0L, 1L, 2L), gans.stream().map(GanSpec::seed).toList());
            assertTrue(gans.stream().allMatch(g -> g.datasetId().equals(t.datasetIds().get(0))));
        }
        assertTrue(PlanPrinter.render(plan, false).contains("[pretrain-gan 1/2, 3 GANs]"), PlanPrinter.render(plan, false));
        assertTrue(PlanPrinter.render(plan, false).contains("gan: one per dataset and seed, trained with that seed"));
    }

    @Test
    void shareAcrossSeedsTrainsOneGanPerDatasetWithSeedZero() {
        Plan perSeed = plan("", "");
        Plan shared = plan(", share_across_seeds: true", "");
        List<RunSpec> runs = runs(shared, "oris");
        assertTrue(runs.stream().allMatch(r -> r.gan().seed() == 0));
        assertEquals(2, runs.stream().map(r -> r.gan().folderName()).distinct().count(), "one GAN per dataset");
        shared.tasks(StageKind.PRETRAIN_GAN).forEach(t -> assertEquals(1, shared.gans(t).size()));
        // sharing is in the hashed config through the GAN's seed: seeds 1 and 2 are other runs than per-seed ones;
        // seed 0 reads the same GAN (same settings, same seed, same folder) and stays the same run
        List<RunSpec> own = runs(perSeed, "oris");
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).seed() == 0) {
                assertEquals(own.get(i).runId(), runs.get(i).runId());
                assertEquals(own.get(i).gan().folderName(), runs.get(i).gan().folderName());
            } else {
                assertNotEquals(own.get(i).runId(), runs.get(i).runId());
            }
        }
        assertTrue(PlanPrinter.render(shared, false).contains("gan: one per dataset, shared by every seed (seed 0)"));
    }

    @Test
    void ganHyperparametersOfAMethodReachItsGanAndOnlyItsGan() {
        Plan plan = plan("", "    hyperparameters:\n      oris: {gan.steps: 500, gan.lr: 1.0e-3, oris.rolloutHorizon: 20}\n");
        RunSpec oris = runs(plan, "oris").get(0);
        RunSpec noRestart = runs(plan, "oris-no_restart").get(0);
        assertEquals(500, oris.gan().settings().get("steps"));
        assertEquals(1.0e-3, oris.gan().settings().get("lr"));
        assertEquals(Map.of("oris.rolloutHorizon", 20L), oris.hyperparameters(), "gan.* keys live in the run's gan section");
        // the method-level gan.* keys are inherited by oris-no_restart, which reads the GAN too
        assertEquals(oris.gan(), noRestart.gan());
        Plan variantOnly = plan("", "    hyperparameters:\n      oris-no_restart: {gan.steps: 500}\n");
        RunSpec o = runs(variantOnly, "oris").get(0);
        RunSpec nr = runs(variantOnly, "oris-no_restart").get(0);
        assertEquals(1000L, o.gan().settings().get("steps"));
        assertNotEquals(o.gan().folderName(), nr.gan().folderName(), "other settings, another GAN folder");
        assertEquals(2 * 3, variantOnly.gans(variantOnly.tasks(StageKind.PRETRAIN_GAN).get(0)).size(),
                "the dataset's task trains both GAN settings for every seed");
    }

    @Test
    void aRunOfTheOldLayoutIsNotReused() {
        // before GANs were per seed, the run config's gan section was the job's section, without a seed, and every
        // seed read the seed-0 GAN of gan/<dataset>-<hash>/; such a finished run must not count as this run
        RunSpec run = runs(plan("", ""), "oris").get(1);
        Map<String, Object> old = new LinkedHashMap<>(run.config());
        Map<String, Object> oldGan = new LinkedHashMap<>();
        oldGan.put("steps", 1000L);
        oldGan.put("batch_size", 256);
        oldGan.put("hidden", List.of(256, 256));
        oldGan.put("learning_rate", 2e-4);
        oldGan.put("noise_dim", null);
        old.put("gan", oldGan);
        String oldId = Fingerprints.sha256Hex(Fingerprints.canonicalJson(old)).substring(0, 16);
        assertNotEquals(oldId, run.runId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GanSpec.fromConfig("r1", run.datasetId(), oldGan));
        assertTrue(e.getMessage().contains("run r1: its config's 'gan' section has no 'seed'"), e.getMessage());
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) run.config().get("gan");
        assertEquals(run.gan(), GanSpec.fromConfig(run.runId(), run.datasetId(), section));
        assertFalse(run.gan().folderName().equals(run.datasetId() + "-"
                + Fingerprints.sha256Hex(Fingerprints.canonicalJson(new java.util.TreeMap<>(oldGan))).substring(0, 10)));
    }
}
