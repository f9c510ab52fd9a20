package io.oris.sim;

import io.oris.sim.mujoco.global.mujoco;
import io.oris.sim.mujoco.mjModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;

/**
 * A compiled MuJoCo model ({@code mjModel}) with deterministic release: native models are not garbage
 * collected, so every model is closed explicitly (try-with-resources).
 */
public final class MujocoModel implements AutoCloseable {
    private static final int ERROR_SIZE = 1000;
    private mjModel model;

    private MujocoModel(mjModel model) {
        this.model = model;
    }

    /** Compiles an MJCF file; a missing file or a malformed model throws with MuJoCo's message. */
    public static MujocoModel load(Path mjcf) {
        var lock = MujocoRuntime.loadLock();
        lock.lock();
        try (BytePointer error = new BytePointer(ERROR_SIZE)) {
            error.fill(0);
            mjModel m = mujoco.oris_load_xml(mjcf.toString(), error, ERROR_SIZE);
            if (m == null || m.isNull()) {
                String message = error.getString();
                if (message.isBlank()) {
                    message = MujocoRuntime.lastError();
                }
                throw new MujocoException("MuJoCo could not load " + mjcf + ": " + oneLine(message));
            }
            return new MujocoModel(m);
        } finally {
            lock.unlock();
        }
    }

    /**
     * MuJoCo's multi-line, blank-padded error text as one line: "XML Error: problem reading attribute 'size'; Element
     * 'geom', line 26".
     */
    static String oneLine(String message) {
        return message.lines().map(l -> l.replaceAll("[\\p{Cntrl}\\s]+", " ").strip()).filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Compiles MJCF text (written to a temporary file, since MuJoCo 2.2 loads from files or a VFS). */
    public static MujocoModel fromXml(String xml, String name) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("oris-" + name + "-", ".xml");
            Files.writeString(tmp, xml);
            return load(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary MJCF file for " + name, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** An independent copy, so that one environment's dynamics gap never touches another's model. */
    public MujocoModel copy() {
        mjModel m = mujoco.oris_copy_model(raw());
        if (m == null || m.isNull()) {
            throw new MujocoException("mj_copyModel failed: " + MujocoRuntime.lastError());
        }
        return new MujocoModel(m);
    }

    /** The native model, for the bindings' functions; valid until {@link #close()}. */
    public mjModel raw() {
        if (model == null) {
            throw new IllegalStateException("MuJoCo model already closed");
        }
        return model;
    }

    public int nq() {
        return raw().nq();
    }

    public int nv() {
        return raw().nv();
    }

    public int nu() {
        return raw().nu();
    }

    /** Simulation timestep of the model (seconds). */
    public double timestep() {
        return raw().opt().timestep();
    }

    @Override
    public void close() {
        if (model != null) {
            mujoco.mj_deleteModel(model);
            model = null;
        }
    }
}
