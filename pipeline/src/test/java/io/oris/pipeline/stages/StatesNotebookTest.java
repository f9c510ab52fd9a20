package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.sweep.GanSpec;
import io.oris.pipeline.cli.OrisCli;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.pipeline.report.NotebookRunner;
import io.oris.storage.DatasetStore;
import io.oris.storage.ShippedDatasets;
import io.oris.storage.csv.CsvFiles;
import io.oris.storage.csv.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The states notebook end to end: the shipped dataset, a GAN trained by the pretrain-gan stage's own code (few steps),
 * {@code oris datasets export} and {@code oris gan sample} writing the two CSV files, and
 * {@code notebooks/states.ipynb} executed headless on them; its per-dimension table must show the dataset's means as
 * computed here from the exported file.
 */
class StatesNotebookTest {
    private static final String DATASET = "hopper-medium-replay-oris";

    @TempDir
    Path root;

    @Test
    void exportSampleAndNotebook() throws Exception {
        ShippedDatasets.onClasspath().install(DATASET, new DatasetStore(root));
        GanSpec gan = new GanSpec(DATASET, Map.of("steps", 300, "curveEvery", 100), 0);
        PretrainGanStage.train(PretrainGanStage.Job.of(gan), root);
        Path ganDir = GanArtifacts.dir(root, gan);
        assertTrue(Files.isRegularFile(GanArtifacts.description(ganDir)), "the stage writes gan.json beside gan.bin");

        Path dataCsv = root.resolve("dataset.csv");
        Path ganCsv = root.resolve("gan.csv");
        CommandLine cli = OrisCli.commandLine();
        assertEquals(0, cli.execute("datasets", "export", DATASET, "--out", dataCsv.toString(), "--limit", "2000",
                "--data-root", root.toString()));
        assertEquals(0, cli.execute("gan", "sample", gan.folderName(), "--n", "2000", "--out", ganCsv.toString(),
                "--data-root", root.toString()));
        CsvTable data = CsvFiles.read(dataCsv);
        CsvTable fake = CsvFiles.read(ganCsv);
        assertEquals(2000, data.rows().size());
        assertEquals(2000, fake.rows().size());
        assertEquals(11, data.header().size(), "hopper states have 11 dimensions");
        assertEquals(data.header(), fake.header());
        assertEquals(3, cli.execute("gan", "sample", "no-such-gan", "--out", root.resolve("x.csv").toString(),
                "--data-root", root.toString()), "an unknown GAN is bad input (exit 3)");
        assertTrue(Files.notExists(root.resolve("x.csv")), "nothing is written for an unknown GAN");

        String why = NotebookRunner.missingPython();
        Assumptions.assumeTrue(why == null, why + ": skipping the notebook execution");
        String output = execute(dataCsv, ganCsv);
        double mean0 = data.rows().stream().mapToDouble(r -> Double.parseDouble(r.cells().get(0))).average().orElseThrow();
        assertTrue(output.contains("2000 dataset states and 2000 generated states, 11 dimensions"), output);
        assertTrue(output.contains(String.format("%.4f", mean0)) || output.contains(String.format("%.3f", mean0)),
                "the notebook's table shows the dataset's mean of s0 (" + mean0 + "):\n" + output);
    }

    private String execute(Path dataCsv, Path ganCsv) throws Exception {
        NotebookRunner.Outputs out = NotebookRunner.execute("states.ipynb", root.resolve("nb"),
                Map.of("ORIS_STATES_DATASET_CSV", dataCsv.toString(), "ORIS_STATES_GAN_CSV", ganCsv.toString()));
        assertTrue(out.images() >= 1, "expected the histogram figure, found no image");
        return out.text();
    }
}
