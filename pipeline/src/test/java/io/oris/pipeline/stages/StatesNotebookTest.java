package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.pipeline.cli.OrisCli;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.storage.DatasetStore;
import io.oris.storage.ShippedDatasets;
import io.oris.storage.csv.CsvFiles;
import io.oris.storage.csv.CsvTable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private static final String PYTHON = "/usr/bin/python3";
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

        String why = missingPython();
        Assumptions.assumeTrue(why == null, why + ": skipping the notebook execution");
        String output = execute(dataCsv, ganCsv);
        double mean0 = data.rows().stream().mapToDouble(r -> Double.parseDouble(r.cells().get(0))).average().orElseThrow();
        assertTrue(output.contains("2000 dataset states and 2000 generated states, 11 dimensions"), output);
        assertTrue(output.contains(String.format("%.4f", mean0)) || output.contains(String.format("%.3f", mean0)),
                "the notebook's table shows the dataset's mean of s0 (" + mean0 + "):\n" + output);
    }

    private static String missingPython() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import nbclient, ipykernel, pandas, matplotlib, numpy")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null
                : PYTHON + " lacks a package (python3-nbclient python3-ipykernel python3-pandas python3-matplotlib): " + out;
    }

    private String execute(Path dataCsv, Path ganCsv) throws Exception {
        Path work = Files.createDirectories(root.resolve("nb"));
        Path runner = work.resolve("run_notebook.py");
        try (InputStream in = StatesNotebookTest.class.getResourceAsStream("/notebook/run_notebook.py")) {
            Files.copy(in, runner, StandardCopyOption.REPLACE_EXISTING);
        }
        Path notebook = Path.of("..", "notebooks", "states.ipynb").toAbsolutePath().normalize();
        Path executed = work.resolve("executed.ipynb");
        ProcessBuilder pb = new ProcessBuilder(PYTHON, runner.toString(), notebook.toString(), executed.toString(),
                work.toString()).redirectErrorStream(true);
        pb.environment().put("ORIS_STATES_DATASET_CSV", dataCsv.toString());
        pb.environment().put("ORIS_STATES_GAN_CSV", ganCsv.toString());
        pb.environment().put("MPLBACKEND", "module://matplotlib_inline.backend_inline");
        pb.environment().put("PATH", "/usr/bin:/bin:" + pb.environment().getOrDefault("PATH", ""));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "notebook did not finish in 10 minutes:\n" + log);
        assertEquals(0, p.exitValue(), "a cell of notebooks/states.ipynb failed:\n" + log);
        JsonNode nb = new ObjectMapper().readTree(executed.toFile());
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonNode cell : nb.get("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                assertTrue(!out.path("output_type").asText().equals("error"), "cell error: " + out);
                out.path("text").forEach(t -> text.append(t.asText()));
                out.path("data").path("text/plain").forEach(t -> text.append(t.asText()));
                if (out.path("data").has("image/png")) {
                    images++;
                }
            }
        }
        assertTrue(images >= 1, "expected the histogram figure, found no image");
        return text.toString();
    }
}
