package io.oris.storage;

import io.oris.storage.parquet.TransitionParquetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a dataset's files against its manifest: every part is there, has the recorded size and SHA-256, and its
 * Parquet footer holds the recorded number of rows. Run by {@code oris datasets verify}, {@code datasets show} and
 * before every read ({@link DatasetStore#read}), so a damaged file is named by its path instead of surfacing as a
 * Parquet decoding error deep inside a stage.
 */
public final class DatasetVerifier {
    /** One checked part: its path and what is wrong with it (null when intact). */
    public record PartCheck(Path file, String problem) {
        public boolean intact() {
            return problem == null;
        }
    }

    private DatasetVerifier() {
    }

    /**
     * Checks every part of {@code id}; {@code checksums} false skips the SHA-256 (sizes and footers only, for a quick
     * look). The manifest itself must be readable (a missing or malformed one fails naming the file).
     */
    public static List<PartCheck> check(DatasetStore store, String id, boolean checksums) {
        Manifest m = store.manifest(id);
        Path dir = store.layout().dataset(id);
        List<PartCheck> out = new ArrayList<>();
        long rows = 0;
        for (Manifest.Part part : m.parts()) {
            Path file = dir.resolve(part.file());
            out.add(new PartCheck(file, problem(file, part, checksums)));
            rows += part.rows();
        }
        if (rows != m.rows()) {
            out.add(new PartCheck(dir.resolve(DataRoot.MANIFEST), "the parts hold " + rows + " rows, the manifest says "
                    + m.rows()));
        }
        return out;
    }

    private static String problem(Path file, Manifest.Part part, boolean checksums) {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
        if (size != part.bytes()) {
            return "size " + size + " bytes, the manifest says " + part.bytes() + " (truncated or rewritten)";
        }
        if (checksums && part.sha256() != null) {
            String sha = Sha256.ofFile(file);
            if (!sha.equals(part.sha256())) {
                return "SHA-256 " + sha + " differs from the manifest's " + part.sha256() + " (the bytes changed)";
            }
        }
        try {
            long footerRows = TransitionParquetReader.rowCount(file);
            if (footerRows != part.rows()) {
                return "Parquet footer holds " + footerRows + " rows, the manifest says " + part.rows();
            }
        } catch (RuntimeException e) {
            return "not a readable Parquet file (" + rootMessage(e) + ")";
        }
        return null;
    }

    /** Fails with a {@link BadInputException} naming the first damaged part of {@code id}, if any. */
    public static void requireIntact(DatasetStore store, String id) {
        for (PartCheck c : check(store, id, true)) {
            if (!c.intact()) {
                throw new BadInputException(c.file(), "", "part of dataset '" + id + "' is damaged: " + c.problem()
                        + "; rerun the stage that made it (its output is replaced) or `oris datasets verify " + id + "`");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("org\\.apache\\.parquet\\.io\\.LocalInputFile@[0-9a-f]+", "the file");
    }
}
