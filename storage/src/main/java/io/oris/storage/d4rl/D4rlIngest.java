package io.oris.storage.d4rl;

import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.Manifest;
import io.oris.storage.Sha256;
import io.oris.storage.StagedDataset;
import io.oris.storage.TransitionArrays;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.parquet.PartSummary;
import io.oris.storage.parquet.TransitionParquetWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingests D4RL files into the dataset store: inspect, fingerprint (sha256 of the file + options), skip if
 * unchanged, read, write parts into a staging folder, commit. {@link #ingest} does it all in this JVM;
 * {@link #prepare}, {@link #writeRange} and {@link StagedDataset#commit} are the same steps split so a
 * Spark job can run one task per row range.
 */
public final class D4rlIngest {
    /** Rows per range below which a file is not split further for threads. */
    static final int RANGE_ROWS = 100_000;

    private D4rlIngest() {
    }

    /**
     * Converts one D4RL file into a dataset in this JVM, using every core: the file's row ranges are read
     * and written as parts in parallel while the file is hashed.
     *
     * @param id        dataset id, or null for the default from the file name ({@code hopper-medium-replay-v2})
     * @param overwrite replace an existing dataset made from different input
     */
    public static IngestResult ingest(DatasetStore store, Path file, String id, D4rlOptions options, boolean overwrite) {
        return ingest(store, file, id, options, overwrite, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Same, reading and writing row ranges on {@code threads} threads (plus one hashing the file). Inside a
     * Spark task, pass 1 (the task slot is one core) or use the pipeline's row-range job instead.
     */
    public static IngestResult ingest(DatasetStore store, Path file, String id, D4rlOptions options, boolean overwrite,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        long start = System.nanoTime();
        Path abs = checkFile(file);
        D4rlLayout layout = D4rlLayout.inspect(abs, options.env());
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1, r -> {
            Thread t = new Thread(r, "oris-d4rl-ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            // hash while the row ranges are read and written (the same tasks as the Spark job, on threads);
            // the fingerprint is only needed at the commit
            Future<String> sha = pool.submit(() -> Sha256.ofFile(abs));
            String datasetId = id != null ? id : defaultId(abs, layout.dims().env());
            if (store.exists(datasetId)) {
                // same input again: a no-op; different input: refused unless overwrite (decided before writing)
                Plan plan = plan(store, abs, layout, id, options, overwrite, join(sha));
                if (plan.unchanged() != null) {
                    return new IngestResult(plan.id(), IngestResult.Status.UNCHANGED, plan.unchanged(), seconds(start));
                }
            }
            try (StagedDataset stage = store.stage(datasetId, overwrite)) {
                int parts = Math.max(1, Math.min(threads, (layout.rows() + RANGE_ROWS - 1) / RANGE_ROWS));
                List<Future<PartSummary>> written = new ArrayList<>();
                for (D4rlLayout.RowRange range : layout.split(parts)) {
                    written.add(pool.submit(() -> writeRange(stage.partsDir(), layout, options, range)));
                }
                try {
                    for (Future<PartSummary> f : written) {
                        stage.addPart(join(f));
                    }
                } catch (RuntimeException e) {
                    awaitAll(written); // no thread may still write into the staging folder when it is deleted
                    throw e;
                }
                Plan plan = plan(store, abs, layout, id, options, overwrite, join(sha));
                Manifest m = stage.commit(plan.description());
                return new IngestResult(plan.id(), IngestResult.Status.WRITTEN, m, seconds(start));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitAll(List<? extends Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException ignored) {
                // the first failure is the one reported
            }
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static Path checkFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new IllegalArgumentException("no such file: " + abs);
        }
        return abs;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Inspects the file, hashes it and decides: the returned plan either carries the existing manifest
     * ({@link Plan#unchanged()} not null: nothing to do) or everything needed to write the dataset.
     */
    public static Plan prepare(DatasetStore store, Path file, String id, D4rlOptions options, boolean overwrite) {
        Path abs = checkFile(file);
        D4rlLayout layout = D4rlLayout.inspect(abs, options.env());
        return plan(store, abs, layout, id, options, overwrite, Sha256.ofFile(abs));
    }

    private static Plan plan(DatasetStore store, Path abs, D4rlLayout layout, String id, D4rlOptions options,
            boolean overwrite, String sha) {
        String datasetId = id != null ? id : defaultId(abs, layout.dims().env());
        String fingerprint = Sha256.ofString("d4rl|" + sha + "|" + options.canonical(layout.dims().env()));
        DatasetStore.WriteDecision decision = store.decide(datasetId, fingerprint, overwrite);
        Manifest unchanged = decision == DatasetStore.WriteDecision.UNCHANGED ? store.manifest(datasetId) : null;
        return new Plan(datasetId, layout, options, describe(abs, sha, fingerprint, layout, options), unchanged);
    }

    /** The default dataset id: from a D4RL file name, else the file stem lower-cased with dashes. */
    public static String defaultId(Path file, String env) {
        String name = file.getFileName().toString();
        return D4rlEnvs.parseFileName(name).map(D4rlEnvs.FileName::datasetId).orElseGet(() -> {
            String stem = name.replaceAll("\\.(hdf5|h5)$", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-")
                    .replaceAll("^-+|-+$", "");
            return stem.startsWith(env) ? stem : env + "-" + stem;
        });
    }

    private static DatasetDescription describe(Path file, String sha, String fingerprint, D4rlLayout layout,
            D4rlOptions options) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        D4rlEnvs.parseFileName(file.getFileName().toString()).ifPresent(f -> attributes.put("d4rlDataset", f.dataset()));
        attributes.put("keys", layout.keys());
        attributes.put("fileRows", layout.rows());
        attributes.put("fileTerminals", layout.terminals());
        attributes.put("fileTimeouts", layout.timeouts());
        for (Map.Entry<String, Object> e : layout.metadata().entrySet()) {
            attributes.put("metadata/" + e.getKey(), e.getValue());
        }
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("env", layout.dims().env());
        opts.put("keepTimeouts", options.keepTimeouts());
        List<String> notes = new ArrayList<>();
        if (options.keepTimeouts()) {
            notes.add("timeout steps kept (timeout = true on them); done = terminals");
        } else {
            notes.add("dropped " + layout.timeouts() + " timeout-step transitions (D4RL convention); done = terminals;"
                    + " the row before each dropped step has timeout = true");
        }
        if (!layout.hasNextObs()) {
            notes.add("no next_observations in the file: next_obs = observations[i+1] (D4RL qlearning_dataset rule);"
                    + " the file's last row was dropped");
        }
        if ("float64".equals(layout.dtype())) {
            notes.add("float64 arrays narrowed to float32 (qpos/qvel kept as float64)");
        }
        if (layout.dims().nq() == 0) {
            notes.add("no infos/qpos + infos/qvel in the file: no qpos/qvel columns");
        }
        return new DatasetDescription(layout.dims(), fingerprint,
                new Manifest.Source("d4rl", List.of(new Manifest.SourceFile(file.toString(), sha, bytes)),
                        layout.dtype(), attributes),
                new Manifest.Made("oris ingest d4rl", null, opts, notes), null);
    }

    /**
     * Reads one row range and writes it as part {@code range.index()} into {@code partsDir} (a staging
     * folder's {@link StagedDataset#partsDir()}).
     */
    public static PartSummary writeRange(Path partsDir, D4rlLayout layout, D4rlOptions options,
            D4rlLayout.RowRange range) {
        TransitionArrays data = D4rlReader.read(layout, options, range);
        Path part = partsDir.resolve(StagedDataset.partName(range.index()));
        return new TransitionParquetWriter().write(part, data, 0, data.rows());
    }

    /**
     * A prepared ingest of one file.
     *
     * @param id          dataset id
     * @param layout      the file's layout
     * @param options     conversion options
     * @param description manifest inputs for the commit
     * @param unchanged   the existing manifest when the same input was already ingested, else null
     */
    public record Plan(String id, D4rlLayout layout, D4rlOptions options, DatasetDescription description,
            Manifest unchanged) {
    }
}
