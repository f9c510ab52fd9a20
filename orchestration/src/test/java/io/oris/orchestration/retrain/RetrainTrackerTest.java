package io.oris.orchestration.retrain;

import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.descriptor.JobDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainTrackerTest {
    private static final String JOB = """
            robot-retrain:
              schedule: "@daily"
              oris:
                envs: [hopper]
                datasets:
                  - {logs: robot-logs, env: hopper}
                methods: [cql]
                seeds: 1
                retrain_on: [robot-logs]
            """;

    @Test
    void retrainsOnlyWhenAnInputChanged(@TempDir Path root) throws Exception {
        Path logs = Files.createDirectories(root.resolve("robot-logs"));
        Files.writeString(logs.resolve("day1.csv"), "t,obs\n0,1\n");
        JobDescriptor job = parse(JOB);
        RetrainTracker tracker = new RetrainTracker(root);

        assertNull(tracker.lastReport(job));
        ChangeCheck first = tracker.check(job);
        assertTrue(first.changed(), first.reason());
        assertTrue(first.reason().contains("no successful run"), first.reason());
        ReportVersion v1 = tracker.recordSuccess(job, first);
        assertEquals(new ReportVersion("robot-retrain", 1), v1);
        assertEquals("reports/robot-retrain/v0001", v1.relativePath());
        assertTrue(Files.exists(tracker.ledgerFile(job)));

        ChangeCheck same = tracker.check(job);
        assertFalse(same.changed(), same.reason());
        assertTrue(same.reason().contains("nothing changed") && same.reason().contains("robot-retrain/v0001"), same.reason());

        // touching a file without changing it is not a change
        Files.setLastModifiedTime(logs.resolve("day1.csv"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertFalse(tracker.check(job).changed());

        Files.writeString(logs.resolve("day2.csv"), "t,obs\n0,2\n");
        ChangeCheck newLogs = tracker.check(job);
        assertTrue(newLogs.changed());
        assertEquals(List.of("robot-logs"), newLogs.changedInputs());
        assertEquals(new ReportVersion("robot-retrain", 2), tracker.nextReport(job));
        assertEquals(2, tracker.recordSuccess(job, newLogs).version());
        assertEquals(2, tracker.lastReport(job).version());
        assertFalse(tracker.check(job).changed());

        Files.writeString(logs.resolve("day1.csv"), "t,obs\n0,9\n");
        assertTrue(tracker.check(job).changed(), "an edited file is a change");
    }

    @Test
    void aChangedSweepIsAChangeButOtherSparkSettingsAreNot(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("robot-logs"));
        RetrainTracker tracker = new RetrainTracker(root);
        JobDescriptor job = parse(JOB);
        tracker.recordSuccess(job, tracker.check(job));
        assertFalse(tracker.check(parse(JOB + "    spark: {master: 'spark://x:7077'}\n")).changed());
        ChangeCheck seeds = tracker.check(parse(JOB.replace("seeds: 1", "seeds: 2")));
        assertTrue(seeds.changed());
        assertTrue(seeds.reason().contains("oris: section changed"), seeds.reason());
    }

    @Test
    void aMissingInputIsAnError(@TempDir Path root) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RetrainTracker(root).check(parse(JOB)));
        assertTrue(e.getMessage().contains("robot-logs") && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
