package io.oris.sim.env;

import java.nio.DoubleBuffer;
import java.util.SplittableRandom;

/**
 * Hopper (gym v2): reward Δx/dt + 1 − 1e-3‖a‖²; healthy while the state is finite, |state[2:]| &lt; 100,
 * height &gt; 0.7 and |angle| &lt; 0.2; velocities observed clipped to ±10; reset noise U(±0.005).
 */
public final class HopperEnv extends LocomotionEnv {
    public HopperEnv(DynamicsGap gap, long seed) {
        super(Task.HOPPER, gap, seed);
    }

    @Override
    protected double reward(double forwardVelocity, double[] appliedAction) {
        return forwardVelocity + 1.0 - 1e-3 * squaredNorm(appliedAction);
    }

    @Override
    protected boolean healthy(DoubleBuffer qpos, DoubleBuffer qvel) {
        int nq = qpos.capacity();
        for (int i = 0; i < nq; i++) {
            double v = qpos.get(i);
            if (!Double.isFinite(v) || (i >= 2 && Math.abs(v) >= 100)) {
                return false;
            }
        }
        for (int i = 0; i < qvel.capacity(); i++) {
            double v = qvel.get(i);
            if (!Double.isFinite(v) || Math.abs(v) >= 100) {
                return false;
            }
        }
        return uprightEnough(qpos.get(1), qpos.get(2));
    }

    /** gym v2's height and angle condition: height &gt; 0.7 and |angle| &lt; 0.2. */
    static boolean uprightEnough(double height, double angle) {
        return height > 0.7 && Math.abs(angle) < 0.2;
    }

    /**
     * The healthy check on an observation (qpos[1:], then the clipped qvel): every entry finite, |obs[1:]| &lt; 100
     * (qpos[2:] and the observed velocities), height obs[0] &gt; 0.7 and |angle obs[1]| &lt; 0.2. For model
     * transitions, whose state exists only as an observation (the termination function of MBPO, MOPO and COMBO).
     */
    public static boolean healthyObservation(double[] obs) {
        for (int i = 0; i < obs.length; i++) {
            if (!Double.isFinite(obs[i]) || (i >= 1 && Math.abs(obs[i]) >= 100)) {
                return false;
            }
        }
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
