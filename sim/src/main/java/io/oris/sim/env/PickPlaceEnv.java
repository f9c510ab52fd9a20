package io.oris.sim.env;

import io.oris.sim.MujocoData;
import io.oris.sim.MujocoModel;
import io.oris.sim.mujoco.global.mujoco;
import io.oris.sim.mujoco.mjData;
import io.oris.sim.mujoco.mjModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * Pick-and-place (ORIS Table III, docs/reference.md §8): a mocap-driven two-finger hand picks a cylinder block from
 * the table and carries it to a fixed goal in the air.
 *
 * <ul>
 *   <li>State (7): hand xyz, opening (fingertip distance / 0.1, 1 = open), block xyz (with the tracker noise of
 *       the dynamics, if any).</li>
 *   <li>Action (4) in [−1, 1]: a[0:3] moves the mocap target by gain · 0.01 · a[0:3] (within the hand bounds), the
 *       hand follows through a weld; a[3] &gt; 0 closes the gripper.</li>
 *   <li>Reward {@link PickPlaceReward}; Place (d2 &lt; 0.05) ends the episode as terminated, 150 steps truncate it;
 *       {@link #successSoFar()} gives the episode's Reach/Pick/Place flags.</li>
 *   <li>Dynamics: {@link PickPlaceDynamics#ROBOT} (the "real" environment) unless the gap names others ({@code sim}:
 *       Metaworld's); the gap's gravity, friction, density and action-noise parts apply as for locomotion.</li>
 * </ul>
 */
public final class PickPlaceEnv implements MujocoEnv {
    /** Lower corner of the box the hand (mocap) may move in: z ≥ 0.05 keeps the pads 5 mm above the table. */
    public static final double[] HAND_LOW = {-0.5, 0.4, 0.05};
    /** Upper corner of the hand's box. */
    public static final double[] HAND_HIGH = {0.5, 1.0, 0.5};
    /** Where every episode starts the hand. */
    public static final double[] HAND_START = {0.0, 0.6, 0.2};
    /** Block starts of {@link #reset()}: x ∈ [−0.1, 0.1], y ∈ [0.6, 0.7] (Metaworld's range), z = {@link #BLOCK_REST_Z}. */
    public static final double[] BLOCK_LOW = {-0.1, 0.6};
    /** Upper corner of the block starts. */
    public static final double[] BLOCK_HIGH = {0.1, 0.7};
    /** Height of the block's centre when it rests on the table (its half-height). */
    public static final double BLOCK_REST_Z = 0.02;
    /** Mocap displacement per unit action and step, before the dynamics' hand gain (Metaworld's action scale). */
    public static final double ACTION_SCALE = 0.01;
    /** Block x of the 5 × 5 evaluation grid of ORIS Table III (docs/reference.md §8), equally spaced over BLOCK_LOW..HIGH. */
    public static final double[] GRID_X = {-0.1, -0.05, 0.0, 0.05, 0.1};
    /** Block y of the evaluation grid. */
    public static final double[] GRID_Y = {0.6, 0.625, 0.65, 0.675, 0.7};
    /** Positions of the evaluation grid (25). */
    public static final int GRID_POSITIONS = GRID_X.length * GRID_Y.length;
    /** Openings below this count as a closed gripper in a restart (closed on the block: about 0.46). */
    public static final double CLOSED_OPENING = 0.6;

    private static final double FINGER_OFFSET = 0.05; // finger y offset from the hand when open
    private static final double FINGER_TRAVEL = 0.04; // joint range
    private static final double PAD_HALF_HEIGHT = 0.045;
    private static final double GRASP_WIDTH_Q = FINGER_OFFSET - 0.02 - 0.003; // |q| at which the pads touch the block
    private static final double GRASP_RADIUS = 0.02; // block within this (xy) of the hand is snapped into the grasp
    private static final double[] TABLE_XY_LOW = {-0.68, 0.22};
    private static final double[] TABLE_XY_HIGH = {0.68, 0.98};

    private final Task task = Task.PICK_PLACE;
    private final DynamicsGap gap;
    private final PickPlaceDynamics dynamics;
    private final MujocoModel model;
    private final MujocoData data;
    private final DoubleBuffer qpos;
    private final DoubleBuffer qvel;
    private final DoubleBuffer ctrl;
    private final DoubleBuffer mocapPos; // direct views of mjData's arrays: no JNI call per element
    private final DoubleBuffer xpos;
    private final DoubleBuffer siteXpos;
    private final int handBody;
    private final int blockBody;
    private final int handQpos;
    private final int blockQpos;
    private final int rightQpos;
    private final int leftQpos;
    private final int rightSite;
    private final int leftSite;
    private final double controlDt;
    private final ArrayDeque<double[]> pending = new ArrayDeque<>();
    private SplittableRandom resetRng;
    private SplittableRandom noiseRng;
    private SplittableRandom trackerRng;
    private double[] lastObservation;
    private PickPlaceSuccess success = PickPlaceSuccess.NONE;
    private int elapsed;

    /**
     * @param gap  the dynamics gap: {@link DynamicsGap#REAL} for the robot stand-in, {@link DynamicsGap#PICK_PLACE_SIM}
     *             for Metaworld's dynamics, or any combination (see {@link DynamicsGap#parse})
     * @param seed seed of the block starts, the action noise and the tracker noise
     */
    public PickPlaceEnv(DynamicsGap gap, long seed) {
        this.gap = gap;
        this.dynamics = gap.pickPlaceOrRobot();
        this.model = MujocoModel.fromXml(readModel(), task.id());
        try {
            dynamics.applyTo(model);
            gap.applyTo(model, task.massNormalized());
            this.data = new MujocoData(model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        mjModel m = model.raw();
        mjData d = data.raw();
        mujoco.mj_setConst(m, d);
        this.qpos = data.qpos();
        this.qvel = data.qvel();
        this.ctrl = data.ctrl();
        this.mocapPos = d.mocap_pos().capacity(3L * m.nmocap()).asBuffer();
        this.xpos = d.xpos().capacity(3L * m.nbody()).asBuffer();
        this.siteXpos = d.site_xpos().capacity(3L * m.nsite()).asBuffer();
        this.handBody = PickPlaceDynamics.id(m, mujoco.mjOBJ_BODY, "hand");
        this.blockBody = PickPlaceDynamics.id(m, mujoco.mjOBJ_BODY, "block");
        this.handQpos = qposOf(m, "hand_free");
        this.blockQpos = qposOf(m, "block_free");
        this.rightQpos = qposOf(m, "finger_right");
        this.leftQpos = qposOf(m, "finger_left");
        this.rightSite = PickPlaceDynamics.id(m, mujoco.mjOBJ_SITE, "fingertip_right");
        this.leftSite = PickPlaceDynamics.id(m, mujoco.mjOBJ_SITE, "fingertip_left");
        if (m.nmocap() != 1 || model.nu() != 2) {
            close();
            throw new IllegalStateException("pick-place model has " + m.nmocap() + " mocap bodies and " + model.nu()
                    + " actuators; expected 1 and 2");
        }
        this.controlDt = model.timestep() * task.frameSkip();
        seed(seed);
        reset();
    }

    private static int qposOf(mjModel m, String joint) {
        return m.jnt_qposadr().get(PickPlaceDynamics.id(m, mujoco.mjOBJ_JOINT, joint));
    }

    private String readModel() {
        try (InputStream in = PickPlaceEnv.class.getResourceAsStream(task.modelResource())) {
            if (in == null) {
                throw new IllegalStateException("model resource " + task.modelResource() + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model resource " + task.modelResource(), e);
        }
    }

    @Override
    public void seed(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        this.resetRng = root.split();
        this.noiseRng = root.split();
        this.trackerRng = root.split();
    }

    @Override
    public String name() {
        return task.id() + "[" + gap + "]";
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public DynamicsGap gap() {
        return gap;
    }

    /** The pick-place dynamics this environment runs (the robot's unless the gap names others). */
    public PickPlaceDynamics dynamics() {
        return dynamics;
    }

    @Override
    public int observationDim() {
        return task.observationDim();
    }

    @Override
    public int actionDim() {
        return task.actionDim();
    }

    @Override
    public int elapsedSteps() {
        return elapsed;
    }

    @Override
    public double controlDt() {
        return controlDt;
    }

    /** Samples a block start uniformly in Metaworld's range; the hand starts at {@link #HAND_START}, open. */
    @Override
    public double[] reset() {
        double x = resetRng.nextDouble(BLOCK_LOW[0], BLOCK_HIGH[0]);
        double y = resetRng.nextDouble(BLOCK_LOW[1], BLOCK_HIGH[1]);
        return resetWithBlockAt(x, y);
    }

    /**
     * Starts an episode with the block resting at (x, y) and the hand at {@link #HAND_START}, open: the evaluation's
     * grid of block positions uses this.
     */
    public double[] resetWithBlockAt(double x, double y) {
        place(HAND_START, 1.0, new double[] {x, y, BLOCK_REST_Z}, false);
        return lastObservation.clone();
    }

    /**
     * Starts an episode with the block at position {@code index mod 25} of the evaluation grid: x = GRID_X[i / 5],
     * y = GRID_Y[i mod 5] (x-major, the order of {@code PickPlaceScriptedTest}). Evaluation episode e uses position e.
     */
    public double[] resetOnGrid(int index) {
        int i = Math.floorMod(index, GRID_POSITIONS);
        return resetWithBlockAt(GRID_X[i / GRID_Y.length], GRID_Y[i % GRID_Y.length]);
    }

    /**
     * Restarts from a 7-d state (ORIS restarts the simulator from generated states): hand and mocap at s[0:3] (within
     * the hand bounds), both fingers at |q| = 0.05·(1 − opening) (clamped to their travel, so openings from 0.2 to 1
     * are reproduced), the block at s[4:7] with z ≥ 0.02 and xy inside the walls, all at rest. If the gripper is
     * closed (opening &lt; 0.6) and the block is within 2 cm (xy) of the hand and within the pads' height, the block is
     * snapped to the hand's xy and the fingers are opened no further than onto the block, so the grasp holds
     * instead of the pads starting inside the block. Any other state inside these bounds is reproduced exactly
     * (apart from the tracker noise of the robot's dynamics).
     */
    @Override
    public double[] resetTo(double[] state) {
        if (state.length != observationDim()) {
            throw new IllegalArgumentException(name() + ": resetTo needs a state of length " + observationDim()
                    + ", got " + state.length);
        }
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException(name() + ": resetTo state[" + i + "] is not finite: " + state[i]);
            }
        }
        double[] hand = new double[3];
        for (int k = 0; k < 3; k++) {
            hand[k] = clamp(state[k], HAND_LOW[k], HAND_HIGH[k]);
        }
        double[] block = {clamp(state[4], TABLE_XY_LOW[0], TABLE_XY_HIGH[0]),
                clamp(state[5], TABLE_XY_LOW[1], TABLE_XY_HIGH[1]), Math.max(BLOCK_REST_Z, state[6])};
        double opening = clamp(state[3], 0.0, 1.0);
        double dx = block[0] - hand[0];
        double dy = block[1] - hand[1];
        boolean grasped = opening < CLOSED_OPENING && Math.hypot(dx, dy) < GRASP_RADIUS
                && Math.abs(block[2] - hand[2]) < PAD_HALF_HEIGHT;
        if (grasped) {
            block[0] = hand[0];
            block[1] = hand[1];
        }
        place(hand, opening, block, grasped);
        return lastObservation.clone();
    }

    private void place(double[] hand, double opening, double[] block, boolean grasped) {
        data.reset();
        for (int k = 0; k < 3; k++) {
            mocapPos.put(k, hand[k]);
            qpos.put(handQpos + k, hand[k]);
            qpos.put(blockQpos + k, block[k]);
        }
        qpos.put(handQpos + 3, 1.0); // identity orientations, as the model starts them
        qpos.put(handQpos + 4, 0.0);
        qpos.put(handQpos + 5, 0.0);
        qpos.put(handQpos + 6, 0.0);
        qpos.put(blockQpos + 3, 1.0);
        qpos.put(blockQpos + 4, 0.0);
        qpos.put(blockQpos + 5, 0.0);
        qpos.put(blockQpos + 6, 0.0);
        double q = clamp(FINGER_OFFSET * (1.0 - opening), 0.0, FINGER_TRAVEL);
        if (grasped) {
            q = Math.min(q, GRASP_WIDTH_Q);
        }
        qpos.put(rightQpos, q);
        qpos.put(leftQpos, -q);
        for (int i = 0; i < qvel.capacity(); i++) {
            qvel.put(i, 0.0);
        }
        double grip = grasped ? 1.0 : -1.0;
        ctrl.put(0, grip);
        ctrl.put(1, -grip);
        pending.clear();
        for (int i = 0; i < dynamics.actionDelay(); i++) {
            pending.add(new double[] {0.0, 0.0, 0.0, grip}); // the command in flight: hold still, keep the grip
        }
        data.forward();
        elapsed = 0;
        lastObservation = observe();
        success = PickPlaceSuccess.of(lastObservation);
    }

    @Override
    public Step step(double[] action) {
        if (action.length != actionDim()) {
            throw new IllegalArgumentException(name() + ": action must have " + actionDim() + " components, got "
                    + action.length);
        }
        double[] applied = new double[action.length];
        for (int i = 0; i < action.length; i++) {
            if (!Double.isFinite(action[i])) {
                throw new IllegalArgumentException(name() + ": action[" + i + "] is not finite: " + action[i]);
            }
            double noisy = gap.actionNoise() > 0 ? action[i] + gap.actionNoise() * noiseRng.nextGaussian() : action[i];
            applied[i] = clamp(noisy, -1.0, 1.0);
        }
        if (dynamics.actionDelay() > 0) {
            pending.addLast(applied);
            applied = pending.removeFirst();
        }
        for (int k = 0; k < 3; k++) {
            double target = mocapPos.get(k) + dynamics.handGain() * ACTION_SCALE * applied[k];
            mocapPos.put(k, clamp(target, HAND_LOW[k], HAND_HIGH[k]));
        }
        double grip = dynamics.binaryGripper() ? (applied[3] > 0 ? 1.0 : -1.0) : applied[3];
        ctrl.put(0, grip);
        ctrl.put(1, -grip);
        int warningsBefore = data.divergenceWarnings();
        data.step(task.frameSkip());
        elapsed++;
        boolean diverged = data.divergenceWarnings() != warningsBefore || !finiteState();
        lastObservation = observe();
        PickPlaceSuccess now = PickPlaceSuccess.of(lastObservation);
        success = success.or(now);
        double reward = PickPlaceReward.of(lastObservation);
        boolean terminated = diverged || now.place();
        boolean truncated = !terminated && elapsed >= task.maxEpisodeSteps();
        return new Step(lastObservation.clone(), reward, terminated, truncated, action.clone());
    }

    private boolean finiteState() {
        for (int i = 0; i < qpos.capacity(); i++) {
            if (!Double.isFinite(qpos.get(i))) {
                return false;
            }
        }
        for (int i = 0; i < qvel.capacity(); i++) {
            if (!Double.isFinite(qvel.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The state after the last reset or step (the tracker noise is drawn once per step, not per call). */
    @Override
    public double[] observation() {
        return lastObservation.clone();
    }

    /** The Reach/Pick/Place flags of the state after the last reset or step. */
    public PickPlaceSuccess stepSuccess() {
        return PickPlaceSuccess.of(lastObservation);
    }

    /** The Reach/Pick/Place flags of the episode so far: each true if it held at any state since the reset. */
    public PickPlaceSuccess successSoFar() {
        return success;
    }

    /** The block's true position (without tracker noise), for tests and tools. */
    public double[] blockPosition() {
        return new double[] {xpos.get(3 * blockBody), xpos.get(3 * blockBody + 1), xpos.get(3 * blockBody + 2)};
    }

    /** The mocap target the hand follows. */
    public double[] mocapPosition() {
        return new double[] {mocapPos.get(0), mocapPos.get(1), mocapPos.get(2)};
    }

    private double[] observe() {
        double[] obs = new double[7];
        for (int k = 0; k < 3; k++) {
            obs[k] = xpos.get(3 * handBody + k);
        }
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double d = siteXpos.get(3 * rightSite + k) - siteXpos.get(3 * leftSite + k);
            s += d * d;
        }
        obs[3] = clamp(Math.sqrt(s) / (2 * FINGER_OFFSET), 0.0, 1.0);
        double noise = dynamics.blockNoise();
        for (int k = 0; k < 3; k++) {
            obs[4 + k] = xpos.get(3 * blockBody + k) + (noise > 0 ? noise * trackerRng.nextGaussian() : 0.0);
        }
        return obs;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public MujocoData data() {
        return data;
    }

    @Override
    public MujocoModel model() {
        return model;
    }

    @Override
    public void close() {
        data.close();
        model.close();
    }
}
