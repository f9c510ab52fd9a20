package io.oris.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.oris.model.bench.LearnerBenchmark;
import io.oris.model.nn.NativeThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oris bench learners}: updates/s, matrix GFLOP per update and fraction of the matmul peak of every learner and the
 * GAN step (ND4J, 1 thread and all cores) beside the same SAC update in PyTorch on the CPU; the benchmark itself lives
 * in {@link LearnerBenchmark}.
 */
@Command(name = "learners", description = "Learner throughput: updates/s of every learner and the GAN step (ND4J), their "
        + "matrix GFLOP per update and fraction of the float32 matmul peak, vs SAC in PyTorch (CPU), 1 thread and all "
        + "cores, hopper and halfcheetah shapes.")
public final class BenchLearnersCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--seconds", defaultValue = "5", description = "Measuring time per figure (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--repeats", defaultValue = "2",
            description = "Measure each figure this many times (interleaved) and keep the best (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--method", split = ",", description = "Methods to measure (default: sac,cql,iql,td3bc,bc,sql,combo,h2o,darc,oris,gan).")
    List<String> methods;

    @Option(names = "--env", split = ",", description = "Shapes to measure: hopper, halfcheetah (default: both).")
    List<String> envs;

    @Override
    public Integer call() throws Exception {
        List<LearnerBenchmark.Shape> shapes = new ArrayList<>();
        for (LearnerBenchmark.Shape s : LearnerBenchmark.SHAPES) {
            if (envs == null || envs.contains(s.env())) {
                shapes.add(s);
            }
        }
        List<String> ms = methods != null ? methods : LearnerBenchmark.METHODS;
        System.out.println(Runtime.getRuntime().availableProcessors() + " cores; " + seconds + " s per figure, best of "
                + repeats + "; OpenBLAS kernels: " + NativeThreads.describe().get("openblas_coretype")
                + " (OPENBLAS_CORETYPE; auto: OpenBLAS's pick by CPU model)");
        LearnerBenchmark.Report r = new LearnerBenchmark(seconds, repeats, ms, shapes, line -> System.out.println("  " + line))
                .run();
        System.out.println();
        for (LearnerBenchmark.Peak p : r.peaks()) {
            System.out.printf("float32 matmul peak (ND4J), %d thread(s): %s GFLOP/s (square sizes)%n", p.threads(),
                    p.gflopsBySize());
        }
        System.out.printf("%-6s %-6s %-12s %7s %10s %10s %12s %9s %9s %10s%n", "engine", "method", "env", "threads",
                "updates/s", "per CPU-s", "GFLOP/update", "GFLOP/s", "of peak", "vs torch");
        for (LearnerBenchmark.Figure f : r.figures()) {
            double torch = LearnerBenchmark.best(r.figures(), "torch", f.method(), f.env());
            boolean counted = f.gflopPerUpdate() > 0;
            System.out.printf("%-6s %-6s %-12s %7d %10.1f %10.1f %12s %9s %9s %10s%n", f.engine(), f.method(), f.env(),
                    f.threads(), f.updatesPerSecond(), f.updatesPerCpuSecond(),
                    counted ? String.format("%.3f", f.gflopPerUpdate()) : "-",
                    counted ? String.format("%.1f", f.gflops()) : "-",
                    counted ? String.format("%.2f", r.fractionOfPeak(f)) : "-",
                    f.engine().equals("dl4j") && torch > 0 ? String.format("%.2fx", f.updatesPerSecond() / torch) : "-");
        }
        r.sacRatio().forEach((env, v) -> System.out.printf("sac_ratio_vs_pytorch %-12s %.2f (best DL4J / best PyTorch)%n",
                env, v));
        r.sacRatioCpu().forEach((env, v) -> System.out.printf(
                "sac_ratio_vs_pytorch (CPU time, 1 thread) %-12s %.2f%n", env, v));
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(),
                    LearnerBenchmark.toJson(r));
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
