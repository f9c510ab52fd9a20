package io.oris.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.oris.pipeline.ingest.D4rlIngestJob;
import io.oris.pipeline.spark.SparkSessions;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.d4rl.D4rlIngestBench;
import io.oris.storage.d4rl.D4rlOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oris bench ingest}: rows/s and MB/s of ingesting a D4RL-shaped file (hopper dims, every key,
 * 1M rows by default) next to two floors: the time to only read its arrays with jHDF, and that plus the time to only
 * write the dataset's columns with parquet-mr's column writers. Measures the
 * in-process ingest and the Spark job ({@code local[*]}, session start excluded). The generated file
 * and scratch datasets live under {@code <data-root>/bench/ingest}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest throughput for a D4RL-shaped file vs the floors: reading its arrays with jHDF, and that plus "
                + "writing the columns with parquet-mr.")
public final class BenchIngestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows of the generated file (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--repeats", defaultValue = "2", description = "Timed repetitions, best reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--float64", description = "Generate float64 arrays (like medium-replay files).")
    boolean float64;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Measure this D4RL file (e.g. a real, gzip-compressed one) instead of a generated one.")
    Path file;

    @Option(names = "--no-spark", description = "Skip the Spark-job figure.")
    boolean noSpark;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Path work = dataRoot.path().resolve("bench").resolve("ingest");
        out().printf("ingest benchmark: %s, %d cores, work folder %s%n", file != null ? file.toString()
                : String.format("%,d generated rows", rows), Runtime.getRuntime().availableProcessors(), work);
        out().flush();
        Map<String, Object> figures = new LinkedHashMap<>(D4rlIngestBench.run(work, file, rows, repeats, float64));
        int measuredRows = ((Number) figures.get("rows")).intValue();
        if (!noSpark) {
            long s = System.nanoTime();
            SparkSession spark = SparkSessions.start("oris bench ingest", null, Map.of());
            figures.put("spark_session_start_s", round((System.nanoTime() - s) / 1e9));
            try {
                double best = Double.MAX_VALUE;
                for (int r = 0; r < Math.max(1, repeats); r++) {
                    Path root = work.resolve("spark-root-" + r);
                    io.oris.storage.AtomicPublish.deleteRecursively(root);
                    List<IngestResult> results = new D4rlIngestJob(new DatasetStore(root),
                            D4rlIngestJob.DEFAULT_ROWS_PER_TASK).run(spark,
                            List.of(Path.of((String) figures.get("file"))), List.of("bench"), D4rlOptions.defaults(),
                            false);
                    best = Math.min(best, results.get(0).seconds());
                    io.oris.storage.AtomicPublish.deleteRecursively(root);
                }
                double mb = ((Number) figures.get("file_mb")).doubleValue();
                figures.put("spark_ingest_s", round(best));
                figures.put("spark_ingest_rows_per_s", Math.round(measuredRows / best));
                figures.put("spark_ingest_mb_per_s", round(mb / best));
                figures.put("spark_over_floor", round(best / ((Number) figures.get("floor_read_s")).doubleValue()));
                figures.put("spark_over_read_write_floor",
                        round(best / ((Number) figures.get("floor_read_write_s")).doubleValue()));
            } finally {
                spark.stop();
            }
        }
        print(figures);
        if (json != null) {
            Path abs = json.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            io.oris.storage.AtomicPublish.writeString(abs,
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
            out().println("wrote " + abs);
        }
        out().flush();
        return 0;
    }

    private void print(Map<String, Object> f) {
        out().printf("%nfile %s: %,d rows, %.1f MB (%s%s)%n", f.get("file"), f.get("rows"), f.get("file_mb"),
                f.get("dtype"), Boolean.TRUE.equals(f.get("compressed")) ? ", gzip chunks" : ", contiguous");
        out().printf("%-34s %9s %14s %10s %10s %12s%n", "", "seconds", "rows/s", "MB/s", "x read", "x read+write");
        row("floor: jHDF read of the arrays", f, "floor_read_s", null, null);
        row("floor: parquet-mr write of them", f, "floor_write_s", null, null);
        row("floor: read + write", f, "floor_read_write_s", null, null);
        row("ingest, in-process (no Spark)", f, "ingest_s", "ingest_over_floor", "ingest_over_read_write_floor");
        if (f.containsKey("spark_ingest_s")) {
            row("ingest, Spark job local[*]", f, "spark_ingest_s", "spark_over_floor", "spark_over_read_write_floor");
            out().printf("(Spark session start %.1f s, not counted; Parquet output %.1f MB)%n",
                    f.get("spark_session_start_s"), f.get("parquet_mb"));
        }
    }

    private void row(String name, Map<String, Object> f, String s, String overRead, String overReadWrite) {
        double seconds = ((Number) f.get(s)).doubleValue();
        double rows = ((Number) f.get("rows")).doubleValue();
        double mb = ((Number) f.get("file_mb")).doubleValue();
        out().printf("%-34s %9.3f %,14d %10.1f %10s %12s%n", name, seconds, Math.round(rows / seconds), mb / seconds,
                overRead == null ? "-" : String.format("%.2f", ((Number) f.get(overRead)).doubleValue()),
                overReadWrite == null ? "-" : String.format("%.2f", ((Number) f.get(overReadWrite)).doubleValue()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
