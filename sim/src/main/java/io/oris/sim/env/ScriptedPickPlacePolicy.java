package io.oris.sim.env;

/**
 * The rule-based pick-and-place policy (the paper's hand-written policy that generated its offline data; ours is
 * written from docs/reference.md §8). It reads only the 7-d state and moves through phases:
 *
 * <ol>
 *   <li>{@link Phase#HOVER}: 0.1 above the block until the hand is within 1.5 cm of it in xy;</li>
 *   <li>{@link Phase#DESCEND}: down to 2.5 cm above the block's centre (the hand bounds stop it at z = 0.05) until
 *       the hand is less than 3.5 cm above the block;</li>
 *   <li>{@link Phase#CLOSE}: hold still with the gripper closing until the opening is below 0.6 (the fingers are
 *       on the block). Waiting for the gripper, instead of closing for a fixed number of steps, is what makes the
 *       same script work with the robot's slow gripper;</li>
 *   <li>{@link Phase#CARRY}: move so that the block (not the hand) reaches the place target, keeping the grasp
 *       offset; if the block is lost (more than 8 cm from the hand) it starts over at HOVER;</li>
 *   <li>{@link Phase#RELEASE} (only when asked to release): open at the target, then {@link Phase#IDLE}.</li>
 * </ol>
 *
 * Actions are {@code clip(10·(target − hand))} for the hand and ±1 for the gripper; the hand never pushes down
 * after the grasp (that drives the block into the table). Without {@code grasp} it only reaches: it hovers, descends
 * and stays there with the gripper open. One instance per episode: call {@link #reset} at an episode start.
 */
public final class ScriptedPickPlacePolicy {
    /** The phases of the script. */
    public enum Phase { HOVER, DESCEND, CLOSE, CARRY, RELEASE, IDLE }

    /** Proportional gain from position error (m) to action: 10 saturates the action at 10 cm of error. */
    public static final double GAIN = 10.0;
    /** Hover height above the block's centre. */
    public static final double HOVER_HEIGHT = 0.1;
    /** xy distance to the block below which the hand descends. */
    public static final double ALIGNED_XY = 0.015;
    /** Grasp height: the hand's target above the block's centre while descending and closing. */
    public static final double GRASP_HEIGHT = 0.025;
    /** The hand is low enough to close when it is less than this above the block's centre. */
    public static final double LOW_ENOUGH = 0.035;
    /** The block is lost (and the script starts over) when it is farther than this from the hand while carried. */
    public static final double LOST_DISTANCE = 0.08;
    /** A release starts once the block is this close to the place target. */
    public static final double ARRIVED = 0.02;
    /** Steps the gripper is held open after a release before the script idles. */
    public static final int RELEASE_STEPS = 10;

    private final double[] placeTarget;
    private final boolean grasp;
    private final boolean release;
    private Phase phase = Phase.HOVER;
    private int releaseSteps;

    /**
     * @param placeTarget where the block is to go (the goal {@link PickPlaceReward#GOAL} for the task itself)
     * @param grasp       false: reach only (hover, descend and stay, gripper open)
     * @param release     true: open the gripper once the block is at the target (pick-and-place to a target that is
     *                    not the goal, pick-and-drop); false: hold it there
     */
    public ScriptedPickPlacePolicy(double[] placeTarget, boolean grasp, boolean release) {
        if (placeTarget.length != 3) {
            throw new IllegalArgumentException("place target needs 3 coordinates, got " + placeTarget.length);
        }
        this.placeTarget = placeTarget.clone();
        this.grasp = grasp;
        this.release = release;
    }

    /** The task's own script: pick the block and carry it to the goal. */
    public static ScriptedPickPlacePolicy toGoal() {
        return new ScriptedPickPlacePolicy(PickPlaceReward.GOAL, true, false);
    }

    /** Starts a new episode. */
    public void reset() {
        phase = Phase.HOVER;
        releaseSteps = 0;
    }

    /** The current phase (after the last {@link #act}). */
    public Phase phase() {
        return phase;
    }

    /** The action for {@code state} (hand xyz, opening, block xyz); advances the phase. */
    public double[] act(double[] state) {
        double[] hand = {state[0], state[1], state[2]};
        double opening = state[3];
        double[] block = {state[4], state[5], state[6]};
        double xy = Math.hypot(hand[0] - block[0], hand[1] - block[1]);
        if (phase == Phase.HOVER && xy < ALIGNED_XY) {
            phase = Phase.DESCEND;
        }
        if (phase == Phase.DESCEND && hand[2] - block[2] < LOW_ENOUGH && grasp) {
            phase = Phase.CLOSE;
        }
        if (phase == Phase.CLOSE && opening < PickPlaceEnv.CLOSED_OPENING) {
            phase = Phase.CARRY;
        }
        if (phase == Phase.CARRY && distance(hand, block) > LOST_DISTANCE) {
            phase = Phase.HOVER;
        }
        if (phase == Phase.CARRY && release && distance(block, placeTarget) < ARRIVED) {
            phase = Phase.RELEASE;
        }
        if (phase == Phase.RELEASE && ++releaseSteps > RELEASE_STEPS) {
            phase = Phase.IDLE;
        }
        return switch (phase) {
            case HOVER -> toward(hand, new double[] {block[0], block[1], block[2] + HOVER_HEIGHT}, -1.0);
            case DESCEND, CLOSE -> toward(hand, new double[] {block[0], block[1], block[2] + GRASP_HEIGHT},
                    phase == Phase.CLOSE ? 1.0 : -1.0);
            case CARRY -> toward(hand, new double[] {placeTarget[0] + hand[0] - block[0],
                    placeTarget[1] + hand[1] - block[1], placeTarget[2] + hand[2] - block[2]}, 1.0);
            case RELEASE, IDLE -> new double[] {0.0, 0.0, 0.0, -1.0};
        };
    }

    private static double[] toward(double[] hand, double[] target, double gripper) {
        double[] a = new double[4];
        for (int k = 0; k < 3; k++) {
            a[k] = Math.max(-1.0, Math.min(1.0, GAIN * (target[k] - hand[k])));
        }
        a[3] = gripper;
        return a;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }
}
