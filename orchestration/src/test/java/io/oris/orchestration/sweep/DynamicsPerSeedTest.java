package io.oris.orchestration.sweep;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.DescriptorException;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.PlanPrinter;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.plan.StageTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * COMBO reads a pre-trained dynamics model per (dataset, seed), trained with that seed in a pretrain-dynamics task of
 * its own, unless the job shares one across seeds ({@code dynamics: {share_across_seeds: true}}).
 */
class DynamicsPerSeedTest {
    private static final String SWEEP = """
                envs: [hopper]
                datasets: [hopper_medium_replay-v2.hdf5, hopper_medium-v2.hdf5]
                gaps: [gravity=2.0]
                methods: [combo, cql, oris]
                seeds: 3
            """;

    private static Plan plan(String more) {
        return new Planner().plan(parse(job(SWEEP + more)), null);
    }

    private static List<RunSpec> runs(Plan plan, String column) {
        return plan.runs().stream().filter(r -> r.column().equals(column)).toList();
    }

    @Test
    void eachComboSeedReadsItsOwnModelFromAStageOfItsOwn() {
        Plan plan = plan("");
        for (RunSpec r : runs(plan, "combo")) {
            assertEquals(r.seed(), r.dynamics().seed());
            assertEquals(r.datasetId(), r.dynamics().datasetId());
            assertEquals(Map.of(DynamicsSpec.SEED, r.seed()), r.config().get("dynamics"),
                    "the model's seed is part of the hashed run config");
        }
        runs(plan, "cql").forEach(r -> assertNull(r.dynamics()));
        runs(plan, "oris").forEach(r -> assertNull(r.dynamics()));
        List<StageTask> pretrain = plan.tasks(StageKind.PRETRAIN_DYNAMICS);
        assertEquals(List.of("pretrain-dynamics-hopper-medium-replay-v2", "pretrain-dynamics-hopper-medium-v2"),
                pretrain.stream().map(StageTask::id).toList());
        for (StageTask t : pretrain) {
            assertEquals(List.of("ingest-" + t.datasetIds().get(0)), t.dependencies());
            List<DynamicsSpec> models = plan.dynamics(t);
            assertEquals(List.of(0L, 1L, 2L), models.stream().map(DynamicsSpec::seed).toList());
            assertTrue(models.stream().allMatch(m -> m.datasetId().equals(t.datasetIds().get(0))));
        }
        for (StageTask t : plan.tasks(StageKind.TRAIN)) {
            assertTrue(t.dependencies().contains("pretrain-dynamics-" + t.datasetIds().get(0)), t.toString());
            assertTrue(t.dependencies().contains("pretrain-gan-" + t.datasetIds().get(0)), t.toString());
        }
        int dyn = plan.tasks().indexOf(pretrain.get(0));
        int train = plan.tasks().indexOf(plan.tasks(StageKind.TRAIN).get(0));
        assertTrue(dyn < train, "pre-training before training in the task order");
        assertTrue(plan.dynamics(plan.tasks(StageKind.TRAIN).get(0)).isEmpty());
        String printed = PlanPrinter.render(plan, false);
        assertTrue(printed.contains("[pretrain-dynamics 1/2, 3 models]  <- ingest-hopper-medium-replay-v2"), printed);
        assertTrue(printed.contains("dynamics: one model per dataset and seed, trained with that seed"), printed);
    }

    @Test
    void shareAcrossSeedsTrainsOneModelPerDatasetWithSeedZero() {
        Plan perSeed = plan("");
        Plan shared = plan("    dynamics: {share_across_seeds: true}\n");
        List<RunSpec> runs = runs(shared, "combo");
        assertTrue(runs.stream().allMatch(r -> r.dynamics().seed() == 0));
        shared.tasks(StageKind.PRETRAIN_DYNAMICS).forEach(t -> assertEquals(1, shared.dynamics(t).size()));
        List<RunSpec> own = runs(perSeed, "combo");
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).seed() == 0) {
                assertEquals(own.get(i).runId(), runs.get(i).runId(), "seed 0 reads the same model either way");
            } else {
                assertNotEquals(own.get(i).runId(), runs.get(i).runId());
            }
        }
        assertEquals(runs(perSeed, "cql").stream().map(RunSpec::runId).toList(),
                runs(shared, "cql").stream().map(RunSpec::runId).toList(), "other methods are not touched");
        assertTrue(PlanPrinter.render(shared, false).contains("dynamics: one model per dataset, shared by every seed (seed 0)"));
    }

    @Test
    void modelSettingsAreTheRunsDynamicsHyperparameters() {
        Plan plan = plan("    hyperparameters:\n      combo: {dynamics.maxEpochs: 50, combo.beta: 0.5}\n");
        RunSpec r = runs(plan, "combo").get(0);
        assertEquals(Map.of("maxEpochs", 50L), r.dynamics().settings());
        assertEquals(Map.of("dynamics.maxEpochs", 50L), r.dynamics().overrides());
        assertEquals(50L, r.hyperparameters().get("dynamics.maxEpochs"), "the learner reads them too");
        assertEquals(r.dynamics(), DynamicsSpec.fromConfig(r.runId(), r.datasetId(), r.hyperparameters(),
                Map.of(DynamicsSpec.SEED, r.seed())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DynamicsSpec.fromConfig("r1", r.datasetId(), r.hyperparameters(), null));
        assertTrue(e.getMessage().contains("run r1: its config has no 'dynamics' section"), e.getMessage());
    }

    @Test
    void noComboNoStageAndTheSectionIsCheckedByKey() {
        Plan plan = new Planner().plan(parse(job(SWEEP.replace("[combo, cql, oris]", "[cql]"))), null);
        assertTrue(plan.tasks(StageKind.PRETRAIN_DYNAMICS).isEmpty());
        DescriptorException unused = assertThrows(DescriptorException.class, () -> parse(job(
                SWEEP.replace("[combo, cql, oris]", "[cql]") + "    dynamics: {share_across_seeds: true}\n")));
        assertEquals("testjob.oris.dynamics", unused.keyPath());
        assertTrue(unused.getMessage().contains("no method of this sweep reads one"), unused.getMessage());
        DescriptorException unknown = assertThrows(DescriptorException.class,
                () -> parse(job(SWEEP + "    dynamics: {share_accross_seeds: true}\n")));
        assertEquals("testjob.oris.dynamics.share_accross_seeds", unknown.keyPath());
        assertTrue(unknown.getMessage().contains("unknown key 'share_accross_seeds'")
                && unknown.getMessage().contains("[share_across_seeds]")
                && unknown.getMessage().contains("dynamics.* hyperparameters"), unknown.getMessage());
        DescriptorException type = assertThrows(DescriptorException.class,
                () -> parse(job(SWEEP + "    dynamics: {share_across_seeds: sometimes}\n")));
        assertEquals("testjob.oris.dynamics.share_across_seeds", type.keyPath());
    }
}
