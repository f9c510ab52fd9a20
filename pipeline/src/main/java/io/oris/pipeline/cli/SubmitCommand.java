package io.oris.pipeline.cli;

import io.oris.pipeline.spark.JvmFlags;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.deploy.SparkSubmit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris submit JOB --master spark://HOST:PORT}: runs a sweep on a Spark cluster through Spark's own
 * submit entry point ({@code SparkSubmit}, client deploy mode), with this build's jar as the application.
 * With the shaded cluster jar ({@code --jar pipeline/target/oris-cluster.jar}, built by {@code mvn -Pdist
 * package}) executors need nothing else; with the everyday thin jar they get this build's class path, which
 * works when the executors share this machine's file system (a cluster on one host, as in the tests).
 */
@Command(name = "submit", description = "Run a job's sweep on a Spark cluster through spark-submit (client mode).")
public final class SubmitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job file (YAML).")
    Path job;

    @Option(names = "--master", required = true, description = "Cluster master, e.g. spark://HOST:7077.")
    String master;

    @Option(names = "--jar", description = "Application jar (default: this build's pipeline jar).")
    Path jar;

    @Option(names = "--conf", description = "Extra Spark conf KEY=VALUE (repeatable).")
    List<String> conf = new ArrayList<>();

    @Option(names = "--executor-memory", defaultValue = "2g", description = "Executor memory (default ${DEFAULT-VALUE}).")
    String executorMemory;

    @Mixin
    DataRootOption dataRoot;

    @Override
    public Integer call() throws Exception {
        Path app = jar != null ? jar : thisJar();
        if (!Files.isRegularFile(app)) {
            throw new IllegalArgumentException("application jar " + app + " does not exist (build it with ./oris or mvn -Pdist package)");
        }
        boolean shaded = app.getFileName().toString().startsWith("oris-cluster") || app.getFileName().toString().startsWith("oris-all");
        List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
                "--class", OrisCli.class.getName(), "--name", "oris " + job.getFileName(),
                "--executor-memory", executorMemory,
                "--conf", "spark.executor.extraJavaOptions=" + JvmFlags.joined(),
                "--conf", "spark.executorEnv.OMP_NUM_THREADS=1"));
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        if (coretype != null && !coretype.isBlank()) {
            // the executors use the driver's matrix kernels (docs/determinism.md)
            args.addAll(List.of("--conf", "spark.executorEnv.OPENBLAS_CORETYPE=" + coretype));
        }
        if (!shaded) {
            args.addAll(List.of("--conf", "spark.executor.extraClassPath=" + System.getProperty("java.class.path")));
        }
        for (String c : conf) {
            args.addAll(List.of("--conf", c));
        }
        args.add(app.toString());
        args.addAll(List.of("run", job.toAbsolutePath().toString(), "--master", master,
                "--data-root", dataRoot.path(io.oris.orchestration.descriptor.JobDescriptor.load(job).sweep().dataRoot()).toString()));
        System.out.println("spark-submit " + String.join(" ", args.subList(0, Math.min(args.size(), 8))) + " ...");
        SparkSubmit.main(args.toArray(String[]::new));
        return 0;
    }

    private static Path thisJar() throws URISyntaxException {
        Path p = Path.of(OrisCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(p)) {
            // running from classes (tests, IDE): use the packaged jar beside them when it exists
            Path target = p.getParent();
            try (var files = Files.list(target)) {
                return files.filter(f -> f.getFileName().toString().matches("oris-pipeline-.*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no pipeline jar in " + target + "; pass --jar"));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot list " + target + File.separator, e);
            }
        }
        return p;
    }
}
