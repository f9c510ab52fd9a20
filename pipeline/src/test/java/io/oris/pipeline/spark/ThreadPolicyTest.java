package io.oris.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program sets its own native thread policy: {@code oris run} started as {@code java -jar} would be, in a JVM
 * with an empty environment (no {@code OMP_NUM_THREADS}, no launcher), trains with one OpenBLAS thread and no helper
 * thread doing numeric work, as {@code status.json}'s {@code numerics} record; {@code --threads 2} gives two. On this
 * 2-core machine OpenBLAS would otherwise start with 2 threads and split the 256-wide products between them.
 */
class ThreadPolicyTest {
    static final String JOB = """
            threads:
              description: "thread policy probe"
              default_args: {owner: oris, retries: 0}
              schedule: null
              oris:
                envs: [hopper]
                datasets:
                  - {shipped: hopper-medium-replay-oris}
                gaps: [gravity=2.0]
                methods: [sac]
                seeds: 1
                budget: {gradient_steps: 400, steps_per_epoch: 200, sim_steps_per_epoch: 200, eval_every: 400}
                evaluation: {episodes: 1, last_k: 1}
                spark: {master: "local[1]", train_shards: 1, driver_memory: 1g}
            """;

    @Test
    void aRunUnderAnEmptyEnvironmentUsesTheIntendedNativeThreads(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("threads.yaml");
        Files.writeString(job, JOB);
        Process plain = start(dir, job, "plain");
        Process two = start(dir, job, "two", "--threads", "2");
        for (Process p : List.of(plain, two)) {
            assertTrue(p.waitFor(8, TimeUnit.MINUTES), "the run finishes");
        }
        JsonNode one = numerics(dir, "plain", plain);
        assertEquals("unset", one.get("omp_num_threads_env").asText(), "the child's environment is empty: " + one);
        assertEquals(1, one.get("native_threads").asInt(), one.toString());
        assertEquals(1, one.get("blas_threads").asInt(), "OpenBLAS pinned to one thread without OMP_NUM_THREADS: " + one);
        assertEquals(0, one.get("busy_helper_threads").asInt(), "no helper thread computed: " + one);
        JsonNode twoThreads = numerics(dir, "two", two);
        assertEquals(2, twoThreads.get("native_threads").asInt(), twoThreads.toString());
        assertEquals(2, twoThreads.get("blas_threads").asInt(), "--threads 2 gives OpenBLAS two threads: " + twoThreads);
    }

    static Process start(Path dir, Path job, String name, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", job.toString(), "--data-root", dir.resolve(name).toString(), "-q"));
        args.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command("1200m", Map.of(), "io.oris.pipeline.cli.OrisCli",
                args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().clear();
        return pb.start();
    }

    static JsonNode numerics(Path dir, String name, Process p) throws Exception {
        String log = Files.readString(dir.resolve(name + ".log"));
        assertEquals(0, p.exitValue(), "oris run (" + name + ") failed:\n" + log);
        Path runs = dir.resolve(name).resolve("runs");
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), "one run: " + all);
            JsonNode status = new ObjectMapper().readTree(all.get(0).resolve("status.json").toFile());
            assertEquals("succeeded", status.get("state").asText(), status.toString());
            assertTrue(status.hasNonNull("numerics"), "status.json records the numerics: " + status);
            return status.get("numerics");
        }
    }
}
