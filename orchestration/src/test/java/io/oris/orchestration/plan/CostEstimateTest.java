package io.oris.orchestration.plan;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEstimateTest {
    private static final String SWEEP = """
                envs: [hopper]
                datasets:
                  - {collect: random, size: 6000}
                gaps: [gravity=2.0]
                methods: [sac, oris, cql]
                seeds: 2
                budget: {gradient_steps: 10000, steps_per_epoch: 1000, sim_steps_per_epoch: 500, eval_every: 5000}
                evaluation: {episodes: 4}
                gan: {steps: 1200}
            """;

    private static Plan plan() {
        return new Planner().plan(parse(job(SWEEP)), null);
    }

    @Test
    void everyStageCostsWhatTheModelSaysByHand() {
        Throughput t = Throughput.defaults();
        CostEstimate e = CostEstimate.of(plan(), 2, t);
        // train: 2 seeds of sim-only SAC, ORIS and CQL; SAC and ORIS also step the simulator 10 x 500 times
        double sac = 10_000 / 55.0 + 5_000 / 3_000.0;
        double oris = 10_000 / 50.0 + 5_000 / 3_000.0;
        double cql = 10_000 / 9.4;
        CostEstimate.StageCost train = e.stages().get(StageKind.TRAIN);
        assertEquals(6, train.unitSeconds().size());
        assertEquals(2 * (sac + oris + cql) / 3600, train.coreHours(), 1e-9);
        // LPT on 2 slots: the two CQL runs first, one per slot, then the rest
        assertEquals(cql + oris + sac, e.wallSeconds(StageKind.TRAIN), 1e-9);
        // collect: 6,000 random transitions; GAN: 2 GANs (one per seed) of 1,200 steps
        assertEquals(6_000 / 3_000.0 / 3600, e.stages().get(StageKind.COLLECT).coreHours(), 1e-12);
        assertEquals(2 * 1_200 / 120.0 / 3600, e.stages().get(StageKind.PRETRAIN_GAN).coreHours(), 1e-12);
        assertEquals(6_000L * 4 * (2 * 11 + 3 + 3), e.stages().get(StageKind.COLLECT).bytes());
        // evaluate: 3 points (steps 0, 5k, 10k) per run, 4 episodes of at most 1,000 steps each
        CostEstimate.StageCost eval = e.stages().get(StageKind.EVALUATE);
        assertEquals(6 * 3, eval.unitSeconds().size());
        assertEquals(18 * 4 * 1000 / 3_000.0 / 3600, eval.coreHours(), 1e-12);
        assertEquals(e.stages().values().stream().mapToDouble(CostEstimate.StageCost::coreHours).sum(), e.coreHours(),
                1e-12);
        String text = e.render();
        assertTrue(text.contains("train") && text.contains("6 runs") && text.contains("2 executor slots"), text);
    }

    @Test
    void moreExecutorsNeverTakeLongerAndOneSlotIsTheSum() {
        Plan plan = plan();
        Throughput t = Throughput.defaults();
        CostEstimate one = CostEstimate.of(plan, 1, t);
        assertEquals(one.stages().get(StageKind.TRAIN).coreHours() * 3600, one.wallSeconds(StageKind.TRAIN), 1e-6);
        double previous = Double.MAX_VALUE;
        for (int n = 1; n <= 8; n++) {
            double wall = CostEstimate.of(plan, n, t).wallSeconds();
            assertTrue(wall <= previous + 1e-9, n + " executors: " + wall + " > " + previous);
            previous = wall;
        }
        assertThrows(IllegalArgumentException.class, () -> CostEstimate.of(plan, 0, t));
    }

    @Test
    void storageCountsCheckpointsSnapshotsAndTheFilledReplay() {
        CostEstimate e = CostEstimate.of(plan(), 1, Throughput.defaults());
        long actor = (12L * 256) + (257L * 256) + (257L * 6);
        long critic = (15L * 256) + (257L * 256) + 257L;
        long learner = 8 * (3 * actor + 8 * critic);
        long row = 4L * (2 * 11 + 3 + 3);
        long snapshot = 4 * actor + 2048;
        long sim = 2 * (learner + 3 * snapshot + 5_000 * row);  // SAC and ORIS: checkpoint, 3 snapshots, replay
        long cqlRuns = learner + 3 * snapshot;                  // CQL: no replay of its own
        assertEquals(2 * sim + 2 * cqlRuns, e.stages().get(StageKind.TRAIN).bytes());
    }

    @Test
    void aBenchFileSetsTheRatesAndScalesTheMissingOnes(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        Files.writeString(json, """
                {"cores": 2, "figures": [
                  {"engine": "dl4j", "method": "sac", "env": "hopper", "threads": 1, "updates_per_s": 110.0},
                  {"engine": "dl4j", "method": "sac", "env": "halfcheetah", "threads": 1, "updates_per_s": 100.0},
                  {"engine": "dl4j", "method": "sac", "env": "hopper", "threads": 2, "updates_per_s": 500.0},
                  {"engine": "pytorch", "method": "sac", "env": "hopper", "threads": 1, "updates_per_s": 900.0},
                  {"engine": "dl4j", "method": "cql", "env": "hopper", "threads": 1, "updates_per_s": 20.0}
                ]}""");
        Throughput t = Throughput.defaults().withBench(json);
        assertEquals(110.0, t.updatesPerSecond(Method.SAC), "best one-thread dl4j figure");
        assertEquals(20.0, t.updatesPerSecond(Method.CQL));
        assertEquals(50.0 * 2, t.updatesPerSecond(Method.ORIS), 1e-9, "not in the file: default x (110 / 55)");
        assertEquals(240.0, t.ganStepsPerSecond(), 1e-9);

        Files.writeString(json, "{\"figures\": []}");
        IllegalArgumentException noSac = assertThrows(IllegalArgumentException.class,
                () -> Throughput.defaults().withBench(json));
        assertTrue(noSac.getMessage().contains(json.toString()) && noSac.getMessage().contains("sac"),
                noSac.getMessage());
        Files.writeString(json, "[1, 2]");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Throughput.defaults().withBench(json));
        assertTrue(shape.getMessage().contains("figures"), shape.getMessage());
    }

    private static Plan planWithSpark(String spark) {
        return new Planner().plan(parse(job(SWEEP + "    spark: " + spark + "\n")), null);
    }

    @Test
    void gpusLimitTheTrainTasksThatRunAtOnce(@TempDir Path dir) throws Exception {
        Plan plan = planWithSpark("{executor_cores: 8, gpus_per_train_task: 1}");
        Throughput t = Throughput.defaults();
        // 6 runs (2 x SAC, ORIS, CQL); 8 slots would run them all at once, 2 GPUs hold 2 train tasks
        CostEstimate cpuOnly = CostEstimate.of(plan, 8, t);
        CostEstimate twoGpus = CostEstimate.of(plan, 8, 2, t);
        assertEquals(8, cpuOnly.trainSlots());
        assertEquals(2, twoGpus.trainSlots());
        assertEquals(CostEstimate.makespan(twoGpus.stages().get(StageKind.TRAIN).unitSeconds(), 2),
                twoGpus.wallSeconds(StageKind.TRAIN), 1e-9);
        assertTrue(twoGpus.wallSeconds(StageKind.TRAIN) > cpuOnly.wallSeconds(StageKind.TRAIN));
        assertEquals(cpuOnly.wallSeconds(StageKind.EVALUATE), twoGpus.wallSeconds(StageKind.EVALUATE), 1e-9,
                "only the train stage holds GPUs");
        assertTrue(twoGpus.render().contains("no GPU rate measured"), twoGpus.render());

        // a CUDA build's bench file sets GPU rates; methods it lacks stay at their CPU rate
        Path json = dir.resolve("gpu.json");
        Files.writeString(json, """
                {"backend": "cuda", "figures": [
                  {"engine": "dl4j", "method": "cql", "env": "hopper", "threads": 1, "updates_per_s": 94.0}
                ]}""");
        Throughput withGpu = t.withBench(json);
        assertEquals(94.0, withGpu.gpuUpdatesPerSecond(Method.CQL).orElseThrow());
        assertTrue(withGpu.gpuUpdatesPerSecond(Method.SAC).isEmpty());
        assertEquals(9.4, withGpu.updatesPerSecond(Method.CQL), "the CPU rate is kept");
        CostEstimate fast = CostEstimate.of(plan, 8, 2, withGpu);
        double sac = 10_000 / 55.0 + 5_000 / 3_000.0;
        double oris = 10_000 / 50.0 + 5_000 / 3_000.0;
        double cql = 10_000 / 94.0;
        assertEquals(2 * (sac + oris + cql) / 3600, fast.stages().get(StageKind.TRAIN).coreHours(), 1e-9);
        assertTrue(fast.render().contains("GPU rates from GPU bench file"), fast.render());
        // without GPUs the CUDA figures are not used
        assertEquals(2 * (sac + oris + 10_000 / 9.4) / 3600,
                CostEstimate.of(plan, 8, withGpu).stages().get(StageKind.TRAIN).coreHours(), 1e-9);
    }

    @Test
    void gpusChangeNothingForAJobThatAsksForNone() {
        CostEstimate e = CostEstimate.of(plan(), 4, 2, Throughput.defaults());
        assertEquals(4, e.trainSlots());
        assertTrue(e.render().contains("changes nothing"), e.render());
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> CostEstimate.of(planWithSpark("{executor_cores: 4, gpus_per_train_task: 2}"), 4, 1,
                        Throughput.defaults()));
        assertTrue(tooFew.getMessage().contains("--gpus 1") && tooFew.getMessage().contains("2.0"),
                tooFew.getMessage());
    }

    @Test
    void aTrainTaskHoldingTwoCoresHalvesTheTrainSlots() {
        CostEstimate e = CostEstimate.of(planWithSpark("{executor_cores: 2, cpus_per_train_task: 2}"), 4,
                Throughput.defaults());
        assertEquals(2, e.trainSlots());
        assertEquals(4, CostEstimate.of(plan(), 4, Throughput.defaults()).trainSlots());
    }

    @Test
    void comboModelsAreCountedButNotTimed() {
        Plan plan = new Planner().plan(parse(job(SWEEP.replace("methods: [sac, oris, cql]", "methods: [combo]").replace("gan: {steps: 1200}", ""))), null);
        CostEstimate e = CostEstimate.of(plan, 2, Throughput.defaults());
        CostEstimate.StageCost d = e.stages().get(StageKind.PRETRAIN_DYNAMICS);
        assertEquals(2, d.units(), "one ensemble per seed");
        assertTrue(!d.timed() && e.render().contains("not timed"), e.render());
        assertEquals(2 * 10_000 / 8.0 / 3600, e.stages().get(StageKind.TRAIN).coreHours(), 1e-12);
    }

    @Test
    void makespanIsTheLongestProcessingTimeFirstSchedule() {
        assertEquals(0, CostEstimate.makespan(List.of(), 3), 1e-12);
        assertEquals(10, CostEstimate.makespan(List.of(10.0, 1.0, 1.0, 1.0), 2), 1e-12);
        assertEquals(7, CostEstimate.makespan(List.of(3.0, 3.0, 2.0, 2.0, 2.0), 2), 1e-12);
    }
}
