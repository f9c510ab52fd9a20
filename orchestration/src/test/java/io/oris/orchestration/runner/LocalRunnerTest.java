package io.oris.orchestration.runner;

import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.plan.StageTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with real test executors: each writes a file per task into the data root and checks that the
 * files of the task's dependencies are already there.
 */
class LocalRunnerTest {
    private static final String JOB = """
            runner-test:
              default_args:
                retries: RETRIES
                retry_delay: 0
              schedule: null
              oris:
                envs: [hopper]
                datasets:
                  - hopper_medium-v2.hdf5
                  - hopper_medium_replay-v2.hdf5
                gaps: [gravity=2.0]
                methods: [sac, oris]
                seeds: 2
                stage_timeouts_sec: {evaluate: 1}
            """;

    private static Plan plan(int retries) {
        return new Planner().plan(parse(JOB.replace("RETRIES", String.valueOf(retries))), null);
    }

    /** Writes {@code <root>/<task>.done} with the task's run ids, after checking its dependencies' files. */
    private static void writeDoneFile(StageTask task, RunContext ctx) throws IOException {
        for (String dep : task.dependencies()) {
            if (!Files.exists(ctx.dataRoot().resolve(dep + ".done"))) {
                throw new IllegalStateException(task.id() + " started before " + dep + " finished");
            }
        }
        Files.writeString(ctx.dataRoot().resolve(task.id() + ".done"), String.join("\n", task.runIds()));
    }

    private static Map<StageKind, StageExecutor> all(StageExecutor executor) {
        Map<StageKind, StageExecutor> m = new EnumMap<>(StageKind.class);
        for (StageKind k : StageKind.values()) {
            m.put(k, executor);
        }
        return m;
    }

    @Test
    void runsEveryTaskAfterItsDependencies(@TempDir Path root) {
        Plan plan = plan(0);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        RunReport report = LocalRunner.run(plan, all(LocalRunnerTest::writeDoneFile), root, lines::add);
        assertTrue(report.succeeded(), report.toString());
        assertEquals(plan.tasks().size(), report.results().size());
        for (StageTask t : plan.tasks()) {
            assertTrue(Files.exists(root.resolve(t.id() + ".done")), t.id());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("train 1/3") && l.contains("ETA")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("all " + plan.tasks().size() + "/" + plan.tasks().size())));
    }

    @Test
    void parallelRunStillRespectsDependencies(@TempDir Path root) {
        Plan plan = plan(0);
        RunReport report = new LocalRunner(RunnerSettings.from(plan.job(), 3), l -> { })
                .run(plan, all(LocalRunnerTest::writeDoneFile), root);
        assertTrue(report.succeeded(), report.toString());
    }

    @Test
    void retriesAFailedAttempt(@TempDir Path root) {
        Plan plan = plan(1);
        Map<StageKind, StageExecutor> executors = all(LocalRunnerTest::writeDoneFile);
        executors.put(StageKind.INGEST, (task, ctx) -> {
            Path marker = ctx.dataRoot().resolve(task.id() + ".attempts");
            Files.writeString(marker, "x", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (ctx.attempt() == 1) {
                throw new IOException("disk hiccup");
            }
            writeDoneFile(task, ctx);
        });
        RunReport report = LocalRunner.run(plan, executors, root, l -> { });
        assertTrue(report.succeeded(), report.toString());
        TaskResult ingest = report.result("ingest-hopper-medium-v2");
        assertEquals(2, ingest.attempts());
        assertTrue(Files.exists(root.resolve("ingest-hopper-medium-v2.attempts")));
    }

    @Test
    void aFailingTaskStopsOnlyItsDependants(@TempDir Path root) {
        Plan plan = plan(1);
        Map<StageKind, StageExecutor> executors = all(LocalRunnerTest::writeDoneFile);
        executors.put(StageKind.PRETRAIN_GAN, (task, ctx) -> {
            if (task.id().equals("pretrain-gan-hopper-medium-replay-v2")) {
                throw new IllegalStateException("GAN diverged");
            }
            writeDoneFile(task, ctx);
        });
        RunReport report = LocalRunner.run(plan, executors, root, l -> { });
        assertFalse(report.succeeded());
        TaskResult gan = report.result("pretrain-gan-hopper-medium-replay-v2");
        assertEquals(TaskResult.Status.FAILED, gan.status());
        assertEquals(2, gan.attempts());
        assertEquals("GAN diverged", gan.error());
        for (String notRun : List.of("train-hopper-medium-replay-v2", "evaluate-hopper-medium-replay-v2", "aggregate")) {
            assertEquals(TaskResult.Status.UPSTREAM_FAILED, report.result(notRun).status(), notRun);
            assertFalse(Files.exists(root.resolve(notRun + ".done")), notRun);
        }
        for (String ran : List.of("train-hopper-medium-v2", "evaluate-hopper-medium-v2", "train-hopper-sim", "evaluate-hopper-sim")) {
            assertEquals(TaskResult.Status.SUCCEEDED, report.result(ran).status(), ran);
            assertTrue(Files.exists(root.resolve(ran + ".done")), ran);
        }
        assertEquals(plan.tasks().size(), report.results().size(), "every task has a result");
    }

    @Test
    void aTaskThatRunsPastItsTimeoutFails(@TempDir Path root) {
        Plan plan = plan(0);
        Map<StageKind, StageExecutor> executors = all(LocalRunnerTest::writeDoneFile);
        executors.put(StageKind.EVALUATE, (task, ctx) -> {
            if (task.id().equals("evaluate-hopper-sim")) {
                Thread.sleep(20_000); // interrupted by the runner after the 1 s stage timeout
            }
            writeDoneFile(task, ctx);
        });
        long start = System.nanoTime();
        RunReport report = LocalRunner.run(plan, executors, root, l -> { });
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the runner did not wait for the slow task");
        TaskResult slow = report.result("evaluate-hopper-sim");
        assertEquals(TaskResult.Status.FAILED, slow.status());
        assertTrue(slow.error().contains("timed out after 0:00:01"), slow.error());
        assertFalse(Files.exists(root.resolve("evaluate-hopper-sim.done")));
        assertEquals(TaskResult.Status.SUCCEEDED, report.result("evaluate-hopper-medium-v2").status());
        assertEquals(TaskResult.Status.UPSTREAM_FAILED, report.result("aggregate").status());
    }

    @Test
    void everyStageOfThePlanNeedsAnExecutor(@TempDir Path root) {
        Map<StageKind, StageExecutor> executors = all(LocalRunnerTest::writeDoneFile);
        executors.remove(StageKind.PRETRAIN_GAN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalRunner.run(plan(0), executors, root, l -> { }));
        assertTrue(e.getMessage().contains("pretrain-gan"), e.getMessage());
    }
}
