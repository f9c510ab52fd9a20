package io.oris.orchestration.retrain;

import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.runner.LocalRunner;
import io.oris.orchestration.runner.RunnerSettings;
import io.oris.orchestration.runner.StageExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled retraining end to end with test stages that count the logs they "ingest" and write reports. */
class IfChangedRunTest {
    private static final String JOB = """
            robots:
              schedule: "@hourly"
              oris:
                envs: [hopper]
                datasets: [{logs: robot-logs, env: hopper}]
                methods: [bc]
                seeds: 1
                retrain_on: [robot-logs]
            """;

    @Test
    void retrainsWhenLogsArriveAndKeepsEveryReport(@TempDir Path root) throws Exception {
        Path logs = Files.createDirectories(root.resolve("robot-logs"));
        Files.writeString(logs.resolve("a.csv"), "1\n");
        Plan plan = new Planner().plan(parse(JOB), root);
        AtomicBoolean failAggregate = new AtomicBoolean(false);
        Map<StageKind, StageExecutor> stages = new EnumMap<>(StageKind.class);
        stages.put(StageKind.INGEST, (task, ctx) -> {
            try (var files = Files.list(ctx.dataRoot().resolve("robot-logs"))) {
                Files.writeString(ctx.dataRoot().resolve("ingested.txt"), String.valueOf(files.count()));
            }
        });
        stages.put(StageKind.TRAIN, (task, ctx) -> Files.writeString(ctx.dataRoot().resolve("trained.txt"),
                Files.readString(ctx.dataRoot().resolve("ingested.txt"))));
        stages.put(StageKind.EVALUATE, (task, ctx) -> { });
        stages.put(StageKind.AGGREGATE, (task, ctx) -> {
            if (failAggregate.get()) {
                throw new IllegalStateException("no scores");
            }
            Path dir = Files.createDirectories(ctx.dataRoot().resolve(new RetrainTracker(ctx.dataRoot()).nextReport(ctx.job()).relativePath()));
            Files.writeString(dir.resolve("scores.txt"), Files.readString(ctx.dataRoot().resolve("trained.txt")));
        });
        IfChangedRun run = new IfChangedRun(new LocalRunner(RunnerSettings.from(plan.job(), 1), l -> { }));

        IfChangedRun.Outcome first = run.run(plan, stages, root, true, l -> { });
        assertTrue(first.ran() && first.report().succeeded(), first.message());
        assertEquals(1, first.version().version());
        assertEquals("1", Files.readString(root.resolve("reports/robots/v0001/scores.txt")));

        IfChangedRun.Outcome unchanged = run.run(plan, stages, root, true, l -> { });
        assertFalse(unchanged.ran());
        assertTrue(unchanged.message().contains("nothing changed"), unchanged.message());
        assertEquals(1, unchanged.version().version());

        Files.writeString(logs.resolve("b.csv"), "2\n");
        failAggregate.set(true);
        IfChangedRun.Outcome failed = run.run(plan, stages, root, true, l -> { });
        assertTrue(failed.ran());
        assertFalse(failed.report().succeeded());
        assertNull(failed.version());

        failAggregate.set(false);
        IfChangedRun.Outcome second = run.run(plan, stages, root, true, l -> { });
        assertTrue(second.ran() && second.report().succeeded(), second.message());
        assertEquals(2, second.version().version());
        assertEquals("2", Files.readString(root.resolve("reports/robots/v0002/scores.txt")));
        assertEquals("1", Files.readString(root.resolve("reports/robots/v0001/scores.txt")), "the previous report stays");

        IfChangedRun.Outcome forced = run.run(plan, stages, root, false, l -> { });
        assertTrue(forced.ran(), "without --if-changed the job always runs");
        assertEquals(3, forced.version().version());
    }
}
