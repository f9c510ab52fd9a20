package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.Sha256;
import io.oris.storage.TransitionArrays;
import io.oris.storage.TransitionBuilder;
import io.oris.storage.table.ColumnType;
import io.oris.storage.table.TableSchema;
import io.oris.storage.table.TableWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installed Parquet dataset (its part and its manifest.json) corrupted eight ways: {@code oris datasets verify}
 * and {@code oris datasets subset} (a command that reads the dataset) name the damaged file and what was expected
 * and found, exit 3, and the subset writes nothing.
 */
class ParquetDatasetFuzzTest {
    private static final String ID = "tiny";

    @TempDir
    Path root;

    private Path part;
    private Path manifest;

    @BeforeEach
    void aDataset() {
        TransitionBuilder b = new TransitionBuilder(11, 3, 0, 0);
        for (int t = 0; t < 200; t++) {
            b.add(t / 50, t % 50, new float[11], new float[3], 1f, new float[11], false, t % 50 == 49, null, null);
        }
        TransitionArrays data = b.build();
        DatasetStore store = new DatasetStore(root);
        Manifest m = store.write(ID, data, new DatasetDescription(data.dims("hopper"), "fp",
                new Manifest.Source("collect", List.of(), "float32", null), new Manifest.Made("test", null, null, null),
                null), false);
        part = store.layout().dataset(ID).resolve(m.parts().get(0).file());
        manifest = store.layout().dataset(ID).resolve("manifest.json");
    }

    private void bothRejected(String corruption, String... mustName) {
        RejectedInput.assertRejected(corruption + " (verify)", root,
                new String[] {"datasets", "verify", ID, "--data-root", root.toString()}, mustName);
        RejectedInput.assertRejected(corruption + " (subset)", root,
                new String[] {"datasets", "subset", ID, "--fraction", "0.5", "--data-root", root.toString()}, mustName);
    }

    private ObjectNode manifestJson() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
    }

    private void writeManifest(ObjectNode json) throws Exception {
        Files.writeString(manifest, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    @Test
    void theIntactDatasetVerifiesAndSubsets() {
        CliRun ok = CliRun.of("datasets", "verify", ID, "--data-root", root.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        CliRun subset = CliRun.of("datasets", "subset", ID, "--fraction", "0.5", "--data-root", root.toString());
        assertEquals(0, subset.code(), subset.out() + subset.err());
    }

    @Test
    void truncatedPart() throws Exception {
        long size = Files.size(part);
        RejectedInput.truncate(part, 0.5);
        bothRejected("truncated part", part.toString(), "size " + (size / 2) + " bytes", "manifest says " + size);
    }

    @Test
    void changedBytesOfTheSameSize() throws Exception {
        byte[] b = Files.readAllBytes(part);
        b[b.length / 2] ^= 0x5a;
        Files.write(part, b);
        bothRejected("flipped byte", part.toString(), "SHA-256");
    }

    @Test
    void missingPart() throws Exception {
        Files.delete(part);
        bothRejected("missing part", part.toString(), "missing");
    }

    @Test
    void manifestOfGarbage() throws Exception {
        RejectedInput.garbage(manifest, 700);
        bothRejected("manifest garbage", manifest.toString(), "line 1, column 2: is not valid JSON: Illegal character");
    }

    @Test
    void manifestWithoutItsParts() throws Exception {
        ObjectNode json = manifestJson();
        json.remove("parts");
        writeManifest(json);
        bothRejected("manifest missing parts", manifest.toString(), "field 'parts': missing or empty; expected the list");
    }

    @Test
    void manifestFieldOfTheWrongType() throws Exception {
        ObjectNode json = manifestJson();
        json.put("rows", "many");
        writeManifest(json);
        bothRejected("manifest wrong type", manifest.toString(), "field 'rows' (line ", "expected an integer, found \"many\"");
    }

    /** Points the manifest's entry of the part at the part's present bytes, so only reading it can tell. */
    private void matchTheManifestToThePart() throws Exception {
        ObjectNode json = manifestJson();
        ObjectNode entry = (ObjectNode) json.get("parts").get(0);
        entry.put("bytes", Files.size(part));
        entry.put("sha256", Sha256.ofFile(part));
        writeManifest(json);
    }

    @Test
    void aPartOfTheWrongWidthWhoseManifestEntryMatches() throws Exception {
        TransitionBuilder b = new TransitionBuilder(10, 3, 0, 0);
        for (int t = 0; t < 200; t++) {
            b.add(t / 50, t % 50, new float[10], new float[3], 1f, new float[10], false, t % 50 == 49, null, null);
        }
        Files.delete(part);
        new io.oris.storage.parquet.TransitionParquetWriter().write(part, b.build(), 0, 200);
        matchTheManifestToThePart();
        RejectedInput.assertRejected("part of the wrong width (subset)", root,
                new String[] {"datasets", "subset", ID, "--fraction", "0.5", "--data-root", root.toString()},
                part.toString(), "column 'obs': has 10 values in a row, expected 11");
    }

    @Test
    void aPartOfAnotherSchemaWhoseManifestEntryMatches() throws Exception {
        TableSchema other = TableSchema.builder("not_transitions").column("step", ColumnType.LONG)
                .column("score", ColumnType.DOUBLE).build();
        Files.delete(part);
        try (TableWriter w = TableWriter.open(other, part)) {
            for (int i = 0; i < 200; i++) {
                w.write((long) i, 0.5);
            }
        }
        matchTheManifestToThePart();
        RejectedInput.assertRejected("part of another schema (subset)", root,
                new String[] {"datasets", "subset", ID, "--fraction", "0.5", "--data-root", root.toString()},
                part.toString(), "column 'episode': missing; expected the transition schema", "found columns [step, score]");
    }
}
