package io.oris.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The launcher picks OpenBLAS's SkylakeX kernels on AVX-512 CPUs where it used to pin Haswell (docs/determinism.md):
 * two SAC updates from the same weights on the same batch, in one child JVM per kernel set, give the same losses and
 * actions within 1e-6 relative (issue 11: an optimisation keeps one update within 1e-6 of the previous
 * implementation), and not the same bits (so the kernel setting really reached OpenBLAS). Skipped on CPUs without
 * AVX-512, where SkylakeX cannot run.
 */
class KernelChoiceTest {
    @Test
    void skylakeXAndHaswellAgreeWithinOneInAMillion() throws Exception {
        String flags = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("flags"))
                .findFirst().orElse("");
        List<String> have = List.of(flags.split("\\s+"));
        Assumptions.assumeTrue(have.containsAll(List.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx2", "fma")),
                "this CPU lacks AVX-512 F/BW/DQ/VL: the SkylakeX kernels cannot run here, nothing to compare");
        double[] haswell = run("Haswell");
        double[] skylake = run("SkylakeX");
        assertEquals(haswell.length, skylake.length);
        boolean anyDifferent = false;
        for (int i = 0; i < haswell.length; i++) {
            double a = haswell[i];
            double b = skylake[i];
            anyDifferent |= Double.doubleToLongBits(a) != Double.doubleToLongBits(b);
            assertTrue(Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9,
                    "value " + i + ": Haswell " + a + ", SkylakeX " + b);
        }
        assertNotEquals(false, anyDifferent, "Haswell and SkylakeX gave the same bits: OPENBLAS_CORETYPE did not reach "
                + "OpenBLAS in the child JVM, so this test compared nothing");
    }

    /** The probe's printed values (losses of two updates, then deterministic actions) under {@code coretype}. */
    private static double[] run(String coretype) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                KernelChoiceProbe.class.getName()).redirectErrorStream(true);
        pb.environment().put("OPENBLAS_CORETYPE", coretype);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe under " + coretype + " did not finish");
        assertEquals(0, p.exitValue(), "the probe under " + coretype + ": " + out);
        List<Double> values = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("value ")) {
                values.add(Double.parseDouble(line.substring(6).trim()));
            }
        }
        assertTrue(values.size() > 10, "the probe printed its values under " + coretype + ": " + out);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
