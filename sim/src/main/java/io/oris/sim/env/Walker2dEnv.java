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
        double height = qpos.get(1);
        double angle = qpos.get(2);
        return height > 0.8 && height < 2.0 && angle > -1.0 && angle < 1.0;
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
