package io.oris.sim.bench;

import io.oris.sim.env.Task;
import io.oris.sim.mujoco.global.mujoco;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * The C reference loop of the simulator benchmark: compiles {@code env_step_loop.c} with gcc against the
 * very libmujoco the Java bindings load (the copy JavaCPP extracted from the jar) and runs it per task.
 */
public final class CStepLoop {
    private final Path workDir;
    private final Path binary;

    private CStepLoop(Path workDir, Path binary) {
        this.workDir = workDir;
        this.binary = binary;
    }

    /** Compiles the loop into {@code workDir}; fails with the exact reason (no gcc, no MuJoCo headers). */
    public static CStepLoop compile(Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path source = workDir.resolve("env_step_loop.c");
        copyResource("/io/oris/sim/bench/env_step_loop.c", source);
        Path jniLibrary = Path.of(Loader.load(mujoco.class));
        Path libDir = jniLibrary.getParent();
        if (!Files.exists(libDir.resolve("libmujoco.so.2.2.2"))) {
            throw new IllegalStateException("libmujoco.so.2.2.2 not found beside " + jniLibrary);
        }
        String include = System.getProperty("oris.mujoco.include", "/usr/include");
        if (!Files.exists(Path.of(include, "mujoco", "mujoco.h"))) {
            throw new IllegalStateException("MuJoCo headers not found in " + include
                    + "/mujoco: install them with 'apt-get install -y libmujoco-dev' (or set -Doris.mujoco.include)");
        }
        Path binary = workDir.resolve("env_step_loop");
        List<String> cmd = List.of("gcc", "-O2", "-o", binary.toString(), source.toString(), "-I" + include,
                "-L" + libDir, "-l:libmujoco.so.2.2.2", "-Wl,-rpath," + libDir, "-lm");
        run(cmd, "compiling the C benchmark loop (needs gcc)");
        return new CStepLoop(workDir, binary);
    }

    /** Runs the loop for one task and returns its env steps per second. */
    public double stepsPerSecond(Task task, double seconds) {
        try {
            Path model = workDir.resolve(task.id() + ".xml");
            copyResource(task.modelResource(), model);
            String out = run(List.of(binary.toString(), model.toString(), task.id(), Integer.toString(task.frameSkip()),
                    Double.toString(seconds)), "running the C benchmark loop");
            return Double.parseDouble(out.trim().split("\\s+")[0]);
        } catch (IOException e) {
            throw new IllegalStateException("C benchmark loop failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = CStepLoop.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing from the jar");
            }
            Files.write(target, in.readAllBytes());
        }
    }

    private static String run(List<String> cmd, String what) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(what + ": cannot start '" + cmd.get(0) + "' (" + e.getMessage() + ")", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(what + " failed: " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }
}
