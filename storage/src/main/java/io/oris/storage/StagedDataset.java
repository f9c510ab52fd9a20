package io.oris.storage;

import io.oris.storage.parquet.PartSummary;
import io.oris.storage.parquet.TransitionParquetWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dataset being written: Parquet parts go into a temporary folder under {@code .staging/}; {@link #commit}
 * writes the manifest and renames the folder into {@code datasets/<id>} in one move; {@link #close}
 * without a commit deletes everything. A crash therefore never leaves a dataset folder that looks
 * finished. Parts may be written from several threads, or by Spark tasks into {@link #dir()} and
 * registered with {@link #addPart}.
 */
public final class StagedDataset implements AutoCloseable {
    private final DataRoot layout;
    private final String id;
    private final Path dir;
    private final boolean overwrite;
    private final AtomicInteger nextPart = new AtomicInteger();
    private final List<PartSummary> parts = new ArrayList<>();
    private boolean committed;

    StagedDataset(DataRoot layout, String id, boolean overwrite) {
        this.layout = layout;
        this.id = DataRoot.checkId(id);
        this.overwrite = overwrite;
        try {
            Files.createDirectories(layout.staging());
            this.dir = Files.createDirectory(layout.staging().resolve(id + "." + UUID.randomUUID()));
            Files.createDirectory(dir.resolve(DataRoot.DATA));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create staging folder under " + layout.staging() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The dataset id this will become. */
    public String id() {
        return id;
    }

    /** The temporary dataset folder. */
    public Path dir() {
        return dir;
    }

    /** The folder parts go into (for parts written by other processes, e.g. Spark tasks on a shared file system). */
    public Path partsDir() {
        return dir.resolve(DataRoot.DATA);
    }

    /** Path of part number {@code index} in the staging folder ({@code data/part-00007.parquet}). */
    public Path partPath(int index) {
        return partsDir().resolve(partName(index));
    }

    /** File name of part number {@code index}. */
    public static String partName(int index) {
        return String.format("part-%05d.parquet", index);
    }

    /** Writes all rows of {@code data} as the next part (thread-safe). */
    public PartSummary writePart(TransitionArrays data) {
        return writePart(data, 0, data.rows());
    }

    /** Writes rows {@code [from, to)} as the next part (thread-safe). */
    public PartSummary writePart(TransitionArrays data, int from, int to) {
        Path file = partPath(nextPart.getAndIncrement());
        PartSummary summary = new TransitionParquetWriter().write(file, data, from, to);
        addPart(summary);
        return summary;
    }

    /** Writes rows {@code [from, to)} as part number {@code index} (thread-safe; for ordered parallel writes). */
    PartSummary addPartAt(int index, TransitionArrays data, int from, int to) {
        PartSummary summary = new TransitionParquetWriter().write(partPath(index), data, from, to);
        addPart(summary);
        return summary;
    }

    /** Registers a part written directly into {@link #partsDir()} by someone else. */
    public synchronized void addPart(PartSummary summary) {
        if (!Files.isRegularFile(partsDir().resolve(summary.fileName()))) {
            throw new IllegalArgumentException("part " + summary.fileName() + " is not in " + partsDir());
        }
        parts.add(summary);
    }

    /**
     * Writes the manifest and moves the folder into place. An existing dataset with the id is replaced
     * only when the stage was opened with overwrite; otherwise the commit fails and nothing changes.
     *
     * @return the manifest written
     */
    public synchronized Manifest commit(DatasetDescription description) {
        if (committed) {
            throw new IllegalStateException("dataset " + id + " already committed");
        }
        List<PartSummary> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparing(PartSummary::fileName));
        PartSummary all = PartSummary.merge(sorted);
        if (all.rows() == 0) {
            throw new IllegalStateException("dataset " + id + " has no transitions: nothing to commit");
        }
        EnvDims d = description.dims();
        List<Manifest.Part> partList = sorted.stream()
                .map(p -> new Manifest.Part(DataRoot.DATA + "/" + p.fileName(), p.rows(), p.bytes(),
                        Sha256.ofFile(partsDir().resolve(p.fileName())))).toList();
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, id, d.env(), d.obsDim(), d.actionDim(), d.nq(),
                d.nv(), all.rows(), all.returns().size(),
                ReturnStats.of(all.returns().values(), all.lengths().values(), d.env()),
                description.fingerprint(), description.source(),
                withTime(description.made()), description.lineage(), partList);
        ManifestJson.write(manifest, dir.resolve(DataRoot.MANIFEST));
        moveIntoPlace();
        committed = true;
        return manifest;
    }

    /**
     * Moves a staging folder that already holds a finished dataset, its {@code manifest.json} included (a verified
     * copy of a shipped dataset), into place unchanged.
     */
    synchronized void commitCopy() {
        if (committed) {
            throw new IllegalStateException("dataset " + id + " already committed");
        }
        if (!Files.isRegularFile(dir.resolve(DataRoot.MANIFEST))) {
            throw new IllegalStateException("staging folder " + dir + " has no " + DataRoot.MANIFEST + ": nothing to commit");
        }
        moveIntoPlace();
        committed = true;
    }

    private static Manifest.Made withTime(Manifest.Made made) {
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return made == null ? new Manifest.Made("unknown", at, null, null)
                : new Manifest.Made(made.by(), made.at() == null ? at : made.at(), made.options(), made.notes());
    }

    private void moveIntoPlace() {
        Path target = layout.dataset(id);
        try {
            Files.createDirectories(target.getParent());
            Path old = null;
            if (Files.exists(target)) {
                if (!overwrite) {
                    throw new IllegalStateException("dataset '" + id + "' already exists at " + target
                            + " (use --overwrite to replace it)");
                }
                old = layout.staging().resolve(id + ".replaced." + UUID.randomUUID());
                move(target, old);
            }
            move(dir, target);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + dir + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        AtomicPublish.move(from, to, false);
    }

    /** Deletes the staging folder unless committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) {
        AtomicPublish.deleteRecursively(root);
    }
}
