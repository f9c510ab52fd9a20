package io.oris.storage;

import io.oris.storage.parquet.TransitionParquetReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The datasets under a data root: list them, read their manifests, load one into arrays for a learner,
 * and write new ones atomically. This is the API every stage uses for transition data:
 * <pre>{@code
 * DatasetStore store = new DatasetStore(dataRoot);
 * TransitionArrays data = store.read("hopper-medium-replay-v2");          // learners
 * store.write("hopper-random-collected", arrays, description, false);     // collect
 * }</pre>
 */
public final class DatasetStore {
    /** Rows per part file when writing from memory (2 parts per million rows, one thread per part). */
    static final int ROWS_PER_PART = 500_000;

    private final DataRoot layout;

    /** A store over the data root folder (created on first write). */
    public DatasetStore(Path dataRoot) {
        this.layout = new DataRoot(dataRoot);
    }

    /** The folder layout. */
    public DataRoot layout() {
        return layout;
    }

    /** Ids of the complete datasets (folders with a manifest), sorted. */
    public List<String> list() {
        Path dir = layout.datasets();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(DataRoot.MANIFEST)))
                    .map(p -> p.getFileName().toString())
                    .filter(name -> DataRoot.ID.matcher(name).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True if a complete dataset with this id exists. */
    public boolean exists(String id) {
        return Files.isRegularFile(layout.manifest(id));
    }

    /** The manifest of a dataset; a missing one fails naming the id and the known ids. */
    public Manifest manifest(String id) {
        Path file = layout.manifest(id);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no dataset '" + id + "' under " + layout.datasets() + " (have: "
                    + (list().isEmpty() ? "none" : String.join(", ", list())) + ")");
        }
        return ManifestJson.read(file);
    }

    /** The dataset's Parquet part files in read order. */
    public List<Path> partFiles(String id) {
        Manifest m = manifest(id);
        List<Path> files = new ArrayList<>();
        for (Manifest.Part part : m.parts()) {
            files.add(layout.dataset(id).resolve(part.file()));
        }
        return files;
    }

    /**
     * Loads a whole dataset into primitive arrays (qpos/qvel included when the dataset has them), after checking
     * its parts against the manifest ({@link DatasetVerifier}: a damaged part fails naming its path). Rows come
     * in part order, which is the order they were written: episodes contiguous, steps ascending.
     */
    public TransitionArrays read(String id) {
        Manifest m = manifest(id);
        DatasetVerifier.requireIntact(this, id);
        return TransitionParquetReader.read(partFiles(id), m.obsDim(), m.actionDim(), m.nq(), m.nv());
    }

    /**
     * Decides what to do before an expensive write: {@link WriteDecision#UNCHANGED} when a dataset with the
     * same fingerprint exists, {@link WriteDecision#WRITE} when the id is free or {@code overwrite} is set;
     * an existing dataset with another fingerprint fails with a message telling to use {@code --overwrite}.
     */
    public WriteDecision decide(String id, String fingerprint, boolean overwrite) {
        if (!exists(id)) {
            return WriteDecision.WRITE;
        }
        Manifest existing = manifest(id);
        if (fingerprint != null && fingerprint.equals(existing.fingerprint())) {
            return WriteDecision.UNCHANGED;
        }
        if (overwrite) {
            return WriteDecision.WRITE;
        }
        String source = existing.source() == null || existing.source().files() == null
                || existing.source().files().isEmpty() ? existing.made() == null ? "?" : existing.made().by()
                : existing.source().files().get(0).path();
        throw new IllegalStateException("dataset '" + id + "' already exists from different input (" + source
                + "); use --overwrite to replace it or choose another id");
    }

    /** Opens a staging folder for a new dataset (see {@link StagedDataset}); close it in a finally block. */
    public StagedDataset stage(String id, boolean overwrite) {
        return new StagedDataset(layout, id, overwrite);
    }

    /**
     * Writes in-memory transitions as a dataset, atomically, and returns its manifest. Large data is split
     * into parts written in parallel. With {@code overwrite} false an existing id fails.
     */
    public Manifest write(String id, TransitionArrays data, DatasetDescription description, boolean overwrite) {
        checkDims(data, description.dims());
        try (StagedDataset stage = stage(id, overwrite)) {
            writeParts(stage, data);
            return stage.commit(description);
        }
    }

    /** Writes {@code data} into the stage as one or more parts, in parallel when there are several. */
    public static void writeParts(StagedDataset stage, TransitionArrays data) {
        int rows = data.rows();
        int parts = Math.max(1, (rows + ROWS_PER_PART - 1) / ROWS_PER_PART);
        if (parts == 1) {
            stage.writePart(data);
            return;
        }
        int threads = Math.min(parts, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "oris-parquet-writer");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) rows * p / parts);
                int to = (int) ((long) rows * (p + 1) / parts);
                int index = p;
                futures.add(pool.submit(() -> stage.addPartAt(index, data, from, to)));
            }
            ExecutionException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get(); // wait for every part, so none is still writing when the stage is deleted
                } catch (ExecutionException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + stage.id(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("writing " + stage.id() + " failed: " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkDims(TransitionArrays data, EnvDims dims) {
        if (data.obsDim() != dims.obsDim() || data.actionDim() != dims.actionDim() || data.nq() != dims.nq()
                || data.nv() != dims.nv()) {
            throw new IllegalArgumentException("data dims (obs " + data.obsDim() + ", action " + data.actionDim()
                    + ", nq " + data.nq() + ", nv " + data.nv() + ") differ from the description's " + dims);
        }
    }

    /** Outcome of {@link #decide}. */
    public enum WriteDecision {
        /** Write (the id is free, or overwrite was asked). */
        WRITE,
        /** A dataset with the same fingerprint already exists: nothing to do. */
        UNCHANGED
    }
}
