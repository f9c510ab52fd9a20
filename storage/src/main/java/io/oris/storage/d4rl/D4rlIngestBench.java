package io.oris.storage.d4rl;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest benchmark behind {@code oris bench ingest}: writes a D4RL-shaped file of N rows (hopper
 * dims, every key), then times (1) the read floor, reading every array the ingest reads with jHDF and nothing
 * else, (2) the write floor, writing the dataset's columns from arrays already in memory with parquet-mr's column
 * writers ({@link io.oris.storage.parquet.TransitionParquetWriter}, one part, Snappy as the ingest writes) and nothing
 * else, and (3) a full ingest into a fresh data root (hash, read, validate, convert, write Parquet, commit). Reports
 * rows/s and MB/s (input file bytes per second) and the ratios of the ingest to the read floor and to the read + write
 * floor.
 */
public final class D4rlIngestBench {
    private D4rlIngestBench() {
    }

    /**
     * Runs the benchmark in {@code workDir} (created; the generated file and data root are left there for
     * inspection) and returns the figures by name.
     *
     * @param repeats timed repetitions of each measurement; the best is reported
     */
    public static Map<String, Object> run(Path workDir, int rows, int repeats, boolean float64) {
        return run(workDir, null, rows, repeats, float64);
    }

    /**
     * Same, on a given D4RL file (e.g. a real one, or one written by h5py with gzip) instead of a generated
     * one when {@code input} is not null; {@code rows} and {@code float64} then only name the generated file.
     */
    public static Map<String, Object> run(Path workDir, Path input, int rows, int repeats, boolean float64) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = input != null ? input.toAbsolutePath().normalize()
                : workDir.resolve("hopper_bench-r" + rows + (float64 ? "-f64" : "") + "-v2.hdf5");
        long t0 = System.nanoTime();
        if (!Files.exists(file)) {
            new D4rlSyntheticFile(D4rlEnvs.require("hopper"), rows, float64, false, true, 1000, 0.001, 7).write(file);
        }
        double generate = input != null ? 0 : (System.nanoTime() - t0) / 1e9;
        D4rlLayout inspected = D4rlLayout.inspect(file, null);
        rows = inspected.rows();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double floor = Double.MAX_VALUE;
        double ingest = Double.MAX_VALUE;
        double readConvert = Double.MAX_VALUE;
        double write = Double.MAX_VALUE;
        IngestResult last = null;
        for (int r = 0; r < Math.max(1, repeats); r++) {
            floor = Math.min(floor, timeFloor(file));
            long s = System.nanoTime();
            io.oris.storage.TransitionArrays arrays = D4rlReader.read(D4rlLayout.inspect(file, null), D4rlOptions.defaults());
            readConvert = Math.min(readConvert, (System.nanoTime() - s) / 1e9);
            write = Math.min(write, timeWrite(workDir.resolve("write-floor-" + r + ".parquet"), arrays));
            Path root = workDir.resolve("data-root-" + r);
            io.oris.storage.AtomicPublish.deleteRecursively(root);
            DatasetStore store = new DatasetStore(root);
            last = D4rlIngest.ingest(store, file, "bench", D4rlOptions.defaults(), false);
            ingest = Math.min(ingest, last.seconds());
            io.oris.storage.AtomicPublish.deleteRecursively(root);
        }
        double mb = bytes / 1e6;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("compressed", !inspected.keys().isEmpty() && isChunked(file));
        out.put("rows", rows);
        out.put("dtype", inspected.dtype());
        out.put("file_mb", round(mb));
        out.put("generate_s", round(generate));
        out.put("floor_read_s", round(floor));
        out.put("floor_rows_per_s", Math.round(rows / floor));
        out.put("floor_mb_per_s", round(mb / floor));
        out.put("floor_write_s", round(write));
        out.put("floor_read_write_s", round(floor + write));
        out.put("read_convert_s", round(readConvert));
        out.put("ingest_s", round(ingest));
        out.put("ingest_rows_per_s", Math.round(rows / ingest));
        out.put("ingest_mb_per_s", round(mb / ingest));
        out.put("ingest_over_floor", round(ingest / floor));
        out.put("ingest_over_read_write_floor", round(ingest / (floor + write)));
        out.put("parquet_mb", last == null ? 0 : round(last.manifest().parts().stream()
                .mapToLong(p -> p.bytes()).sum() / 1e6));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        return out;
    }

    /** Reads every array an ingest reads (all rows, flat) with jHDF and nothing else. */
    public static double timeFloor(Path file) {
        long s = System.nanoTime();
        long sink = 0;
        try (HdfFile hdf = new HdfFile(file)) {
            for (String key : List.of("observations", "actions", "rewards", "terminals", "timeouts",
                    "next_observations", "infos/qpos", "infos/qvel")) {
                if (new Hdf5Columns(file, hdf).find(key) == null) {
                    continue;
                }
                Dataset d = hdf.getDatasetByPath(key);
                Object data = d.getDataFlat();
                sink += data.hashCode() & 1;
            }
        }
        double seconds = (System.nanoTime() - s) / 1e9;
        return sink < 0 ? -1 : seconds;
    }

    /** Writes every row of {@code data} as one Parquet part with parquet-mr's column writers, and nothing else. */
    static double timeWrite(Path file, io.oris.storage.TransitionArrays data) {
        try {
            Files.deleteIfExists(file);
            long s = System.nanoTime();
            new io.oris.storage.parquet.TransitionParquetWriter().write(file, data, 0, data.rows());
            double seconds = (System.nanoTime() - s) / 1e9;
            Files.deleteIfExists(file);
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isChunked(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            return hdf.getDatasetByPath("observations") instanceof io.jhdf.api.dataset.ChunkedDataset;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
