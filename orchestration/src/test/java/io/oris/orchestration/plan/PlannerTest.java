package io.oris.orchestration.plan;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.DescriptorException;
import io.oris.orchestration.descriptor.JobDescriptorParser;
import io.oris.orchestration.descriptor.Method;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.EnvDims;
import io.oris.storage.Manifest;
import io.oris.storage.ShippedDatasets;
import io.oris.storage.TransitionBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    private static final String SWEEP = """
                envs: [hopper]
                datasets:
                  - hopper_medium-v2.hdf5
                  - of: hopper_medium_replay-v2.hdf5
                    fraction: 0.25
                  - {collect: random, size: 5000}
                gaps: [gravity=2.0]
                methods: [sac, oris, cql]
                seeds: 2
            """;

    private final Planner planner = new Planner();

    @Test
    void buildsTheStageDagInDependencyOrder() {
        Plan plan = planner.plan(parse(job(SWEEP)), null);
        List<String> ids = plan.tasks().stream().map(StageTask::id).toList();
        assertEquals(List.of(
                "ingest-hopper-medium-v2",
                "ingest-hopper-medium-replay-v2",
                "ingest-hopper-medium-replay-v2-p25",
                "collect-hopper-collect-random-n5000",
                "pretrain-gan-hopper-medium-v2",
                "pretrain-gan-hopper-medium-replay-v2-p25",
                "pretrain-gan-hopper-collect-random-n5000",
                "train-hopper-medium-v2",
                "train-hopper-medium-replay-v2-p25",
                "train-hopper-collect-random-n5000",
                "train-hopper-sim",
                "evaluate-hopper-medium-v2",
                "evaluate-hopper-medium-replay-v2-p25",
                "evaluate-hopper-collect-random-n5000",
                "evaluate-hopper-sim",
                "aggregate"), ids);
        assertTopological(plan);
        assertEquals(List.of("ingest-hopper-medium-replay-v2"), plan.task("ingest-hopper-medium-replay-v2-p25").orElseThrow().dependencies(),
                "a subset is cut after its parent is ingested");
        assertEquals(List.of("ingest-hopper-medium-v2", "pretrain-gan-hopper-medium-v2"),
                plan.task("train-hopper-medium-v2").orElseThrow().dependencies());
        assertEquals(List.of(), plan.task("train-hopper-sim").orElseThrow().dependencies(), "sim-only SAC needs no data");
        StageTask train = plan.task("train-hopper-medium-v2").orElseThrow();
        assertEquals(new Shard(1, 4), train.shard());
        assertEquals(2 + 2, train.runIds().size(), "oris x 2 seeds + cql x 2 seeds");
        assertEquals(plan.runs().size(), plan.task("aggregate").orElseThrow().runIds().size());
        assertEquals(train, plan.task(StageKind.TRAIN, Shard.parse("1/4")).orElseThrow());
        IllegalArgumentException noShard = assertThrows(IllegalArgumentException.class,
                () -> plan.requireTask(StageKind.TRAIN, Shard.parse("5/5")));
        assertTrue(noShard.getMessage().contains("1/4 (train-hopper-medium-v2)"), noShard.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("2"));
        assertEquals(List.of("stage", "train", "--job", "j.yaml", "--shard", "1/4"), train.stageArgs("j.yaml"));
        assertEquals(new Shard(3, 3), plan.task("ingest-hopper-medium-replay-v2-p25").orElseThrow().shard());
        assertEquals(new Shard(1, 1), plan.task("collect-hopper-collect-random-n5000").orElseThrow().shard());
        // every run is trained by exactly one train task and evaluated by exactly one evaluate task
        for (StageKind kind : List.of(StageKind.TRAIN, StageKind.EVALUATE)) {
            List<String> covered = plan.tasks(kind).stream().flatMap(t -> t.runIds().stream()).toList();
            assertEquals(plan.runs().size(), covered.size());
            assertEquals(plan.runs().stream().map(RunSpec::runId).collect(java.util.stream.Collectors.toSet()), new HashSet<>(covered));
        }
    }

    @Test
    void shippedDatasetsParseWithTheirManifestsEnvAndAreIngested(@TempDir Path dir) {
        DatasetStore fixture = new DatasetStore(dir);
        TransitionBuilder b = new TransitionBuilder(11, 3, 0, 0);
        for (int t = 0; t < 5; t++) {
            b.add(0, t, new float[11], new float[3], 1f, new float[11], false, t == 4, null, null);
        }
        fixture.write("hopper-tiny", b.build(), new DatasetDescription(new EnvDims("hopper", 11, 3, 0, 0), "fp-tiny",
                new Manifest.Source("collect", List.of(), "float32", null), new Manifest.Made("test", null, null, null),
                null), false);
        ShippedDatasets shipped = new ShippedDatasets(fixture.layout().datasets());
        JobDescriptorParser parser = new JobDescriptorParser(shipped);
        Plan plan = planner.plan(parser.parse(job("""
                    datasets:
                      - {shipped: hopper-tiny}
                      - {of: {shipped: hopper-tiny}, fraction: 0.5}
                    gaps: [gravity=2.0]
                    methods: [h2o]
                    seeds: 1
                """), Path.of("shipped.yaml")), null);
        assertEquals(List.of("hopper"), plan.job().sweep().envs(), "the env comes from the shipped manifest");
        DatasetSpec.Shipped spec = (DatasetSpec.Shipped) plan.datasets().get(0);
        assertEquals(new DatasetSpec.Shipped("hopper-tiny", "hopper", "fp-tiny"), spec);
        StageTask ingest = plan.task("ingest-hopper-tiny").orElseThrow();
        assertEquals(StageKind.INGEST, ingest.kind());
        assertEquals(List.of("ingest-hopper-tiny"), plan.task("ingest-hopper-tiny-p50").orElseThrow().dependencies());
        assertEquals(List.of("ingest-hopper-tiny"), plan.task("train-hopper-tiny").orElseThrow().dependencies());

        DescriptorException unknown = assertThrows(DescriptorException.class, () -> parser.parse(job("""
                    datasets: [{shipped: hopper-nope}]
                    methods: [cql]
                """), Path.of("shipped.yaml")));
        assertTrue(unknown.getMessage().contains("shipped.yaml:7: testjob.oris.datasets[0].shipped: no shipped dataset "
                + "'hopper-nope' in " + shipped.where() + "; shipped: hopper-tiny"), unknown.getMessage());
        DescriptorException wrongEnv = assertThrows(DescriptorException.class, () -> parser.parse(job("""
                    envs: [walker2d]
                    datasets: [{shipped: hopper-tiny}]
                    methods: [cql]
                """), Path.of("shipped.yaml")));
        assertTrue(wrongEnv.getMessage().contains("is for env hopper"), wrongEnv.getMessage());
    }

    @Test
    void noGanStageWithoutOris() {
        Plan plan = planner.plan(parse(job(SWEEP.replace("[sac, oris, cql]", "[sac, h2o, cql]"))), null);
        assertTrue(plan.tasks(StageKind.PRETRAIN_GAN).isEmpty());
        assertEquals(List.of("ingest-hopper-medium-v2"), plan.task("train-hopper-medium-v2").orElseThrow().dependencies());
    }

    @Test
    void trainShardsSplitRunsIntoEqualChunks() {
        Plan plan = planner.plan(parse(job(SWEEP + "    spark: {train_shards: 3}\n")), null);
        List<StageTask> train = plan.tasks(StageKind.TRAIN);
        assertEquals(List.of("train-1-of-3", "train-2-of-3", "train-3-of-3"), train.stream().map(StageTask::id).toList());
        int total = plan.runs().size();
        train.forEach(t -> assertTrue(Math.abs(t.runIds().size() - total / 3.0) < 1, t.id() + " " + t.runIds().size()));
        assertEquals(List.of("train-2-of-3"), plan.task("evaluate-2-of-3").orElseThrow().dependencies());
        for (StageTask t : train) {
            for (RunSpec r : plan.runs(t)) {
                if (r.dataset() != null) {
                    assertTrue(t.dependencies().stream().anyMatch(d -> d.endsWith(r.datasetId())), t.id() + " waits for " + r.datasetId());
                }
                if (r.method() == Method.ORIS) {
                    assertTrue(t.dependencies().contains("pretrain-gan-" + r.datasetId()));
                }
            }
        }
        assertTopological(plan);
    }

    @Test
    void listsMissingD4rlFilesIncludingSubsetParents(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("d4rl"));
        Files.writeString(root.resolve("d4rl/hopper_medium-v2.hdf5"), "x");
        Plan plan = planner.plan(parse(job(SWEEP)), root);
        assertEquals(List.of("hopper_medium_replay-v2.hdf5"), plan.missingD4rlFiles());
        String warning = PlanPrinter.missingInputsWarning(plan);
        assertTrue(warning.contains("hopper_medium_replay-v2.hdf5") && warning.contains(root.resolve("d4rl").toString()), warning);
        Files.writeString(root.resolve("d4rl/hopper_medium_replay-v2.hdf5"), "x");
        assertEquals(List.of(), planner.plan(parse(job(SWEEP)), root).missingD4rlFiles());
        assertEquals("", PlanPrinter.missingInputsWarning(planner.plan(parse(job(SWEEP)), root)));
    }

    @Test
    void planningIsDeterministic() {
        Plan a = planner.plan(parse(job(SWEEP)), null);
        Plan b = planner.plan(parse(job(SWEEP)), null);
        assertEquals(a.tasks(), b.tasks());
        assertEquals(a.runs().stream().map(RunSpec::runId).toList(), b.runs().stream().map(RunSpec::runId).toList());
    }

    @Test
    void declaredTasksMustMatchTheGeneratedOnes() {
        String sweep = """
                    envs: [hopper]
                    datasets: [hopper_medium-v2.hdf5]
                    methods: [cql]
                    seeds: 1
                """;
        String op = "airflow.providers.apache.spark.operators.spark_submit.SparkSubmitOperator";
        String tasks = "  tasks:\n"
                + "    - {task_id: ingest-hopper-medium-v2, operator: " + op + "}\n"
                + "    - {task_id: train-hopper-medium-v2, operator: " + op + ", dependencies: [ingest-hopper-medium-v2]}\n"
                + "    - {task_id: evaluate-hopper-medium-v2, operator: " + op + ", dependencies: [train-hopper-medium-v2]}\n"
                + "    - {task_id: aggregate, operator: " + op + ", dependencies: [evaluate-hopper-medium-v2]}\n";
        String text = job(sweep).replace("  oris:\n", tasks + "  oris:\n");
        assertEquals(4, planner.plan(parse(text), null).tasks().size());

        DescriptorException wrongDeps = assertThrows(DescriptorException.class,
                () -> planner.plan(parse(text.replace("dependencies: [train-hopper-medium-v2]", "dependencies: []")), null));
        assertEquals(9, wrongDeps.line());
        assertTrue(wrongDeps.getMessage().contains("evaluate-hopper-medium-v2' depends on []"), wrongDeps.getMessage());

        DescriptorException missing = assertThrows(DescriptorException.class,
                () -> planner.plan(parse(text.replace("    - {task_id: aggregate, operator: " + op + ", dependencies: [evaluate-hopper-medium-v2]}\n", "")), null));
        assertTrue(missing.getMessage().contains("'aggregate' is generated from the sweep but missing"), missing.getMessage());

        DescriptorException unknown = assertThrows(DescriptorException.class,
                () -> planner.plan(parse(text.replace("task_id: aggregate", "task_id: report")), null));
        assertTrue(unknown.getMessage().contains("'report' is not one the sweep generates"), unknown.getMessage());
    }

    static void assertTopological(Plan plan) {
        Set<String> seen = new HashSet<>();
        for (StageTask t : plan.tasks()) {
            for (String d : t.dependencies()) {
                assertTrue(seen.contains(d), t.id() + " comes before its dependency " + d);
            }
            seen.add(t.id());
        }
    }
}
