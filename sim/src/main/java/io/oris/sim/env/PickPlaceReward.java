package io.oris.sim.env;

/**
 * The ORIS pick-and-place reward and the distances it is made of, computed from a 7-d state (hand xyz, opening,
 * block xyz): {@code r = −0.1 + 0.1·[d1 < 0.1] + 20·[d2 < 0.05]} with d1 = ‖hand − block‖ (gripper to object) and
 * d2 = ‖block − goal‖ (object to goal), as the paper defines it (docs/reference.md §8). The goal is fixed, because the
 * state does not contain it; its position is Metaworld's default goal. Robot logs without a reward get the same
 * formula from {@code io.oris.storage.logs.PickAndPlaceReward}.
 */
public final class PickPlaceReward {
    /** The goal (Metaworld pick-place-v2's default goal, in the air above the table). */
    public static final double[] GOAL = {0.1, 0.8, 0.2};
    /** d1 below this earns +0.1 (and counts as Reach). */
    public static final double REACH_DISTANCE = 0.1;
    /** d2 below this earns +20, counts as Place and ends the episode. */
    public static final double PLACE_DISTANCE = 0.05;

    private PickPlaceReward() {
    }

    /** The reward of being in {@code state} (the state a step reached). */
    public static double of(double[] state) {
        return -0.1 + (gripperToBlock(state) < REACH_DISTANCE ? 0.1 : 0.0)
                + (blockToGoal(state) < PLACE_DISTANCE ? 20.0 : 0.0);
    }

    /** d1: distance from the hand (state[0:3]) to the block (state[4:7]). */
    public static double gripperToBlock(double[] state) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double d = state[k] - state[4 + k];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** d2: distance from the block (state[4:7]) to {@link #GOAL}. */
    public static double blockToGoal(double[] state) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double d = state[4 + k] - GOAL[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
