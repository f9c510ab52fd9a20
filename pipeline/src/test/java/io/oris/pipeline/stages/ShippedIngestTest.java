package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.JobDescriptorParser;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.storage.DatasetStore;
import io.oris.storage.ShippedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's {@code {shipped: ID}} entry: parsed, planned into the ingest stage, installed atomically, then left alone. */
class ShippedIngestTest {
    @TempDir
    Path dir;

    @Test
    void shippedEntryIsInstalledByTheIngestStageOnce() throws IOException {
        ShippedDatasets shipped = ShippedFixture.tinyShipped(dir, "hopper-tiny-shipped");
        Path job = dir.resolve("shipped.yaml");
        Files.writeString(job, """
                shipped:
                  schedule: null
                  oris:
                    datasets: [{shipped: hopper-tiny-shipped}]
                    methods: [cql]
                    seeds: 1
                """);
        Path root = dir.resolve("root");
        Plan plan = new Planner().plan(new JobDescriptorParser(shipped).load(job), root);
        StageTask task = plan.task("ingest-hopper-tiny-shipped").orElseThrow();
        assertEquals(StageKind.INGEST, task.kind());

        IngestStage stage = new IngestStage(null, shipped);
        List<String> log = new ArrayList<>();
        stage.execute(task, new RunContext(plan, root, 1, 1, log::add));
        DatasetStore store = new DatasetStore(root);
        assertTrue(store.exists("hopper-tiny-shipped"));
        assertEquals(40, store.read("hopper-tiny-shipped").rows());
        assertEquals(List.of(), list(store.layout().staging()), "no temporary folder left");
        assertEquals(List.of("ingest hopper-tiny-shipped: written (40 rows)"), log);

        stage.execute(task, new RunContext(plan, root, 1, 1, log::add));
        assertEquals("ingest hopper-tiny-shipped: unchanged (40 rows)", log.get(1), "a second install is a no-op");
        assertEquals(List.of(), list(store.layout().staging()));
        assertFalse(Files.exists(root.resolve("d4rl")), "nothing else is written");
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}
