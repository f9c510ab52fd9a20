package io.oris.sim.env;

import io.oris.sim.MujocoData;
import io.oris.sim.MujocoModel;

/**
 * An {@link Environment} backed by one MuJoCo model and its data, which is what every environment of this project is.
 * Code that records datasets reads the full MuJoCo state (qpos, qvel) through {@link #data()} next to the
 * observation, so that restarts can later use true states; {@link Environments} returns this type.
 */
public interface MujocoEnv extends Environment {
    /** The environment's own model copy (with its dynamics gap applied). */
    MujocoModel model();

    /** The MuJoCo state behind this environment, for recorders, tests and tools that inspect the physics. */
    MujocoData data();

    /** Seconds of simulated time per control step (timestep × frame skip). */
    double controlDt();
}
