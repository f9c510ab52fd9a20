package io.oris.sim.env;

import java.nio.DoubleBuffer;
import java.util.SplittableRandom;

/**
 * HalfCheetah (gym v2): reward Δx/dt − 0.1‖a‖²; never terminates (time limit only); velocities observed
 * unclipped; reset noise qpos + U(±0.1), qvel + 0.1·N(0, 1).
 */
public final class HalfCheetahEnv extends LocomotionEnv {
    public HalfCheetahEnv(DynamicsGap gap, long seed) {
        super(Task.HALFCHEETAH, gap, seed);
    }

    @Override
    protected double reward(double forwardVelocity, double[] appliedAction) {
        return forwardVelocity - 0.1 * squaredNorm(appliedAction);
    }

    @Override
    protected boolean healthy(DoubleBuffer qpos, DoubleBuffer qvel) {
        return true;
    }

    @Override
    protected double velocityClip() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    protected void resetNoise(double[] qpos, double[] qvel, SplittableRandom rng) {
        uniformNoise(qpos, 0.1, rng);
        for (int i = 0; i < qvel.length; i++) {
            qvel[i] += 0.1 * rng.nextGaussian();
        }
    }
}
