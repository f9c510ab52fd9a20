package io.oris.pipeline.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.spark.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seeds on the same machine give bit-identical numbers (docs/determinism.md): {@link DeterminismProbe}'s SAC
 * weights and short medium-replay collection, hashed bit for bit, twice in this JVM and once in a child JVM started
 * with {@code OMP_NUM_THREADS=2} (ND4J would run OpenBLAS on 2 threads there, whose products differ in the last
 * bits, if the learners did not pin the native threads).
 */
class DeterminismTest {
    private static String first;

    private static synchronized String first() {
        if (first == null) {
            first = DeterminismProbe.fingerprint();
        }
        return first;
    }

    @Test
    void theSamePieceTwiceInOneJvmIsBitIdentical() {
        String a = first();
        String b = DeterminismProbe.fingerprint();
        assertEquals(a, b, "second run in the same JVM");
    }

    @Test
    void aChildJvmWithTwoOpenMpThreadsComputesTheSameBits(@TempDir Path dir) throws Exception {
        List<String> cmd = ChildJvm.command("1g", java.util.Map.of(), DeterminismProbe.class.getName());
        Path log = dir.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "2");
        pb.environment().put("OPENBLAS_NUM_THREADS", "2");
        Process p = pb.start(); // runs while this JVM computes its own fingerprint
        String here;
        try {
            here = first();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child JVM timed out");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        String child = out.lines().filter(l -> l.startsWith(DeterminismProbe.PREFIX)).findFirst()
                .map(l -> l.substring(DeterminismProbe.PREFIX.length()))
                .orElseThrow(() -> new AssertionError("child JVM printed no fingerprint (exit " + p.exitValue() + "):\n"
                        + tail(out)));
        String threads = out.lines().filter(l -> l.startsWith("OMP_NUM_THREADS=")).findFirst().orElse("");
        assertEquals(here, child, "child JVM with OMP_NUM_THREADS=2 (" + threads + ")");
        assertTrue(threads.endsWith("OpenBLAS threads used: 1"), "the learners pin ND4J to one native thread: " + threads);
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
