package io.oris.sim;

import io.oris.sim.mujoco.global.mujoco;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the bundled MuJoCo natives once and replaces MuJoCo's process-wide error handler (which waits on
 * stdin and exits) with one that turns errors into {@link MujocoException}s. MuJoCo's handlers and its XML
 * loader are process-global in C, so this is the one place that owns them.
 */
public final class MujocoRuntime {
    private static final ReentrantLock LOAD_LOCK = new ReentrantLock();

    private MujocoRuntime() {
    }

    private static final class Holder {
        static final String VERSION;

        static {
            Loader.load(mujoco.class);
            mujoco.oris_install_handlers();
            VERSION = mujoco.mj_versionString().getString();
        }
    }

    /** Makes sure the natives are loaded and the error handlers installed; returns MuJoCo's version string. */
    public static String ensureLoaded() {
        return Holder.VERSION;
    }

    /**
     * The lock that serialises model loading: {@code mj_loadXML} keeps global parser state, so models are
     * loaded from one thread at a time.
     */
    static ReentrantLock loadLock() {
        ensureLoaded();
        return LOAD_LOCK;
    }

    /** The last error message MuJoCo reported on this thread. */
    static String lastError() {
        return mujoco.oris_last_error().getString().strip();
    }
}
