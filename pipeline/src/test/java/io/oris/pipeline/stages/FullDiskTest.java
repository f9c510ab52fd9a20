package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.spark.ChildJvm;
import io.oris.pipeline.train.ModelLearners;
import io.oris.pipeline.train.TinySweeps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: the data root is a size-limited tmpfs (mounting needs root; skipped with the reason where it is not
 * permitted). A command that runs out of space must fail (exit 1) with an error naming the path it could not write
 * and leave nothing that looks finished: no published dataset or report, no run whose status says succeeded.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    private Path mounted;

    /** Mounts a tmpfs of {@code size} (e.g. "600k") on a fresh folder and returns it, or skips the test. */
    private Path smallDisk(String size) throws Exception {
        Path mountPoint = Files.createDirectories(dir.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(done && p.exitValue() == 0,
                "cannot mount a " + size + " tmpfs on " + mountPoint + " (needs root with CAP_SYS_ADMIN): " + out.strip());
        mounted = mountPoint;
        return mountPoint;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            Process p = new ProcessBuilder("umount", mounted.toString()).inheritIO().start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "umount " + mounted);
        }
    }

    private String oris(Path log, String... args) throws Exception {
        Process p = ChildJvm.startOris(Map.of(), log, args);
        try {
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "oris " + String.join(" ", args) + " ends in time");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertEquals(1, p.exitValue(), "a full disk fails the command (exit 1):\n" + out);
        return out;
    }

    @Test
    void aCollectionThatDoesNotFitNamesThePartAndPublishesNothing() throws Exception {
        Path root = smallDisk("256k");
        String out = oris(dir.resolve("collect.log"), "collect", "hopper", "random", "--size", "20000",
                "--data-root", root.toString());
        assertTrue(out.contains("cannot write Parquet part " + root.resolve(".staging")) && out.contains("No space left on device"),
                "names the part it could not write:\n" + out);
        assertFalse(Files.exists(root.resolve("datasets/hopper-collect-random-n20000")), "no dataset is published");
        try (Stream<Path> staged = Files.list(root.resolve(".staging"))) {
            assertEquals(List.of(), staged.toList(), "the staging folder is removed");
        }
    }

    @Test
    void aSweepThatRunsOutOfSpaceLeavesNoFinishedRunOrReport() throws Exception {
        Path root = smallDisk("350k");   // the 1,000-row dataset fits, the runs' snapshots and checkpoints do not
        Path job = dir.resolve("full.yaml");
        Files.writeString(job, TinySweeps.offlineJob("full"));
        String out = oris(dir.resolve("run.log"), "run", job.toString(), "--data-root", root.toString());
        String aggregate = out.lines().filter(l -> l.contains("aggregate: FAILED - ")).findFirst()
                .orElseThrow(() -> new AssertionError("the report step is reported failed:\n" + out));
        assertTrue(aggregate.contains("cannot write folder " + root.resolve("reports/full/v0001"))
                && aggregate.contains("No space left on device"), "the report's path is named: " + aggregate);
        for (RunSpec run : new SweepRunner(new ModelLearners(), s -> { }).plan(job, root).runs()) {
            RunDirectory d = RunDirectory.of(root, run.runId());
            String failed = out.lines().filter(l -> l.contains("run " + run.runId() + " FAILED: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(run.label() + " is not reported failed:\n" + out));
            // "cannot write <file>", "cannot write folder <folder>" or "cannot finish table <name> at <file>" (which
            // write meets the full disk first varies from run to run): a path inside the run's folder
            assertTrue(failed.matches(".*cannot (write (folder )?|finish table \\S+ at )"
                            + java.util.regex.Pattern.quote(d.dir().toString()) + ".*")
                    && failed.contains("No space left on device"),
                    run.label() + ": the error names the path: " + failed);
            // its status says failed, or still running where even status.json found no space; never succeeded
            RunStatus status = d.readStatus().orElseThrow();
            assertFalse(status.succeeded(), run.label() + " says " + status.state());
            assertFalse(Files.exists(d.evalFile()), run.label() + " has no evaluation");
        }
        if (Files.isDirectory(root.resolve("reports/full"))) {
            try (Stream<Path> reports = Files.list(root.resolve("reports/full"))) {
                assertEquals(List.of(), reports.toList(), "no report version, not even a staged one");
            }
        }
        assertFalse(Files.exists(root.resolve("orchestration/full/retrain.json")), "no successful run is recorded");
    }
}
