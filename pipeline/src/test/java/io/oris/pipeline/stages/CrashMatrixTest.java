package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.spark.ChildJvm;
import io.oris.pipeline.train.ModelLearners;
import io.oris.pipeline.train.TinySweeps;
import io.oris.storage.PausePoint;
import io.oris.storage.table.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash matrix of docs/architecture.md §8: {@code oris run} of a tiny sweep in a JVM of its own is killed with
 * SIGKILL during collection, between two checkpoints, during a checkpoint write, during evaluation and during the
 * report write ({@link PausePoint} holds it at each point), rerun each time, and the final scores and every
 * evaluation row equal those of a sweep that never stopped, with no finished run trained again. The sweep has two
 * offline runs (BC and TD3+BC on a collected dataset) and a hybrid one that also steps a simulator (H2O, hopper with
 * gravity ×2): a resume from a checkpoint is bit-identical for both kinds (docs/determinism.md).
 */
class CrashMatrixTest {
    @TempDir
    Path dir;

    /**
     * The kill points in the order a sweep reaches them, each with the number of threads that pause there before the
     * kill (the three runs train, and evaluate their last snapshot, side by side on local[3]): each rerun is killed at
     * the next one.
     */
    private static final Map<String, Integer> POINTS = orderedPoints(
            "collect@1", 1,              // the random policy's first episode, nothing written yet
            "train-step@150", 3,         // between the checkpoints of steps 100 and 200
            "checkpoint-write@300", 3,   // the last checkpoint half written (resumed from step 200's)
            "evaluate@300", 3,           // every run finished, its evaluation in flight
            "report-write", 1);          // scores.parquet written, the rest of the report not

    private static Map<String, Integer> orderedPoints(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void killedAtEveryPointAndRerunGivesTheScoresOfAnUninterruptedSweep() throws Exception {
        Path job = dir.resolve("crash.yaml");
        Files.writeString(job, TinySweeps.offlineAndHybridJob("crash"));
        Path reference = dir.resolve("reference");
        SweepRunner runner = new SweepRunner(new ModelLearners(), s -> { });
        SweepRunner.Result uninterrupted = runner.run(job, reference, null, false);
        assertTrue(uninterrupted.outcome().report().succeeded(), "the uninterrupted sweep succeeds");
        Plan plan = runner.plan(job, reference);
        assertEquals(3, plan.runs().size());
        assertTrue(plan.runs().stream().anyMatch(r -> r.method().id().equals("h2o")), "a run that steps the simulator");

        Path root = dir.resolve("crashed");
        for (Map.Entry<String, Integer> point : POINTS.entrySet()) {
            Map<String, Finished> before = finished(root, plan);
            killAt(job, root, point.getKey(), point.getValue());
            assertNotRetrained(before, root);
            afterKill(point.getKey(), root, plan);
        }
        Map<String, Finished> before = finished(root, plan);
        assertEquals(plan.runs().size(), before.size(), "every run had finished before the last rerun");
        Path log = dir.resolve("final.log");
        Process last = start(job, root, null, log);
        assertTrue(last.waitFor(3, TimeUnit.MINUTES), "the last rerun ends in time:\n" + tail(log));
        assertEquals(0, last.exitValue(), "the last rerun succeeds:\n" + tail(log));
        assertNotRetrained(before, root);

        for (RunSpec run : plan.runs()) {
            RunDirectory crashed = RunDirectory.of(root, run.runId());
            RunStatus status = crashed.readStatus().orElseThrow();
            assertEquals(3, status.attempts(), run.label() + ": killed at step 150, killed in the step-300 checkpoint, finished");
            assertEquals(TableReader.readAll(RunDirectory.of(reference, run.runId()).evalFile()),
                    TableReader.readAll(crashed.evalFile()), run.label() + ": every evaluation row as in the uninterrupted sweep");
        }
        try (Stream<Path> all = Files.walk(root.resolve("runs"))) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().contains(".tmp-")).toList(),
                    "the killed checkpoint write's staging is gone");
        }
        List<Path> versions = publishedReports(root);
        assertEquals(1, versions.size(), "one report, counted once: " + versions);
        assertEquals(byRun(TableReader.readAll(uninterrupted.report().scores())),
                byRun(TableReader.readAll(versions.get(0).resolve("scores.parquet"))), "final scores");
    }

    /** What must hold right after the kill at {@code point}: nothing looks finished that is not. */
    private void afterKill(String point, Path root, Plan plan) throws Exception {
        switch (point) {
            case "collect@1" -> assertFalse(Files.exists(root.resolve("datasets").resolve(plan.datasets().get(0).id())),
                    "no dataset is published by a killed collection");
            case "train-step@150" -> assertRuns(root, plan, 100);
            case "checkpoint-write@300" -> {
                assertRuns(root, plan, 200);
                for (RunSpec run : plan.runs()) {
                    try (Stream<Path> s = Files.list(RunDirectory.of(root, run.runId()).dir())) {
                        assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith(".checkpoint.tmp-")).count(),
                                run.label() + ": killed with its step-300 checkpoint staged, not published");
                    }
                }
            }
            case "evaluate@300" -> {
                for (RunSpec run : plan.runs()) {
                    RunDirectory d = RunDirectory.of(root, run.runId());
                    assertTrue(d.readStatus().orElseThrow().succeeded(), run.label());
                    assertFalse(Files.exists(d.evalFile()), run.label() + ": no evaluation file from a killed evaluation");
                }
            }
            case "report-write" -> assertEquals(List.of(), publishedReports(root), "no report from a killed report write");
            default -> fail("unknown point " + point);
        }
    }

    /** Every run still running, with its status and resume checkpoint at {@code step}. */
    private static void assertRuns(Path root, Plan plan, long step) throws Exception {
        for (RunSpec run : plan.runs()) {
            RunDirectory d = RunDirectory.of(root, run.runId());
            RunStatus s = d.readStatus().orElseThrow();
            assertEquals(RunStatus.RUNNING, s.state(), run.label());
            assertEquals(step, s.lastStep(), run.label() + ": the last checkpoint");
            assertTrue(Files.exists(d.dir().resolve("checkpoint/learner.bin")), run.label());
        }
    }

    /** A run that had succeeded, by its attempts and the identity of its final snapshot's file. */
    private record Finished(int attempts, Object fileKey, long modified) {
    }

    private static Map<String, Finished> finished(Path root, Plan plan) throws Exception {
        Map<String, Finished> out = new LinkedHashMap<>();
        for (RunSpec run : plan.runs()) {
            RunDirectory d = RunDirectory.of(root, run.runId());
            RunStatus s = Files.exists(d.statusFile()) ? d.readStatus().orElse(null) : null;
            if (s != null && s.succeeded()) {
                Path bin = d.snapshotDir(s.lastStep()).resolve(io.oris.model.policy.PolicyFiles.POLICY_JSON);
                BasicFileAttributes a = Files.readAttributes(bin, BasicFileAttributes.class);
                out.put(run.runId(), new Finished(s.attempts(), a.fileKey(), a.lastModifiedTime().toMillis()));
            }
        }
        return out;
    }

    private static void assertNotRetrained(Map<String, Finished> before, Path root) throws Exception {
        for (Map.Entry<String, Finished> e : before.entrySet()) {
            RunDirectory d = RunDirectory.of(root, e.getKey());
            RunStatus s = d.readStatus().orElseThrow();
            BasicFileAttributes a = Files.readAttributes(d.snapshotDir(s.lastStep()).resolve(io.oris.model.policy.PolicyFiles.POLICY_JSON),
                    BasicFileAttributes.class);
            assertEquals(e.getValue(), new Finished(s.attempts(), a.fileKey(), a.lastModifiedTime().toMillis()),
                    "finished run " + e.getKey() + " was trained again");
        }
    }

    /**
     * Starts {@code oris run} paused at {@code point}, waits until {@code threads} threads are held there and kills it
     * with SIGKILL.
     */
    private void killAt(Path job, Path root, String point, int threads) throws Exception {
        Path log = dir.resolve("killed-at-" + point.replaceAll("[^a-z0-9-]", "_") + ".log");
        Process p = start(job, root, point, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (paused(log, point) < threads) {
                if (!p.isAlive()) {
                    fail("oris run ended (exit " + p.exitValue() + ") before reaching " + point + ":\n" + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    fail("oris run did not reach " + point + " in 2 minutes:\n" + tail(log));
                }
                Thread.sleep(100);
            }
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -KILL " + p.pid());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed at " + point);
            assertEquals(128 + 9, p.exitValue(), "ended by SIGKILL at " + point);
        } finally {
            p.destroyForcibly();
        }
    }

    private static long paused(Path log, String point) throws Exception {
        return Files.exists(log) ? Files.readString(log).lines().filter(l -> l.equals(PausePoint.MARKER + point)).count() : 0;
    }

    private static Process start(Path job, Path root, String pauseAt, Path log) throws Exception {
        return ChildJvm.startOris(pauseAt == null ? Map.of() : Map.of(PausePoint.PROPERTY, pauseAt), log,
                "run", job.toString(), "--data-root", root.toString());
    }

    /** The published (not hidden, not staged) version folders of the job's reports. */
    private static List<Path> publishedReports(Path root) throws Exception {
        Path reports = root.resolve("reports").resolve("crash");
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(reports)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<Map<String, Object>> byRun(List<Map<String, Object>> rows) {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> (String) r.get("run_id")));
        return sorted;
    }

    private static String tail(Path log) throws Exception {
        String s = Files.exists(log) ? Files.readString(log) : "(no output)";
        return s.length() <= 6000 ? s : s.substring(s.length() - 6000);
    }
}
