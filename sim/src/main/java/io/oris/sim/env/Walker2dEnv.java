package io.oris.sim.env;

import java.nio.DoubleBuffer;
import java.util.SplittableRandom;

/**
 * Walker2d (gym v2): reward Δx/dt + 1 − 1e-3‖a‖²; healthy while 0.8 &lt; height &lt; 2.0 and
 * −1 &lt; angle &lt; 1; velocities observed clipped to ±10; reset noise U(±0.005).
 */
public final class Walker2dEnv extends LocomotionEnv {
    public Walker2dEnv(DynamicsGap gap, long seed) {
        super(Task.WALKER2D, gap, seed);
    }

    @Override
    protected double reward(double forwardVelocity, double[] appliedAction) {
        return forwardVelocity + 1.0 - 1e-3 * squaredNorm(appliedAction);
    }

    @Override
    protected boolean healthy(DoubleBuffer qpos, DoubleBuffer qvel) {
        return uprightEnough(qpos.get(1), qpos.get(2));
    }

    /** gym v2's condition: 0.8 &lt; height &lt; 2.0 and −1 &lt; angle &lt; 1. */
    static boolean uprightEnough(double height, double angle) {
        return height > 0.8 && height < 2.0 && angle > -1.0 && angle < 1.0;
    }

    /**
     * The healthy check on an observation (qpos[1:], then the clipped qvel): height obs[0] and angle obs[1] as
     * {@link #healthy} checks qpos[1] and qpos[2]. For model transitions, whose state exists only as an observation
     * (the termination function of MBPO, MOPO and COMBO).
     */
    public static boolean healthyObservation(double[] obs) {
        return uprightEnough(obs[0], obs[1]);
    }

    @Override
    protected double velocityClip() {
        return 10.0;
    }

    @Override
    protected void resetNoise(double[] qpos, double[] qvel, SplittableRandom rng) {
        uniformNoise(qpos, 0.005, rng);
        uniformNoise(qvel, 0.005, rng);
    }
}
