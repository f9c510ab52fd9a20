package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes one of the project's notebooks headless for the notebook tests (nbclient through
 * {@code /notebook/run_notebook.py}, Debian's {@code python3-nbclient python3-ipykernel python3-pandas
 * python3-matplotlib}) and returns what its cells printed, failing on any cell error.
 */
public final class NotebookRunner {
    /** The Python the launcher installs the notebook packages for. */
    public static final String PYTHON = "/usr/bin/python3";

    private NotebookRunner() {
    }

    /** Why the notebooks cannot run here (the Python or a package is missing), or null when they can. */
    public static String missingPython() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import nbclient, ipykernel, pandas, matplotlib, numpy")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : PYTHON
                    + " lacks a package (python3-nbclient python3-ipykernel python3-pandas python3-matplotlib): "
                    + out.trim();
        } catch (IOException e) {
            return PYTHON + " cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** What an executed notebook printed (stdout and text/plain results) and how many images it drew. */
    public record Outputs(String text, int images) {
    }

    /**
     * Runs {@code notebooks/<name>} with the given environment variables in {@code work} and returns its outputs;
     * fails when the run does not finish in 10 minutes, exits non-zero or any cell has an error output.
     */
    public static Outputs execute(String name, Path work, Map<String, String> env) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path runner = work.resolve("run_notebook.py");
        try (InputStream in = NotebookRunner.class.getResourceAsStream("/notebook/run_notebook.py")) {
            Files.copy(in, runner, StandardCopyOption.REPLACE_EXISTING);
        }
        Path notebook = Path.of("..", "notebooks", name).toAbsolutePath().normalize();
        Path executed = work.resolve("executed.ipynb");
        ProcessBuilder pb = new ProcessBuilder(PYTHON, runner.toString(), notebook.toString(), executed.toString(),
                work.toString()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("MPLBACKEND", "module://matplotlib_inline.backend_inline");
        pb.environment().put("PATH", "/usr/bin:/bin:" + pb.environment().getOrDefault("PATH", ""));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "notebook " + name + " did not finish in 10 minutes:\n" + log);
        assertEquals(0, p.exitValue(), "a cell of notebooks/" + name + " failed (" + env + "):\n" + log);
        JsonNode nb = new ObjectMapper().readTree(executed.toFile());
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonNode cell : nb.get("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                assertTrue(!out.path("output_type").asText().equals("error"), "cell error: " + out);
                out.path("text").forEach(t -> text.append(t.asText()));
                JsonNode data = out.path("data");
                data.path("text/plain").forEach(t -> text.append(t.asText()));
                if (data.has("image/png")) {
                    images++;
                }
            }
        }
        return new Outputs(text.toString(), images);
    }
}
