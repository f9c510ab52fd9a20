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
 * <p>The count is set per JVM by {@code --threads N} on the command line (every subcommand),
 * {@code -Doris.native.threads=N}, or the environment variable {@code ORIS_NATIVE_THREADS} (how Spark executors and
 * Airflow tasks get it), in that order of precedence; default 1. More threads make large products faster on a machine
 * with idle cores, and results are then reproducible only against runs with the same count. See docs/determinism.md.
 */
public final class NativeThreads {
    /** System property overriding the pinned thread count. */
    public static final String PROPERTY = "oris.native.threads";
    /** Environment variable with the thread count, read when {@link #PROPERTY} is not set (executors, Airflow tasks). */
    public static final String ENV = "ORIS_NATIVE_THREADS";
    /** CPU time a helper thread must have used to count as busy in {@link #busyHelperThreads()}. */
    static final long BUSY_MILLIS = 50;

    private NativeThreads() {
    }

    /**
     * The thread count {@link #pin()} sets: the {@code oris.native.threads} property, else {@code ORIS_NATIVE_THREADS},
     * else 1.
     *
     * @throws IllegalArgumentException naming the property or variable when its value is not a whole number >= 1
     */
    public static int configured() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property, "system property " + PROPERTY);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return parse(env, "environment variable " + ENV);
        }
        return 1;
    }

    /** Sets this JVM's thread count (what {@code --threads} does); applied by the next {@link #pin()}. */
    public static void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("native threads must be >= 1, got " + threads);
        }
        System.setProperty(PROPERTY, Integer.toString(threads));
    }

    static int parse(String value, String source) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " is '" + value + "', expected a whole number >= 1");
        }
        if (n < 1) {
            throw new IllegalArgumentException(source + " is " + n + ", expected a whole number >= 1");
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
        m.put("native_threads", configured());
        int busy = busyHelperThreads();
        m.put("busy_helper_threads", busy < 0 ? "unknown" : busy);
        return m;
    }

    /** Thread-name prefixes of the JVM's own service threads (compilers, GC, VM operations), as Linux shows them. */
    private static final List<String> JVM_SERVICE = List.of("VM ", "GC Thread", "G1 ", "C1 CompilerThre",
            "C2 CompilerThre", "Sweeper", "Service Thread", "Monitor Deflati", "Notification Th", "Signal Dispatch",
            "Attach Listener", "Common-Cleaner", "Reference Handl", "Finalizer", "process reaper", "JVMCI");

    /**
     * How many threads of this process did numeric work beside the JVM's own: OS threads that are neither a Java
     * thread nor a JVM service thread and have used at least {@value #BUSY_MILLIS} ms of CPU, i.e. the helper threads
     * of OpenBLAS and ND4J's OpenMP pool that took part in computing. With one native thread per task this is 0:
     * every product ran on the thread that asked for it. Linux only; -1 where {@code /proc} cannot be read.
     *
     * <p>A native thread carries the name of the thread that created it, so per name the count is the busy OS threads
     * minus the Java threads of that name (the JVM names each Java thread's OS thread after it, cut to 15 characters;
     * the {@code main} thread's is {@code java}).
     */
    public static int busyHelperThreads() {
        Map<String, Integer> javaThreads = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            javaThreads.merge(osName(t.getName()), 1, Integer::sum);
        }
        javaThreads.merge("java", 1, Integer::sum);   // the launcher's primordial thread
        Map<String, Integer> busy = new java.util.HashMap<>();
        long msPerTick = 10;   // Linux reports thread CPU time in clock ticks of 10 ms (USER_HZ 100)
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;   // the thread ended while we looked
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long cpuMillis = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * msPerTick;
                if (cpuMillis >= BUSY_MILLIS && JVM_SERVICE.stream().noneMatch(name::startsWith)) {
                    busy.merge(name, 1, Integer::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        int helpers = 0;
        for (Map.Entry<String, Integer> e : busy.entrySet()) {
            helpers += Math.max(0, e.getValue() - javaThreads.getOrDefault(e.getKey(), 0));
        }
        return helpers;
    }

    /** The name Linux shows for a Java thread: its name cut to 15 bytes ({@code main} shows as {@code java}). */
    private static String osName(String javaName) {
        if (javaName.equals("main")) {
            return "java";
        }
        return javaName.length() > 15 ? javaName.substring(0, 15) : javaName;
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
