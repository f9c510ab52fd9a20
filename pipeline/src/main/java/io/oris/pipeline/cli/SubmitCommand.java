package io.oris.pipeline.cli;

import io.oris.model.nn.NativeThreads;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.pipeline.spark.SparkDefaults;
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
 * submit entry point ({@code SparkSubmit}), with this build's jar as the application ({@link SubmitArguments}).
 * In client deploy mode (the default) the driver is this JVM; in cluster deploy mode the cluster starts it, so the
 * job file, the data root and the jar must be at the same absolute paths on the cluster's nodes (a shared file
 * system), and submit returns once the cluster has accepted the driver. The job's executor resources apply as
 * defaults under {@code --conf} and {@code spark-defaults.conf}. With the shaded cluster jar ({@code --jar
 * pipeline/target/oris-cluster.jar}, built by {@code mvn -Pdist package}) executors need nothing else; with the
 * everyday thin jar they get this build's class path, which works when the executors share this machine's file
 * system (a cluster on one host, as in the tests).
 */
@Command(name = "submit", description = "Run a job's sweep on a Spark cluster through spark-submit.")
public final class SubmitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job file (YAML).")
    Path job;

    @Option(names = "--master", required = true, description = "Cluster master, e.g. spark://HOST:7077.")
    String master;

    @Option(names = "--deploy-mode", defaultValue = "client", paramLabel = "client|cluster",
            description = "Where the driver runs: client (this JVM, default) or cluster (started by the cluster; the job,"
                    + " the data root and the jar must be at the same absolute paths there).")
    String deployMode;

    @Option(names = "--jar", description = "Application jar (default: this build's pipeline jar).")
    Path jar;

    @Option(names = "--conf", description = "Extra Spark conf KEY=VALUE (repeatable); beats the job's spark: settings.")
    List<String> conf = new ArrayList<>();

    @Option(names = "--jars", paramLabel = "JAR[,JAR...]", description = "Extra jars for driver and executors (repeatable).")
    List<String> jars = new ArrayList<>();

    @Option(names = "--packages", paramLabel = "G:A:V[,...]", description = "Extra Maven packages, as spark-submit's (repeatable).")
    List<String> packages = new ArrayList<>();

    @Option(names = "--repositories", paramLabel = "URL[,...]", description = "Extra Maven repositories for --packages (repeatable).")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--executor-memory", description = "Executor memory (default: the job's spark.executor_memory).")
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
        JobDescriptor descriptor = JobDescriptor.load(job);
        SubmitArguments submit = new SubmitArguments(master, deployMode, app, shaded, executorMemory, conf, jars, packages,
                repositories, job, dataRoot.path(descriptor.sweep().dataRoot()), descriptor.sweep().spark(),
                SparkDefaults.load(System.getenv()), System.getProperty("java.class.path"), System.getenv("OPENBLAS_CORETYPE"),
                NativeThreads.configured());
        List<String> args = submit.toList();
        System.out.println("spark-submit " + String.join(" ", args.subList(0, Math.min(args.size(), 8))) + " ...");
        if (submit.cluster()) {
            System.out.println("[oris] cluster deploy mode: the driver reads the jar " + app.toAbsolutePath().normalize()
                    + ", the job " + job.toAbsolutePath().normalize() + " and the data root "
                    + submit.dataRoot().toAbsolutePath().normalize() + " on the cluster: they must be there at these paths");
        }
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
