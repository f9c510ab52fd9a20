package io.oris.pipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LaunchProfile} on the event log of a real local Spark application with two described jobs. */
class LaunchProfileTest {
    @TempDir
    Path tmp;

    @Test
    void phasesOfARealApplicationAddUpToItsWallTime() throws Exception {
        Path events = Files.createDirectories(tmp.resolve("events"));
        long start = System.currentTimeMillis();
        SparkSession spark = SparkSessions.start("launch-profile-test", "local[2]", Map.of(
                "spark.eventLog.enabled", "true",
                "spark.eventLog.dir", events.toUri().toString(),
                "spark.eventLog.compress", "false"));
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            jsc.setJobGroup("oris-a", "train a", true);
            assertEquals(List.of(2, 4, 6), jsc.parallelize(List.of(1, 2, 3), 3).map(x -> x * 2).collect());
            Thread.sleep(200);   // driver work between the jobs
            jsc.setJobGroup("oris-b", "evaluate b", true);
            assertEquals(2L, jsc.parallelize(List.of(1, 2), 2).count());
        } finally {
            spark.stop();
        }
        long end = System.currentTimeMillis();

        LaunchProfile.Phases p = LaunchProfile.read("test", events, start, end);
        assertEquals(2, p.jobs().size(), "jobs: " + p.jobs());
        assertEquals("train a", p.jobs().get(0).description());
        assertEquals("evaluate b", p.jobs().get(1).description());
        assertEquals(5, p.tasks().count(), "tasks of both jobs");
        assertTrue(p.beforeSpark() >= 0 && p.inJobs() > 0 && p.afterLastJob() >= 0, "phases: " + p);
        assertTrue(p.betweenJobs() >= 150, "the 200 ms of driver work between the jobs: " + p.betweenJobs());
        assertEquals(p.total(), p.beforeSpark() + p.beforeFirstJob() + p.inJobs() + p.betweenJobs() + p.afterLastJob(),
                "the phases partition the wall time");
        String table = LaunchProfile.table(List.of(p));
        assertTrue(table.contains("train a") && table.contains("evaluate b"), table);
    }

    @Test
    void aFolderWithoutOneFinishedLogIsNamed() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("none"));
        IOException e = assertThrows(IOException.class, () -> LaunchProfile.read("x", empty, 0, 1));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("found 0"), e.getMessage());
    }

    @Test
    void aLineThatIsNotJsonNamesFileAndLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Path log = dir.resolve("local-1");
        Files.writeString(log, "{\"Event\":\"SparkListenerApplicationStart\",\"Timestamp\":5}\n\u0028\u00b5\u002f\u00fd garbage\n");
        IOException e = assertThrows(IOException.class, () -> LaunchProfile.read("x", dir, 0, 10));
        assertTrue(e.getMessage().contains(log.toString()) && e.getMessage().contains("line 2"), e.getMessage());
    }
}
