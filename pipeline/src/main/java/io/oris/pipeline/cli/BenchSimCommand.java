package io.oris.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oris.sim.MujocoRuntime;
import io.oris.sim.bench.CStepLoop;
import io.oris.sim.bench.SimBenchmark;
import io.oris.sim.env.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oris bench sim}: env steps/s per task in Java (1 thread, all cores) next to the same loop in C. */
@Command(name = "sim", description = "Simulator throughput: Java env steps/s (1 thread, all cores) vs a C loop on the same libmujoco.")
public final class BenchSimCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--seconds", defaultValue = "3", description = "Measuring time per figure (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--workers", description = "Stepping threads for the vector figure (default: all cores).")
    Integer workers;

    @Option(names = "--envs-per-thread", defaultValue = "32", description = "Environments per thread in the vector (default: ${DEFAULT-VALUE}).")
    int envsPerThread;

    @Option(names = "--task", split = ",", description = "Tasks to measure (default: all).")
    List<String> tasks;

    @Override
    public Integer call() throws Exception {
        int nThreads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        List<Task> selected = new ArrayList<>();
        if (tasks == null) {
            selected.addAll(List.of(Task.values()));
        } else {
            tasks.forEach(t -> selected.add(Task.parse(t)));
        }
        System.out.println("MuJoCo " + MujocoRuntime.ensureLoaded() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; " + seconds + " s per figure");
        Path work = Files.createTempDirectory("oris-bench-sim");
        CStepLoop cLoop = CStepLoop.compile(work);
        SimBenchmark bench = new SimBenchmark(seconds, nThreads, envsPerThread, line -> System.out.println("  " + line));
        List<SimBenchmark.Result> results = bench.run(selected, cLoop);

        System.out.println();
        System.out.printf("%-12s %14s %14s %8s %18s %18s %9s %9s%n", "env", "java 1T st/s", "C 1T st/s", "java/C",
                "vector 1T st/s", "vector " + nThreads + "T st/s", "scaling", "vs 1 env");
        for (SimBenchmark.Result r : results) {
            System.out.printf("%-12s %,14.0f %,14.0f %8.3f %,18.0f %,18.0f %8.2fx %8.2fx%n", r.task(),
                    r.javaStepsPerSecond(), r.cStepsPerSecond(), r.ratio(), r.vectorOneThreadStepsPerSecond(),
                    r.vectorStepsPerSecond(), r.threadScaling(), r.vectorSpeedup());
        }
        System.out.println("scaling: vector on " + nThreads + " threads / the same " + envsPerThread
                + " envs per thread on 1 thread; vs 1 env: vector on " + nThreads + " threads / one env on one thread");
        if (json != null) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("mujoco", MujocoRuntime.ensureLoaded());
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.put("seconds_per_figure", seconds);
            ArrayNode rows = root.putArray("envs");
            for (SimBenchmark.Result r : results) {
                ObjectNode row = rows.addObject();
                row.put("env", r.task());
                row.put("java_steps_per_s_1thread", r.javaStepsPerSecond());
                row.put("c_steps_per_s_1thread", r.cStepsPerSecond());
                row.put("java_c_ratio", r.ratio());
                row.put("java_steps_per_s_vector", r.vectorStepsPerSecond());
                row.put("vector_threads", r.vectorThreads());
                row.put("vector_envs", r.vectorEnvs());
                row.put("vector_speedup", r.vectorSpeedup());
                row.put("java_steps_per_s_vector_1thread", r.vectorOneThreadStepsPerSecond());
                row.put("vector_thread_scaling", r.threadScaling());
            }
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            io.oris.storage.AtomicPublish.writeString(json, mapper.writeValueAsString(root));
            System.out.println("\nwrote " + json);
        }
        return 0;
    }
}
