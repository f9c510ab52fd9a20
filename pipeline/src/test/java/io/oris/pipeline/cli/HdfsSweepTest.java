package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.cluster.MiniHdfs;
import io.oris.storage.DatasetStore;
import io.oris.storage.fs.DataRootUri;
import io.oris.storage.table.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oris run} with its data root on a real HDFS (a MiniDFSCluster): a shipped dataset installed (ingest), one
 * collected, BC trained on each, evaluated and reported, all through hdfs:// paths; then the report is read back from
 * HDFS, nothing temporary is left there, and nothing was written to a local folder instead.
 */
class HdfsSweepTest {
    @TempDir
    Path dir;

    private static final String JOB = """
            hdfs-tiny:
              default_args: {owner: oris, retries: 0}
              schedule: null
              oris:
                envs: [hopper]
                datasets:
                  - {shipped: hopper-medium-replay-oris}
                  - {collect: random, size: 400}
                methods: [bc]
                seeds: 1
                budget: {gradient_steps: 20, steps_per_epoch: 10, eval_every: 10, snapshot_every: 10}
                evaluation: {episodes: 1, last_k: 1, max_episode_steps: 30}
                hyperparameters:
                  bc: {sac.hidden: [16, 16]}
                spark: {master: "local[2]"}
            """;

    @Test
    void tinySweepRunsWithItsDataRootOnHdfs() throws Exception {
        Path job = dir.resolve("hdfs-tiny.yaml");
        Files.writeString(job, JOB);
        Path cwdBefore = Path.of("").toAbsolutePath();
        try (MiniHdfs hdfs = new MiniHdfs(dir.resolve("hdfs"))) {
            String rootUri = hdfs.uri() + "/oris";
            CliRun run = CliRun.of("run", job.toString(), "--data-root", rootUri);
            assertEquals(0, run.code(), "exit code; stderr:\n" + run.err() + "\nstdout:\n" + run.out());

            Path root = DataRootUri.resolve(rootUri);
            assertEquals(2, new DatasetStore(root).list().size(), "the installed and the collected dataset");
            Path scores;
            try (Stream<Path> found = Files.walk(root.resolve("reports"))) {
                scores = found.filter(f -> f.getFileName().toString().equals("scores.parquet")).findFirst()
                        .orElseThrow(() -> new AssertionError("no scores.parquet under " + root.resolve("reports")));
            }
            assertTrue(scores.toString().startsWith(rootUri + "/reports/"), scores.toString());
            List<Map<String, Object>> rows = TableReader.readAll(scores);
            assertEquals(2, rows.size(), rows.toString());
            for (Map<String, Object> r : rows) {
                assertEquals("succeeded", r.get("status"), r.toString());
            }
            assertTrue(Files.isRegularFile(scores.resolveSibling("report.json")));
            assertEquals(List.of(), MiniHdfs.leftovers(root), "temporary or staging files left on HDFS");
            assertFalse(Files.exists(cwdBefore.resolve("hdfs:")), "the URI was not taken for a local folder");
        }
    }
}
