package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The scripted pick-and-place policy on the evaluation grid (25 block starts, x ∈ {−0.1, −0.05, 0, 0.05, 0.1} ×
 * y ∈ {0.6, 0.625, 0.65, 0.675, 0.7}) and on random starts, in both dynamics. Measured with the Debian libmujoco
 * 2.2.2 (2026-12-05):
 *
 * <ul>
 *   <li>sim (Metaworld's dynamics), grid: Reach, Pick and Place 25/25, mean return 18.27, 60.8 steps;
 *       200 random starts (seed 100): 200/200 each, mean return 18.31, 60.0 steps.</li>
 *   <li>real (robot stand-in), grid, seed 0: Reach, Pick and Place 25/25, mean return 17.10, 106.6 steps;
 *       200 random starts (seed 100): 200/200 each, mean return 17.18, 105.0 steps.</li>
 *   <li>the same script tuned in sim, closing for a fixed 12 steps instead of waiting for the gripper: 25/25 Place
 *       in sim, but in real Reach 25/25, Pick 0/25, Place 0/25 (the gap that Table III's SAC row shows).</li>
 * </ul>
 *
 * The assertions sit at the measured rates, so a change of the model, the dynamics or the script that costs one
 * success fails here.
 */
class PickPlaceScriptedTest {
    static final double[] GRID_X = PickPlaceEnv.GRID_X;
    static final double[] GRID_Y = PickPlaceEnv.GRID_Y;

    /** Outcome of the 25 grid episodes. */
    record GridResult(int reach, int pick, int place, double meanReturn, double meanSteps) {
        String counts() {
            return reach + "/" + pick + "/" + place;
        }

        @Override
        public String toString() {
            return String.format("reach %d/25, pick %d/25, place %d/25, mean return %.2f, mean length %.1f", reach,
                    pick, place, meanReturn, meanSteps);
        }
    }

    /** How a grid episode picks its action: the policy (reset per episode), a per-episode counter, the state. */
    interface Actor {
        double[] act(ScriptedPickPlacePolicy policy, int[] counter, double[] state);
    }

    static GridResult runGrid(DynamicsGap gap, long seed) {
        return runGrid(gap, seed, (policy, counter, state) -> policy.act(state));
    }

    static GridResult runGrid(DynamicsGap gap, long seed, Actor actor) {
        int reach = 0;
        int pick = 0;
        int place = 0;
        double returns = 0;
        double steps = 0;
        try (PickPlaceEnv env = new PickPlaceEnv(gap, seed)) {
            ScriptedPickPlacePolicy policy = ScriptedPickPlacePolicy.toGoal();
            for (double x : GRID_X) {
                for (double y : GRID_Y) {
                    double[] obs = env.resetWithBlockAt(x, y);
                    policy.reset();
                    int[] counter = {0};
                    double ret = 0;
                    while (true) {
                        Step s = env.step(actor.act(policy, counter, obs));
                        ret += s.reward();
                        obs = s.observation();
                        if (s.done()) {
                            break;
                        }
                    }
                    PickPlaceSuccess success = env.successSoFar();
                    reach += success.reach() ? 1 : 0;
                    pick += success.pick() ? 1 : 0;
                    place += success.place() ? 1 : 0;
                    returns += ret;
                    steps += env.elapsedSteps();
                }
            }
        }
        return new GridResult(reach, pick, place, returns / 25, steps / 25);
    }

    @Test
    void scriptedPolicyPlacesTheBlockInSim() {
        GridResult r = runGrid(DynamicsGap.PICK_PLACE_SIM, 0);
        System.out.println("pick-place[sim] scripted: " + r);
        assertEquals(new GridResult(25, 25, 25, 0, 0).counts(), r.counts(), r.toString());
        assertEquals(18.27, r.meanReturn(), 0.05, r.toString());
    }

    @Test
    void scriptedPolicyPlacesTheBlockInReal() {
        GridResult r = runGrid(DynamicsGap.REAL, 0);
        System.out.println("pick-place[real] scripted: " + r);
        assertEquals(new GridResult(25, 25, 25, 0, 0).counts(), r.counts(), r.toString());
        assertTrue(r.meanReturn() > 16.5, r.toString());
    }

    @Test
    void scriptedPolicySucceedsFromRandomStartsInBothDynamics() {
        for (DynamicsGap gap : new DynamicsGap[] {DynamicsGap.PICK_PLACE_SIM, DynamicsGap.REAL}) {
            try (PickPlaceEnv env = new PickPlaceEnv(gap, 100)) {
                ScriptedPickPlacePolicy policy = ScriptedPickPlacePolicy.toGoal();
                int placed = 0;
                for (int e = 0; e < 50; e++) {
                    double[] obs = env.reset();
                    policy.reset();
                    Step s;
                    do {
                        s = env.step(policy.act(obs));
                        obs = s.observation();
                    } while (!s.done());
                    placed += env.successSoFar().place() ? 1 : 0;
                }
                assertEquals(50, placed, gap + ": placed from random starts");
            }
        }
    }

    /**
     * The dynamics gap matters: a script that closes for a fixed 12 steps (enough for Metaworld's gripper) places
     * every block in sim but picks none in real, where the binary, weaker gripper needs about 22 steps.
     */
    @Test
    void aScriptTunedInSimFailsToPickInReal() {
        GridResult sim = runGrid(DynamicsGap.PICK_PLACE_SIM, 0, PickPlaceScriptedTest::fixedCloseAction);
        GridResult real = runGrid(DynamicsGap.REAL, 0, PickPlaceScriptedTest::fixedCloseAction);
        System.out.println("fixed 12-step close: sim " + sim + "; real " + real);
        assertEquals(25, sim.place(), sim.toString());
        assertEquals(25, real.reach(), real.toString());
        assertEquals(0, real.pick(), real.toString());
    }

    /** The scripted action, except that the gripper closes for exactly 12 steps and the carry then starts. */
    private static double[] fixedCloseAction(ScriptedPickPlacePolicy policy, int[] closing, double[] obs) {
        double[] a = policy.act(obs);
        if (policy.phase() == ScriptedPickPlacePolicy.Phase.CLOSE || closing[0] > 0) {
            closing[0]++;
            if (closing[0] <= 12) {
                return new double[] {0, 0, 0, 1};
            }
            for (int k = 0; k < 3; k++) {
                double target = PickPlaceReward.GOAL[k] + obs[k] - obs[4 + k];
                a[k] = Math.max(-1, Math.min(1, ScriptedPickPlacePolicy.GAIN * (target - obs[k])));
            }
            a[3] = 1;
        }
        return a;
    }
}
