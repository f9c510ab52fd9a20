package io.oris.storage;

import io.oris.storage.parquet.TransitionParquetReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Datasets that ship with oris, so the demo, the learning checks and the reproduction never wait for
 * collection: the repository's {@code jobs/data/<id>/} folders (each exactly as {@link DatasetStore} writes a
 * dataset: {@code manifest.json} + {@code data/part-*.parquet}) and {@code jobs/data/index.txt} (their ids, one a
 * line) are packaged into the storage jar under {@value #RESOURCE_DIR}/. {@link #install} copies one into a data
 * root the way every write goes there: into {@code .staging/}, checked against its manifest (rows and bytes of
 * every part), then renamed into {@code datasets/<id>}; a copy with the same fingerprint already there is left
 * alone. A job's {@code {shipped: ID}} entry and {@code oris datasets install ID} call it.
 *
 * <p>{@link #onClasspath()} reads the jar (or {@code target/classes}); {@link #ShippedDatasets(Path)} reads a folder
 * laid out like {@code jobs/data} (its sub-folders with a manifest), for tests and for datasets not yet built in.
 */
public final class ShippedDatasets {
    /** Classpath folder of the shipped datasets. */
    public static final String RESOURCE_DIR = "oris-shipped";
    /** The index file listing the shipped ids, in {@link #RESOURCE_DIR} (and in {@code jobs/data/}). */
    public static final String INDEX = "index.txt";

    /** Opens a file of the shipped tree by its path relative to the tree's root; null when it does not exist. */
    private interface Opener {
        InputStream open(String relative) throws IOException;
    }

    private final String where;
    private final Opener opener;
    private final Path folder;

    private ShippedDatasets(String where, Opener opener, Path folder) {
        this.where = where;
        this.opener = opener;
        this.folder = folder;
    }

    /** The datasets packaged into the storage jar (read through this class's class loader). */
    public static ShippedDatasets onClasspath() {
        return new ShippedDatasets(ShippedDatasets.class.getClassLoader());
    }

    /** The datasets under {@value #RESOURCE_DIR}/ of a class loader's classpath, listed by its {@value #INDEX}. */
    public ShippedDatasets(ClassLoader loader) {
        this("the classpath (" + RESOURCE_DIR + "/, built from jobs/data/)", relative -> loader.getResourceAsStream(RESOURCE_DIR + "/" + relative),
                null);
    }

    /** The datasets in a folder laid out like {@code jobs/data}: every sub-folder with a {@code manifest.json}. */
    public ShippedDatasets(Path folder) {
        this(folder.toAbsolutePath().normalize().toString(), relative -> {
            Path file = folder.resolve(relative);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }, folder.toAbsolutePath().normalize());
    }

    /** Where the datasets are read from, for messages. */
    public String where() {
        return where;
    }

    /** The shipped ids, sorted (none when there is no index or folder). */
    public List<String> ids() {
        return folder != null ? folderIds(folder) : indexIds();
    }

    /** True if a dataset with this id ships. */
    public boolean has(String id) {
        return ids().contains(id);
    }

    /** The manifest of a shipped dataset; an unknown id fails naming it and the shipped ids. */
    public Manifest manifest(String id) {
        if (!has(id)) {
            throw new IllegalArgumentException("no shipped dataset '" + id + "' in " + where + " (shipped: "
                    + (ids().isEmpty() ? "none" : String.join(", ", ids())) + ")");
        }
        String name = id + "/" + DataRoot.MANIFEST;
        try (InputStream in = open(name)) {
            Manifest m = ManifestJson.read(in, where + "/" + name);
            if (!id.equals(m.id())) {
                throw new IllegalStateException(where + "/" + name + ": id is '" + m.id() + "', expected '" + id
                        + "' (the folder name); make the dataset with that id (oris collect ... --id " + id + ")");
            }
            if (m.fingerprint() == null || m.parts() == null || m.parts().isEmpty()) {
                throw new IllegalStateException(where + "/" + name + ": " + (m.fingerprint() == null ? "no 'fingerprint'"
                        : "no 'parts'") + "; expected a manifest as the dataset store writes it");
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + "/" + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Installs a shipped dataset into the store's data root as {@code datasets/<id>}, atomically. Returns
     * {@link IngestResult.Status#UNCHANGED} when a complete copy with the same fingerprint is already there; a
     * dataset with that id and another fingerprint fails (it is not the shipped one) and is left as it is.
     */
    public IngestResult install(String id, DatasetStore store) {
        long start = System.nanoTime();
        Manifest shipped = manifest(id);
        if (store.exists(id)) {
            Manifest have = store.manifest(id);
            Path dir = store.layout().dataset(id);
            if (!Objects.equals(have.fingerprint(), shipped.fingerprint())) {
                throw new IllegalStateException("dataset '" + id + "' under " + store.layout().datasets()
                        + " is not the shipped one (fingerprint " + have.fingerprint() + ", shipped "
                        + shipped.fingerprint() + "); remove " + dir + " to install the shipped copy");
            }
            for (DatasetVerifier.PartCheck c : DatasetVerifier.check(store, id, false)) {
                if (!c.intact()) {
                    throw new BadInputException(c.file(), "", "part of dataset '" + id + "' is damaged (" + c.problem()
                            + "); remove " + dir + " to install the shipped copy again");
                }
            }
            return new IngestResult(id, IngestResult.Status.UNCHANGED, have, seconds(start));
        }
        try (StagedDataset stage = store.stage(id, false)) {
            long rows = 0;
            for (Manifest.Part part : shipped.parts()) {
                Path file = copy(id + "/" + part.file(), stage.dir(), part.file());
                long bytes = size(file);
                if (bytes != part.bytes()) {
                    throw new IllegalStateException(where + "/" + id + "/" + part.file() + ": " + bytes
                            + " bytes, the manifest says " + part.bytes());
                }
                if (part.sha256() != null && !part.sha256().equals(Sha256.ofFile(file))) {
                    throw new IllegalStateException(where + "/" + id + "/" + part.file() + ": SHA-256 differs from the"
                            + " manifest's " + part.sha256());
                }
                long partRows = TransitionParquetReader.rowCount(file);
                if (partRows != part.rows()) {
                    throw new IllegalStateException(where + "/" + id + "/" + part.file() + ": " + partRows
                            + " rows, the manifest says " + part.rows());
                }
                rows += partRows;
            }
            if (rows != shipped.rows()) {
                throw new IllegalStateException(where + "/" + id + "/" + DataRoot.MANIFEST + ": 'rows' is "
                        + shipped.rows() + ", the parts hold " + rows);
            }
            copy(id + "/" + DataRoot.MANIFEST, stage.dir(), DataRoot.MANIFEST); // last: a folder with a manifest is complete
            stage.commitCopy();
        }
        return new IngestResult(id, IngestResult.Status.WRITTEN, store.manifest(id), seconds(start));
    }

    /** Copies a file of the shipped tree to {@code dir/relative} (which must stay inside {@code dir}). */
    private Path copy(String name, Path dir, String relative) {
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            throw new IllegalStateException(where + "/" + name + ": part path '" + relative
                    + "' leaves the dataset folder; expected e.g. data/part-00000.parquet");
        }
        try (InputStream in = open(name)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + where + "/" + name + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String name) throws IOException {
        InputStream in = opener.open(name);
        if (in == null) {
            throw new IOException(where + "/" + name + " is missing");
        }
        return in;
    }

    private List<String> indexIds() {
        try (InputStream in = opener.open(INDEX)) {
            if (in == null) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String id = line.strip();
                if (id.isEmpty() || id.startsWith("#")) {
                    continue;
                }
                if (!DataRoot.ID.matcher(id).matches()) {
                    throw new IllegalStateException(where + "/" + INDEX + ": '" + id + "' is not a dataset id; expected"
                            + " one id a line (lower-case letters, digits, '.', '-', '_'), '#' for comments");
                }
                ids.add(id);
            }
            return ids.stream().sorted().distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + "/" + INDEX + ": " + e.getMessage(), e);
        }
    }

    private static List<String> folderIds(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(DataRoot.MANIFEST)))
                    .map(p -> p.getFileName().toString())
                    .filter(name -> DataRoot.ID.matcher(name).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
