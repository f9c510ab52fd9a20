package io.oris.sim;

import io.oris.sim.mujoco.global.mujoco;
import io.oris.sim.mujoco.mjData;
import java.nio.DoubleBuffer;

/**
 * Simulation state ({@code mjData}) of one model, with direct views of qpos, qvel and ctrl. The views are
 * taken once after {@code mj_makeData} (their addresses never move), so reading and writing state costs no
 * JNI call per element.
 */
public final class MujocoData implements AutoCloseable {
    private final MujocoModel model;
    private mjData data;
    private final DoubleBuffer qpos;
    private final DoubleBuffer qvel;
    private final DoubleBuffer ctrl;
    private final io.oris.sim.mujoco.mjWarningStat badQacc;

    public MujocoData(MujocoModel model) {
        this.model = model;
        this.data = mujoco.oris_make_data(model.raw());
        if (data == null || data.isNull()) {
            throw new MujocoException("mj_makeData failed: " + MujocoRuntime.lastError());
        }
        this.qpos = data.qpos().capacity(model.nq()).asBuffer();
        this.qvel = data.qvel().capacity(model.nv()).asBuffer();
        this.ctrl = data.ctrl().capacity(model.nu()).asBuffer();
        this.badQacc = data.warning(mujoco.mjWARN_BADQACC);
    }

    /** Advances the simulation by {@code nstep} physics steps (one control step of a frame-skip env). */
    public void step(int nstep) {
        if (mujoco.oris_step(model.raw(), raw(), nstep) != 0) {
            throw new MujocoException("mj_step failed: " + MujocoRuntime.lastError());
        }
    }

    /** Recomputes derived quantities (positions, contacts) after the state was set by hand. */
    public void forward() {
        if (mujoco.oris_forward(model.raw(), raw()) != 0) {
            throw new MujocoException("mj_forward failed: " + MujocoRuntime.lastError());
        }
    }

    /** Resets to the model's reference configuration ({@code qpos0}, zero velocity, time 0). */
    public void reset() {
        if (mujoco.oris_reset_data(model.raw(), raw()) != 0) {
            throw new MujocoException("mj_resetData failed: " + MujocoRuntime.lastError());
        }
    }

    /** Writable view of qpos (length nq). */
    public DoubleBuffer qpos() {
        return qpos;
    }

    /** Writable view of qvel (length nv). */
    public DoubleBuffer qvel() {
        return qvel;
    }

    /** Writable view of ctrl (length nu). */
    public DoubleBuffer ctrl() {
        return ctrl;
    }

    public double time() {
        return raw().time();
    }

    /**
     * How many times MuJoCo reported bad accelerations (its divergence warning, after which it resets the
     * state); environments use it to tell a diverged simulation from a real trajectory.
     */
    public int divergenceWarnings() {
        raw();
        return badQacc.number();
    }

    public mjData raw() {
        if (data == null) {
            throw new IllegalStateException("MuJoCo data already closed");
        }
        return data;
    }

    @Override
    public void close() {
        if (data != null) {
            mujoco.mj_deleteData(data);
            data = null;
        }
    }
}
