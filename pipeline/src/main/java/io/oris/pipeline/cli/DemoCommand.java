package io.oris.pipeline.cli;

import io.oris.pipeline.stages.SweepRunner;
import io.oris.pipeline.train.ModelLearners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oris demo}: the main job on the embedded default — {@code jobs/quickstart.yaml} (hopper, a collected
 * medium-replay dataset, gravity ×2, SAC vs H2O vs ORIS, 2 seeds, a short budget) with Spark {@code local[*]};
 * ends with the Table-I-shaped table and the path of the HTML report. Rerunning resumes or reuses results.
 */
@Command(name = "demo", description = "Run jobs/quickstart.yaml on the embedded default and print its table.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--job", description = "Job file (default: jobs/quickstart.yaml of this checkout).")
    Path job;

    @Option(names = "--master", description = "Spark master (default: the job's, local[*]).")
    String master;

    @Mixin
    DataRootOption dataRoot;

    @Override
    public Integer call() {
        Path file = job != null ? job : defaultJob();
        long start = System.nanoTime();
        System.out.println("oris demo: " + file + " (data root " + dataRoot.path() + ")");
        SweepRunner.Result result = new SweepRunner(new ModelLearners(), Progress.sink())
                .run(file, dataRoot.path(), master, false);
        int code = RunCommand.report(result);
        System.out.printf("Wall time: %.1f min%n", (System.nanoTime() - start) / 60e9);
        return code;
    }

    private static Path defaultJob() {
        String home = System.getProperty("oris.home");
        Path candidate = Path.of(home == null ? "." : home, "jobs", "quickstart.yaml");
        if (!Files.isRegularFile(candidate)) {
            throw new IllegalArgumentException("cannot find the demo job " + candidate.toAbsolutePath()
                    + "; run ./oris demo from the checkout or pass --job FILE");
        }
        return candidate;
    }
}
