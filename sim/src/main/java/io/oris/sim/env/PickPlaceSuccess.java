package io.oris.sim.env;

/**
 * The sub-task successes of ORIS Table III for one state or one episode: Reach when d1 &lt; 0.1, Pick when the
 * block's height is above 0.05, Place when d2 &lt; 0.05 (see {@link PickPlaceReward}). The paper does not say whether
 * a success counts at any step or at the last; this project counts an episode's success at any step
 * ({@link #or}), which for Place is the same thing because Place ends the episode.
 *
 * @param reach the hand came within 0.1 of the block
 * @param pick  the block was lifted above z = 0.05 (it rests at 0.02)
 * @param place the block came within 0.05 of the goal
 */
public record PickPlaceSuccess(boolean reach, boolean pick, boolean place) {
    /** Block height above which the block counts as picked. */
    public static final double PICK_HEIGHT = 0.05;

    /** No success yet: the start of an episode. */
    public static final PickPlaceSuccess NONE = new PickPlaceSuccess(false, false, false);

    /** The successes of one 7-d state. */
    public static PickPlaceSuccess of(double[] state) {
        return new PickPlaceSuccess(PickPlaceReward.gripperToBlock(state) < PickPlaceReward.REACH_DISTANCE,
                state[6] > PICK_HEIGHT, PickPlaceReward.blockToGoal(state) < PickPlaceReward.PLACE_DISTANCE);
    }

    /** The successes of an episode so far and this step together (success at any step). */
    public PickPlaceSuccess or(PickPlaceSuccess step) {
        return new PickPlaceSuccess(reach || step.reach, pick || step.pick, place || step.place);
    }
}
