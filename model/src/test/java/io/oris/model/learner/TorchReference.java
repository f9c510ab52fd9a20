package io.oris.model.learner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the PyTorch reference scripts ({@code bench/reference/*.py} on the classpath, beside the bench's
 * {@code bench/learners_torch.py}) with Debian's {@code /usr/bin/python3} (package {@code python3-torch}): one Python
 * process serves every case of a test class (importing torch once), each case exchanged as a JSON file under
 * {@code target/torch-reference/}, where the files stay for inspection.
 */
final class TorchReference implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";
    static final List<String> SCRIPTS = List.of("torch_reference.py", "common.py", "sac_family.py", "td3bc.py",
            "iql.py", "sql.py", "bc.py");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long START_TIMEOUT_S = 180;
    private static final long CASE_TIMEOUT_S = 120;

    private final Path dir;
    private final Process process;
    private final BufferedWriter toPython;
    private final BufferedReader fromPython;
    private final Path stderr;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "torch-reference-reader");
        t.setDaemon(true);
        return t;
    });

    /** Null when {@code /usr/bin/python3 -c "import torch"} succeeds, else why PyTorch is unavailable. */
    static String unavailable() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " does not exist (install Debian's python3-torch)";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(START_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "'" + PYTHON + " -c \"import torch\"' did not finish in " + START_TIMEOUT_S + " s";
            }
            if (p.exitValue() != 0) {
                String last = out.contains("\n") ? out.substring(out.lastIndexOf('\n') + 1) : out;
                return "'" + PYTHON + " -c \"import torch\"' failed: " + last
                        + " (install Debian's python3-torch)";
            }
            return null;
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking for PyTorch";
        }
    }

    private TorchReference(Path dir) throws IOException, InterruptedException, TimeoutException {
        this.dir = dir;
        Files.createDirectories(dir);
        for (String s : SCRIPTS) {
            try (InputStream in = TorchReference.class.getResourceAsStream("/bench/reference/" + s)) {
                if (in == null) {
                    throw new IOException("bench/reference/" + s + " is missing from the classpath");
                }
                Files.copy(in, dir.resolve(s), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        stderr = dir.resolve("python-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(PYTHON, dir.resolve("torch_reference.py").toString(), "--serve")
                .redirectError(stderr.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        process = pb.start();
        toPython = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        fromPython = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = readLine(START_TIMEOUT_S);
        if (ready == null || !ready.startsWith("ready")) {
            throw new IOException("the PyTorch reference did not start: " + ready + "\n" + stderrText());
        }
    }

    /** Starts the reference server with its scripts and files in {@code dir}. */
    static TorchReference start(Path dir) throws IOException, InterruptedException, TimeoutException {
        return new TorchReference(dir);
    }

    /** Writes {@code input} as {@code name.in.json}, runs the reference on it and returns {@code name.out.json}. */
    JsonNode run(String name, ObjectNode input) throws IOException, InterruptedException, TimeoutException {
        Path in = dir.resolve(name + ".in.json");
        Path out = dir.resolve(name + ".out.json");
        Files.deleteIfExists(out);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(in.toFile(), input);
        toPython.write(in.toAbsolutePath() + "\t" + out.toAbsolutePath() + "\n");
        toPython.flush();
        String answer = readLine(CASE_TIMEOUT_S);
        if (!"ok".equals(answer)) {
            throw new IOException("the PyTorch reference failed on " + in + ": " + answer + "\n" + stderrText());
        }
        return MAPPER.readTree(out.toFile());
    }

    private String readLine(long timeoutS) throws IOException, InterruptedException, TimeoutException {
        Future<String> f = reader.submit(fromPython::readLine);
        try {
            return f.get(timeoutS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("reading from the PyTorch reference failed", e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            process.destroyForcibly();
            throw new TimeoutException("the PyTorch reference gave no answer in " + timeoutS + " s\n" + stderrText());
        }
    }

    private String stderrText() {
        try {
            String s = Files.readString(stderr);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            toPython.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        reader.shutdownNow();
    }
}
