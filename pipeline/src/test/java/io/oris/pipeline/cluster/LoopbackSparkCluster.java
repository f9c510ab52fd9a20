package io.oris.pipeline.cluster;

import io.oris.pipeline.spark.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Spark standalone cluster on 127.0.0.1 for integration tests: a Master and a Worker process started
 * from the Spark jars on the test classpath (their main classes), with a SPARK_HOME whose {@code jars/}
 * links those jars, so the Worker can launch executor JVMs the way a deployed cluster does.
 */
final class LoopbackSparkCluster implements AutoCloseable {
    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final int masterPort;
    private final Path logs;
    private final Path workDir;

    LoopbackSparkCluster(Path workDir, int workerCores, String workerMemory) throws IOException, InterruptedException {
        this(workDir, workerCores, workerMemory, java.util.Map.of());
    }

    /**
     * A cluster whose Worker also gets {@code workerConf} as Spark properties, e.g. its resources
     * ({@code spark.worker.resource.gpu.amount} and {@code .discoveryScript}).
     */
    LoopbackSparkCluster(Path workDir, int workerCores, String workerMemory, java.util.Map<String, String> workerConf)
            throws IOException, InterruptedException {
        this.home = Files.createDirectories(workDir.resolve("spark-home"));
        this.logs = Files.createDirectories(workDir.resolve("logs"));
        this.workDir = Files.createDirectories(workDir.resolve("worker"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        for (String entry : classpath) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && p.getFileName().toString().contains("spark")) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        Files.writeString(home.resolve("RELEASE"), "Spark 4.2.0 (oris test cluster)\n");
        this.masterPort = freePort();
        start("master", java.util.Map.of(), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(masterPort), "--webui-port", Integer.toString(freePort()));
        waitForPort(masterPort, Duration.ofSeconds(60));
        start("worker", workerConf, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                Integer.toString(workerCores), "--memory", workerMemory, "--webui-port", Integer.toString(freePort()),
                "--work-dir", this.workDir.toString(), masterUrl());
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    Path home() {
        return home;
    }

    /** The Worker's folder, where each executor's stdout and stderr land. */
    Path workDir() {
        return workDir;
    }

    Path logs() {
        return logs;
    }

    private void start(String name, java.util.Map<String, String> properties, String mainClass, String... args)
            throws IOException {
        List<String> cmd = ChildJvm.command("512m", properties, mainClass, args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("OMP_NUM_THREADS", "1");
        processes.add(pb.start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IOException("Spark master did not open port " + port + " within " + timeout);
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
