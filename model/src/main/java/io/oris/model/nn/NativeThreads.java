package io.oris.model.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fixes how many native threads ND4J uses, whatever the environment says. OpenBLAS splits a matrix product
 * differently with 2 threads than with 1 and the float results differ in the last bits (measured here: the
 * weights of a 256-256 SAC after 100 updates differ between {@code OMP_NUM_THREADS=1} and {@code =2}), and
 * RL training amplifies such differences into different returns. ND4J reads {@code OMP_NUM_THREADS} once
 * at start-up (all cores when it is unset, e.g. {@code java -jar} or a notebook), so the stage tasks call
 * {@link #pin()} before they build a learner: every run then does the same arithmetic on every thread count.
 * One thread per task is also how the pipeline uses a machine (one Spark task per core).
 *
 * <p>{@code -Doris.native.threads=N} changes the count for a JVM (faster large products on a machine with
 * idle cores); results are then reproducible only against runs with the same N. See docs/determinism.md.
 */
public final class NativeThreads {
    /** System property overriding the pinned thread count. */
    public static final String PROPERTY = "oris.native.threads";

    private NativeThreads() {
    }

    /** The thread count {@link #pin()} sets: {@code oris.native.threads}, default 1. */
    public static int configured() {
        int n = Integer.getInteger(PROPERTY, 1);
        if (n < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be >= 1, got " + n);
        }
        return n;
    }

    /**
     * Sets OpenBLAS's threads and libnd4j's OpenMP threads to {@link #configured()} (process-wide; cheap when
     * they already are). Returns the count.
     */
    public static synchronized int pin() {
        int n = configured();
        Blas blas = Nd4j.factory().blas();
        if (blas.getMaxThreads() != n) {
            blas.setMaxThreads(n);
        }
        Environment env = Nd4j.getEnvironment();
        env.setMaxThreads(n);
        env.setMaxMasterThreads(n);
        return n;
    }

    /** OpenBLAS's current thread count. */
    public static int blasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    /**
     * What decides the last bits of the numbers on this machine (recorded in collected datasets' manifests so
     * that two results can be compared): CPU, the SIMD features the math libraries dispatch on, the OpenBLAS
     * kernel override, thread counts, JVM.
     */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os_arch", System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        Map<String, String> cpu = cpuInfo();
        m.put("cpu", cpu.getOrDefault("model name", "unknown"));
        List<String> flags = new ArrayList<>();
        Set<String> all = new HashSet<>(Arrays.asList(cpu.getOrDefault("flags", "").split("\\s+")));
        for (String f : List.of("avx", "fma", "avx2", "avx512f")) {
            if (all.contains(f)) {
                flags.add(f);
            }
        }
        m.put("cpu_flags", flags);
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        m.put("openblas_coretype", coretype == null ? "auto" : coretype);
        m.put("blas", Nd4j.factory().blas().getBlasVendor().toString());
        m.put("blas_threads", blasThreads());
        String omp = System.getenv("OMP_NUM_THREADS");
        m.put("omp_num_threads_env", omp == null ? "unset" : omp);
        return m;
    }

    private static Map<String, String> cpuInfo() {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (line.isBlank()) {
                    break; // first processor only
                }
                if (colon > 0) {
                    out.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it unknown
        }
        return out;
    }
}
