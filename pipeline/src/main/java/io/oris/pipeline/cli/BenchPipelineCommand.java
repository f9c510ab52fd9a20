package io.oris.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oris.pipeline.bench.PipelineBenchmark;
import io.oris.storage.AtomicPublish;
import io.oris.pipeline.train.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oris bench pipeline}: evaluation fan-out episodes/s on local[1] vs local[*], and driver overhead per stage task. */
@Command(name = "pipeline", description = "Pipeline throughput: evaluation fan-out local[1] vs local[*], driver overhead per stage.")
public final class BenchPipelineCommand implements Callable<Integer> {
    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--items", defaultValue = "8", description = "Evaluation tasks (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--episodes-per-item", defaultValue = "5", description = "Episodes per task, as the evaluate stage batches them (default ${DEFAULT-VALUE}).")
    int episodesPerItem;

    @Option(names = "--seeds", defaultValue = "2", description = "Seeds of the empty-budget sweep (default ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("oris-bench-pipeline");
        try {
            PipelineBenchmark bench = new PipelineBenchmark(work, System.out::println);
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.println("oris bench pipeline: " + cores + " cores, halfcheetah 256-256 SAC snapshot, 1000-step episodes");
            RunConfig config = bench.prepareSnapshot();
            PipelineBenchmark.FanOut one = bench.evaluationFanOut("local[1]", config, items, episodesPerItem);
            PipelineBenchmark.FanOut all = bench.evaluationFanOut("local[" + cores + "]", config, items, episodesPerItem);
            PipelineBenchmark.Overhead overhead = bench.driverOverhead(seeds);
            double speedup = all.episodesPerSecond() / one.episodesPerSecond();
            System.out.println();
            System.out.printf("%-28s %12s%n", "figure", "value");
            System.out.printf("%-28s %12.2f%n", "eval episodes/s local[1]", one.episodesPerSecond());
            System.out.printf("%-28s %12.2f%n", "eval episodes/s local[" + cores + "]", all.episodesPerSecond());
            System.out.printf("%-28s %11.2fx%n", "fan-out speedup", speedup);
            System.out.printf("%-28s %12.2f%n", "driver s per stage task", overhead.secondsPerTask());
            if (json != null) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode root = mapper.createObjectNode();
                root.put("cores", cores);
                root.put("eval_episodes_per_s_local1", one.episodesPerSecond());
                root.put("eval_episodes_per_s_all_cores", all.episodesPerSecond());
                root.put("fan_out_speedup", speedup);
                root.put("driver_seconds_per_task", overhead.secondsPerTask());
                root.put("overhead_tasks", overhead.tasks());
                root.put("overhead_seconds", overhead.seconds());
                AtomicPublish.writeString(json.toAbsolutePath(), mapper.writeValueAsString(root));
                System.out.println("\nwrote " + json);
            }
        } finally {
            AtomicPublish.deleteRecursively(work);
        }
        return 0;
    }
}
