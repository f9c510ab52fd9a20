package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.sim.mujoco.global.mujoco;
import io.oris.sim.mujoco.mjModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pick-place environment: spec, reward, restarts, the sim/real dynamics gap and numerical stability. */
class PickPlaceEnvTest {

    @Test
    void specStartAndParsing() {
        assertEquals(Task.PICK_PLACE, Task.parse("pick-place"));
        assertEquals(Task.PICK_PLACE, Task.parse("pick-and-place"));
        assertEquals(150, Task.PICK_PLACE.maxEpisodeSteps());
        try (MujocoEnv env = Environments.create("pick-place", "sim", 3)) {
            assertEquals(7, env.observationDim());
            assertEquals(4, env.actionDim());
            assertEquals(0.0125, env.controlDt(), 1e-12);
            assertEquals("pick-place[sim]", env.name());
            double[] s = env.reset();
            assertArrayEquals(PickPlaceEnv.HAND_START, new double[] {s[0], s[1], s[2]}, 1e-9);
            assertEquals(1.0, s[3], 1e-9, "the gripper starts open");
            assertTrue(s[4] >= -0.1 && s[4] <= 0.1 && s[5] >= 0.6 && s[5] <= 0.7, "block start in range");
            assertEquals(PickPlaceEnv.BLOCK_REST_Z, s[6], 1e-9);
        }
    }

    @Test
    void rewardAndSuccessFlagsFollowThePaper() {
        double[] far = {0, 0.6, 0.2, 1, 0.0, 0.6, 0.02};
        assertEquals(-0.1, PickPlaceReward.of(far), 1e-12);
        assertEquals(PickPlaceSuccess.NONE, PickPlaceSuccess.of(far));
        double[] near = {0, 0.6, 0.1, 1, 0.0, 0.6, 0.02}; // d1 = 0.08
        assertEquals(0.0, PickPlaceReward.of(near), 1e-12);
        assertEquals(new PickPlaceSuccess(true, false, false), PickPlaceSuccess.of(near));
        double[] lifted = {0, 0.6, 0.1, 0.46, 0.0, 0.6, 0.07};
        assertEquals(new PickPlaceSuccess(true, true, false), PickPlaceSuccess.of(lifted));
        double[] placed = {0.1, 0.8, 0.23, 0.46, 0.1, 0.8, 0.16}; // d2 = 0.04
        assertEquals(20.0, PickPlaceReward.of(placed), 1e-12);
        assertEquals(new PickPlaceSuccess(true, true, true), PickPlaceSuccess.of(placed));
        assertEquals(new PickPlaceSuccess(true, true, false),
                PickPlaceSuccess.NONE.or(PickPlaceSuccess.of(near)).or(PickPlaceSuccess.of(lifted)));
    }

    @Test
    void placeEndsTheEpisodeAndTheLimitTruncatesIt() {
        try (PickPlaceEnv env = new PickPlaceEnv(DynamicsGap.PICK_PLACE_SIM, 0)) {
            // the block held just below the goal: one step up reaches d2 < 0.05
            env.resetTo(new double[] {0.1, 0.8, 0.16, 0.46, 0.1, 0.8, 0.14});
            Step s = null;
            for (int i = 0; i < 20 && (s == null || !s.done()); i++) {
                s = env.step(new double[] {0, 0, 1, 1});
            }
            assertTrue(s.terminated() && !s.truncated(), "place terminates");
            assertEquals(20.0, s.reward(), 1e-12);
            assertTrue(env.successSoFar().place());
            env.reset();
            assertEquals(PickPlaceSuccess.NONE, env.successSoFar());
            for (int i = 0; i < 150; i++) {
                s = env.step(new double[] {0, 0, 0, -1});
                assertEquals(i == 149, s.truncated(), "step " + i);
                assertFalse(s.terminated());
            }
        }
    }

    @Test
    void restartsReproduceTheRequestedState() {
        SplittableRandom rng = new SplittableRandom(5);
        try (PickPlaceEnv env = new PickPlaceEnv(DynamicsGap.PICK_PLACE_SIM, 1)) {
            for (int i = 0; i < 200; i++) {
                // any hand pose in its box, any opening the fingers can make, block resting anywhere on the table
                // or in the air, away from the pads
                double[] s = {rng.nextDouble(-0.5, 0.5), rng.nextDouble(0.4, 1.0), rng.nextDouble(0.05, 0.5),
                        rng.nextDouble(0.2, 1.0), rng.nextDouble(-0.6, 0.6), rng.nextDouble(0.25, 0.95),
                        rng.nextBoolean() ? 0.02 : rng.nextDouble(0.02, 0.4)};
                if (s[3] < PickPlaceEnv.CLOSED_OPENING && Math.hypot(s[0] - s[4], s[1] - s[5]) < 0.02) {
                    continue; // a grasp: the block is snapped (next test)
                }
                double[] back = env.resetTo(s);
                assertArrayEquals(s, back, 1e-9, "restart " + i);
                assertArrayEquals(s, env.observation(), 1e-9);
                assertArrayEquals(new double[] {s[0], s[1], s[2]}, env.mocapPosition(), 0.0, "mocap at the hand");
                assertEquals(0, env.elapsedSteps());
            }
            // outside the bounds: projected onto them
            double[] out = env.resetTo(new double[] {0.9, 0.2, 0.0, 1.7, 0.1, 0.7, -0.3});
            assertArrayEquals(new double[] {0.5, 0.4, 0.05, 1.0, 0.1, 0.7, 0.02}, out, 1e-9);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> env.resetTo(new double[6]))
                    .getMessage().contains("length 7"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> env.resetTo(new double[] {0, 0.6, 0.2, Double.NaN, 0, 0.6, 0.02})).getMessage()
                    .contains("state[3]"));
        }
    }

    @Test
    void aRestartInAGraspHoldsTheBlockInBothDynamics() {
        for (DynamicsGap gap : new DynamicsGap[] {DynamicsGap.PICK_PLACE_SIM, DynamicsGap.REAL}) {
            try (PickPlaceEnv env = new PickPlaceEnv(gap, 2)) {
                // closed gripper, block 1 cm off the hand's axis and 3 cm below it, in the air: snapped into the grasp
                double[] s = env.resetTo(new double[] {0.0, 0.7, 0.2, 0.3, 0.01, 0.7, 0.17});
                assertEquals(0.46, s[3], 1e-9, "the fingers rest on the block, not inside it");
                double[] block = env.blockPosition();
                assertArrayEquals(new double[] {0.0, 0.7, 0.17}, block, 1e-9, "block snapped to the hand's axis");
                for (int i = 0; i < 40; i++) {
                    env.step(new double[] {0, 0, 0.5, 1});
                }
                double[] after = env.blockPosition();
                assertTrue(after[2] > 0.2, gap + ": the block was lifted with the hand, z " + after[2]);
                assertTrue(env.observation()[3] < PickPlaceEnv.CLOSED_OPENING, gap + ": still closed");
            }
        }
    }

    @Test
    void simAndRealDifferAsDocumented() {
        try (PickPlaceEnv sim = new PickPlaceEnv(DynamicsGap.PICK_PLACE_SIM, 0);
             PickPlaceEnv real = new PickPlaceEnv(DynamicsGap.REAL, 0)) {
            assertEquals(PickPlaceDynamics.SIM, sim.dynamics());
            assertEquals(PickPlaceDynamics.ROBOT, real.dynamics());
            mjModel a = sim.model().raw();
            mjModel b = real.model().raw();
            int block = mujoco.mj_name2id(a, mujoco.mjOBJ_BODY, "block");
            assertEquals(0.75, a.body_mass().get(block), 1e-12);
            assertEquals(0.2, b.body_mass().get(block), 1e-12);
            assertEquals(400, a.actuator_gainprm().get(0), 1e-12);
            assertEquals(120, b.actuator_gainprm().get(0), 1e-12);
            assertEquals(-120, b.actuator_biasprm().get(1), 1e-12);
            assertEquals(2.0, a.pair_friction().get(0), 1e-12);
            assertEquals(0.8, b.pair_friction().get(0), 1e-12);
            // hand: full speed at once in sim; 0.6 of it, one step late, in real
            sim.resetWithBlockAt(0, 0.65);
            real.resetWithBlockAt(0, 0.65);
            sim.step(new double[] {1, 0, 0, -1});
            real.step(new double[] {1, 0, 0, -1});
            assertEquals(0.01, sim.mocapPosition()[0], 1e-12);
            assertEquals(0.0, real.mocapPosition()[0], 1e-12, "the first action is still in flight");
            real.step(new double[] {0, 0, 0, -1});
            assertEquals(0.006, real.mocapPosition()[0], 1e-12);
            // closing: the robot's binary, weaker gripper is slower
            int simSteps = stepsToClose(sim, 1.0);
            int realSteps = stepsToClose(real, 1.0);
            assertTrue(simSteps <= 12 && realSteps >= 18, "steps to close: sim " + simSteps + ", real " + realSteps);
            // binary: a small positive command closes the robot's gripper fully, Metaworld's barely moves
            assertTrue(stepsToClose(real, 0.02) <= realSteps + 1);
            assertEquals(-1, stepsToClose(sim, 0.02));
            // tracker noise on the block in real only
            real.resetWithBlockAt(0, 0.65);
            sim.resetWithBlockAt(0, 0.65);
            assertEquals(0.65, sim.observation()[5], 0.0);
            assertNotEquals(0.65, real.observation()[5]);
            assertEquals(0.65, real.observation()[5], 0.015);
            assertEquals(0.65, real.blockPosition()[1], 1e-9);
        }
    }

    /** Steps until the opening is below 0.6 with the gripper command {@code a3}, -1 if not within 60 steps. */
    private static int stepsToClose(PickPlaceEnv env, double a3) {
        env.resetTo(new double[] {0.3, 0.9, 0.3, 1.0, -0.3, 0.5, 0.02});
        for (int i = 1; i <= 60; i++) {
            if (env.step(new double[] {0, 0, 0, a3}).observation()[3] < PickPlaceEnv.CLOSED_OPENING) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void gapTextRoundTripsAndStaysOnPickPlace() {
        assertEquals(DynamicsGap.PICK_PLACE_SIM, DynamicsGap.parse("sim"));
        assertTrue(DynamicsGap.parse("hand_gain=0.6").isReal(), "the robot's own values are the real environment");
        assertEquals(0.3, DynamicsGap.parse("block_mass=0.3").pickPlaceOrRobot().blockMass(), 0.0);
        assertEquals(1, DynamicsGap.parse("sim,action_delay=1").pickPlace().actionDelay());
        for (String s : new String[] {"sim", "sim,action_delay=1", "block_mass=0.3", "gripper=continuous",
                "sim,gravity=2.0", "block_noise=0.0,friction=0.5"}) {
            DynamicsGap gap = DynamicsGap.parse(s);
            assertEquals(gap, DynamicsGap.parse(gap.toString()), s + " -> " + gap);
        }
        assertEquals("sim", DynamicsGap.PICK_PLACE_SIM.toString());
        assertEquals("sim,action_delay=1", DynamicsGap.parse("sim,action_delay=1").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("gripper=soft"))
                .getMessage().contains("'binary' or 'continuous'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("action_delay=0.5"))
                .getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("gravity=2,sim"))
                .getMessage().contains("first"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Environments.create("hopper", "sim", 0))
                .getMessage().contains("pick-place"));
    }

    /**
     * 10,000 random-action steps per dynamics, half of the episodes from random restarts (as ORIS makes them), the
     * gripper and hand driven anywhere: no divergence warning, every state finite, the hand in its box (the weld lets
     * it lag the mocap by a few millimetres) and the block on or above the table, inside the walls.
     */
    @Test
    void randomActionsNeverDestabiliseTheSimulation() {
        for (DynamicsGap gap : new DynamicsGap[] {DynamicsGap.PICK_PLACE_SIM, DynamicsGap.REAL}) {
            SplittableRandom rng = new SplittableRandom(11);
            try (PickPlaceEnv env = new PickPlaceEnv(gap, 12)) {
                env.reset();
                int episodes = 0;
                for (int t = 0; t < 10_000; t++) {
                    double[] a = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1),
                            rng.nextDouble(-1, 1)};
                    Step s = env.step(a);
                    double[] hand = env.observation();
                    double[] block = env.blockPosition();
                    for (int k = 0; k < 3; k++) {
                        assertTrue(Double.isFinite(hand[k]) && Double.isFinite(block[k]), gap + " step " + t);
                        assertTrue(hand[k] > PickPlaceEnv.HAND_LOW[k] - 0.02 && hand[k] < PickPlaceEnv.HAND_HIGH[k]
                                + 0.02, gap + " step " + t + ": hand[" + k + "] = " + hand[k]);
                    }
                    assertTrue(block[2] > 0.0 && block[2] < 0.6, gap + " step " + t + ": block z " + block[2]);
                    assertTrue(Math.abs(block[0]) < 0.7 && block[1] > 0.2 && block[1] < 1.0,
                            gap + " step " + t + ": block xy " + block[0] + ", " + block[1]);
                    assertEquals(0, env.data().divergenceWarnings(), gap + " step " + t);
                    if (s.done()) {
                        episodes++;
                        if (episodes % 2 == 0) {
                            env.reset();
                        } else {
                            env.resetTo(new double[] {rng.nextDouble(-0.5, 0.5), rng.nextDouble(0.4, 1.0),
                                    rng.nextDouble(0.05, 0.5), rng.nextDouble(), rng.nextDouble(-0.3, 0.3),
                                    rng.nextDouble(0.5, 0.9), rng.nextDouble(0.02, 0.3)});
                        }
                    }
                }
                assertTrue(episodes >= 60, gap + ": episodes " + episodes);
            }
        }
    }

    /**
     * The failure mode of a hand-driven grasp: pressing a held block into the table. From 40 grasped restarts, 50 steps
     * each of random actions biased downwards with the gripper closed: the block never goes through the table and the
     * solver never diverges.
     */
    @Test
    void pressingAGraspedBlockIntoTheTableStaysStable() {
        for (DynamicsGap gap : new DynamicsGap[] {DynamicsGap.PICK_PLACE_SIM, DynamicsGap.REAL}) {
            SplittableRandom rng = new SplittableRandom(13);
            try (PickPlaceEnv env = new PickPlaceEnv(gap, 14)) {
                for (int e = 0; e < 40; e++) {
                    double x = rng.nextDouble(-0.3, 0.3);
                    double y = rng.nextDouble(0.5, 0.9);
                    double z = rng.nextDouble(0.05, 0.15);
                    env.resetTo(new double[] {x, y, z, 0.3, x, y, z - 0.03});
                    for (int t = 0; t < 50; t++) {
                        env.step(new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 0.2),
                                1.0});
                        double[] block = env.blockPosition();
                        double[] hand = env.observation();
                        assertTrue(Double.isFinite(block[2]) && block[2] > 0.015 && block[2] < 0.3,
                                gap + " restart " + e + " step " + t + ": block z " + block[2]);
                        assertTrue(Double.isFinite(hand[2]) && hand[2] > 0.03,
                                gap + " restart " + e + " step " + t + ": hand z " + hand[2]);
                        assertEquals(0, env.data().divergenceWarnings(), gap + " restart " + e + " step " + t);
                    }
                }
            }
        }
    }
}
