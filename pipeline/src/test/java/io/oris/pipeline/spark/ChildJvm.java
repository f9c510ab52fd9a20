package io.oris.pipeline.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of a child JVM on the test class path with the flags Spark needs ({@link JvmFlags}): how tests
 * start the real {@code oris} command line or a probe in a process of its own (to kill it, or to give it other
 * environment variables).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java -Xmx<heap> <Spark flags> -D<k>=<v>... -cp <test class path> <mainClass> <args>}. */
    public static List<String> command(String heap, Map<String, String> properties, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(JvmFlags.FLAGS);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts the {@code oris} command line ({@code OrisCli}) with {@code args} in a JVM of its own (1.5 GB heap), stdout
     * and stderr both into {@code log}.
     */
    public static Process startOris(Map<String, String> properties, Path log, String... args) throws IOException {
        return new ProcessBuilder(command("1500m", properties, "io.oris.pipeline.cli.OrisCli", args))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
