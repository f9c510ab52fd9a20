package io.oris.sim.env;

import io.oris.sim.MujocoModel;
import io.oris.sim.mujoco.global.mujoco;
import io.oris.sim.mujoco.mjModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The dynamics of the pick-place task that differ between the simulator and the robot (docs/reference.md §8): the
 * ORIS paper names modelling error, calibration error and control inaccuracy as the sources of its sim-to-real gap;
 * these parameters are one concrete, configurable version of that gap. {@link #SIM} holds Metaworld's values (the
 * off-the-shelf simulator the paper uses unchanged); {@link #ROBOT} is the project's stand-in for the physical arm,
 * which is what the "real" pick-place environment runs and where evaluation happens. Unlike the locomotion gaps
 * (scales of the real model), each value here is absolute.
 *
 * <p>The robot values are a choice of this project, checked in docs/reference.md §8: with them a scripted policy
 * tuned in Metaworld still reaches the block but fails to pick it, as SAC trained in the simulator does in Table
 * III, while a policy that waits for the gripper to close still succeeds.
 *
 * @param handGain      scale of the hand's velocity: the mocap moves by gain · 0.01 · a[0:3] per step (sim 1; robot
 *                      0.6, a slower, damped arm controller)
 * @param actionDelay   control steps between an action and its effect (sim 0; robot 1, the latency of a real
 *                      controller); the first {@code actionDelay} steps after a reset apply a zero action
 * @param binaryGripper whether the gripper only knows open and closed (robot: a3 &gt; 0 closes fully, otherwise it
 *                      opens fully, as a Robotiq gripper commanded open/close) or follows a3 as a position target
 *                      (sim, Metaworld)
 * @param fingerKp      stiffness of the finger position servos (sim 400: the fingers close in about 10 steps; robot
 *                      120: about 22 steps)
 * @param blockMass     mass of the block in kg (sim 0.75; robot 0.2, a light printed block)
 * @param padFriction   sliding friction of the pad-block contacts (sim 2; robot 0.8, smooth rubber)
 * @param blockNoise    standard deviation in metres of the Gaussian noise on the observed block position (sim 0;
 *                      robot 0.003, the jitter of an AprilTag pose from an RGB camera); the physics never sees it
 */
public record PickPlaceDynamics(double handGain, int actionDelay, boolean binaryGripper, double fingerKp,
        double blockMass, double padFriction, double blockNoise) {

    /** Metaworld pick-place-v2's values: the simulator of ORIS Table III. */
    public static final PickPlaceDynamics SIM = new PickPlaceDynamics(1.0, 0, false, 400.0, 0.75, 2.0, 0.0);

    /** The stand-in for the physical robot: the "real" pick-place environment. */
    public static final PickPlaceDynamics ROBOT = new PickPlaceDynamics(0.6, 1, true, 120.0, 0.2, 0.8, 0.003);

    /** The gap keys of these parameters, in the order {@link #toString} writes them. */
    public static final List<String> KEYS = List.of("hand_gain", "action_delay", "gripper", "finger_kp",
            "block_mass", "pad_friction", "block_noise");

    public PickPlaceDynamics {
        positive("hand_gain", handGain);
        positive("finger_kp", fingerKp);
        positive("block_mass", blockMass);
        positive("pad_friction", padFriction);
        if (actionDelay < 0 || actionDelay > 10) {
            throw new IllegalArgumentException("action_delay must be a whole number of steps in 0..10, got "
                    + actionDelay);
        }
        if (!Double.isFinite(blockNoise) || blockNoise < 0) {
            throw new IllegalArgumentException("block_noise must be a finite number >= 0, got " + blockNoise);
        }
    }

    private static void positive(String key, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(key + " must be a finite number > 0, got " + value);
        }
    }

    /** True when {@code key} (lower case, dashes as underscores) names one of these parameters. */
    public static boolean isKey(String key) {
        return KEYS.contains(key);
    }

    /**
     * This set with one parameter replaced, from its gap text: {@code hand_gain=0.8}, {@code action_delay=0},
     * {@code gripper=binary|continuous}, {@code finger_kp=400}, {@code block_mass=0.75}, {@code pad_friction=2},
     * {@code block_noise=0}.
     */
    public PickPlaceDynamics with(String key, String value) {
        return switch (key) {
            case "hand_gain" -> new PickPlaceDynamics(number(key, value), actionDelay, binaryGripper, fingerKp,
                    blockMass, padFriction, blockNoise);
            case "action_delay" -> new PickPlaceDynamics(handGain, steps(key, value), binaryGripper, fingerKp,
                    blockMass, padFriction, blockNoise);
            case "gripper" -> new PickPlaceDynamics(handGain, actionDelay, gripper(value), fingerKp, blockMass,
                    padFriction, blockNoise);
            case "finger_kp" -> new PickPlaceDynamics(handGain, actionDelay, binaryGripper, number(key, value),
                    blockMass, padFriction, blockNoise);
            case "block_mass" -> new PickPlaceDynamics(handGain, actionDelay, binaryGripper, fingerKp,
                    number(key, value), padFriction, blockNoise);
            case "pad_friction" -> new PickPlaceDynamics(handGain, actionDelay, binaryGripper, fingerKp, blockMass,
                    number(key, value), blockNoise);
            case "block_noise" -> new PickPlaceDynamics(handGain, actionDelay, binaryGripper, fingerKp, blockMass,
                    padFriction, number(key, value));
            default -> throw new IllegalArgumentException("unknown pick-place dynamics key '" + key + "' (keys: "
                    + String.join(", ", KEYS) + ")");
        };
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value of '" + key + "' is not a number: '" + value + "'");
        }
    }

    private static int steps(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value of '" + key + "' is not a whole number of steps: '" + value
                    + "'");
        }
    }

    private static boolean gripper(String value) {
        return switch (value) {
            case "binary" -> true;
            case "continuous" -> false;
            default -> throw new IllegalArgumentException("value of 'gripper' must be 'binary' or 'continuous', got '"
                    + value + "'");
        };
    }

    /** The parameters as gap text, key to value, in {@link #KEYS} order. */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("hand_gain", Double.toString(handGain));
        out.put("action_delay", Integer.toString(actionDelay));
        out.put("gripper", binaryGripper ? "binary" : "continuous");
        out.put("finger_kp", Double.toString(fingerKp));
        out.put("block_mass", Double.toString(blockMass));
        out.put("pad_friction", Double.toString(padFriction));
        out.put("block_noise", Double.toString(blockNoise));
        return out;
    }

    /**
     * The shortest gap text that parses back to this set: {@code sim} plus the keys that differ from {@link #SIM},
     * or the keys that differ from {@link #ROBOT}, whichever has fewer parts (empty for {@link #ROBOT}).
     */
    @Override
    public String toString() {
        List<String> fromRobot = differences(ROBOT);
        List<String> fromSim = differences(SIM);
        if (fromSim.size() + 1 < fromRobot.size()) {
            List<String> parts = new ArrayList<>();
            parts.add("sim");
            parts.addAll(fromSim);
            return String.join(",", parts);
        }
        return String.join(",", fromRobot);
    }

    private List<String> differences(PickPlaceDynamics base) {
        Map<String, String> mine = asText();
        Map<String, String> theirs = base.asText();
        List<String> parts = new ArrayList<>();
        for (String key : KEYS) {
            if (!mine.get(key).equals(theirs.get(key))) {
                parts.add(key + "=" + mine.get(key));
            }
        }
        return parts;
    }

    /**
     * Writes the model-side parameters (finger servo gain, block mass with its inertia scaled alike, pad-block
     * friction) into a loaded pick-place model the caller owns. The others act in the environment's step.
     */
    public void applyTo(MujocoModel model) {
        mjModel m = model.raw();
        for (String name : new String[] {"finger_right", "finger_left"}) {
            int a = id(m, mujoco.mjOBJ_ACTUATOR, name);
            // a position servo: force = kp·ctrl − kp·q, i.e. gain kp and bias (0, −kp, 0)
            m.actuator_gainprm().put((long) a * mujoco.mjNGAIN, fingerKp);
            m.actuator_biasprm().put((long) a * mujoco.mjNBIAS + 1, -fingerKp);
        }
        int b = id(m, mujoco.mjOBJ_BODY, "block");
        double scale = blockMass / m.body_mass().get(b);
        m.body_mass().put(b, blockMass);
        DoublePointer inertia = m.body_inertia();
        for (int k = 0; k < 3; k++) {
            inertia.put(3L * b + k, inertia.get(3L * b + k) * scale);
        }
        for (String name : new String[] {"grip_right", "grip_left"}) {
            int p = id(m, mujoco.mjOBJ_PAIR, name);
            m.pair_friction().put(5L * p, padFriction);
            m.pair_friction().put(5L * p + 1, padFriction);
        }
    }

    static int id(mjModel m, int type, String name) {
        int id = mujoco.mj_name2id(m, type, name);
        if (id < 0) {
            throw new IllegalStateException("the pick-place model has no " + name + " (object type " + type + ")");
        }
        return id;
    }
}
