package io.oris.sim.env;

/**
 * The outcome of one control step: the next observation, the reward, whether the episode ended by the
 * task's rules ({@code terminated}: not healthy) or by the time limit ({@code truncated}), and the
 * noise-free action the caller gave, which is what a stored transition keeps even under action noise.
 */
public record Step(double[] observation, double reward, boolean terminated, boolean truncated, double[] action) {
    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
