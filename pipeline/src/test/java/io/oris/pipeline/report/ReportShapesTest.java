package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps of other shapes render only what they contain: offline only, simulator only, nothing at all. */
class ReportShapesTest {
    private static List<EvalPoint> curve(double... scores) {
        List<EvalPoint> c = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            c.add(new EvalPoint(1000L * (i + 1), scores[i] * 30, scores[i], 10));
        }
        return c;
    }

    @Test
    void offlineOnlySweepHasOneTableUnderTheRealEnvironment(@TempDir Path root) throws IOException {
        List<RunResult> runs = List.of(
                RunResult.succeeded("c0", "cql", "", "hopper", "medium", null, 0, curve(10, 50)),
                RunResult.succeeded("c1", "cql", "", "hopper", "medium", null, 1, curve(10, 70)),
                RunResult.succeeded("i0", "iql", "", "hopper", "medium", "real", 0, curve(10, 40)));
        ReportResult r = new ReportWriter().write(runs, ReportSpec.of("offline", 1), root.resolve("offline"));
        String text = r.terminalTables();
        assertTrue(text.startsWith("Table I: normalized score, real (offline only)"), text);
        assertTrue(text.contains("60.0 ± 14.1"), text);
        assertTrue(text.contains("40.0"), text);
        assertFalse(Files.readString(r.directory().resolve("tables.md")).contains("Table II"));
        assertTrue(Files.exists(r.directory().resolve("curve_hopper-medium_real.png")));
    }

    @Test
    void simulatorOnlySweepHasASimOnlyRow(@TempDir Path root) {
        List<RunResult> runs = List.of(
                RunResult.succeeded("s0", "sac", "", "walker2d", "", "gravity=2.0", 0, curve(5, 30)),
                RunResult.failed("s1", "sac", "", "walker2d", "", "gravity=2.0", 1, "diverged"));
        String text = new ReportWriter(List.of()).write(runs, ReportSpec.of("sim", 1), root.resolve("sim")).terminalTables();
        assertTrue(text.contains("walker2d (sim only)"), text);
        assertTrue(text.contains("30.0 (n=1/2; failed 1/2)"), text);
    }

    @Test
    void emptySweepStillWritesAReport(@TempDir Path root) throws IOException {
        ReportResult r = new ReportWriter().write(List.of(), ReportSpec.of("empty", 3), root.resolve("empty"));
        assertEquals(0, ReportWriterTest.readParquet(r.scores()).size());
        assertTrue(r.terminalTables().startsWith("No scores in sweep empty"), r.terminalTables());
        assertTrue(Files.readString(r.html()).contains("0 runs"));
    }
}
