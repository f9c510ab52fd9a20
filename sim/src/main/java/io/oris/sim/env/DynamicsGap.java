package io.oris.sim.env;

import io.oris.sim.MujocoModel;
import io.oris.sim.mujoco.mjModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.DoublePointer;

/**
 * How an inaccurate simulator differs from the real system (docs/reference.md §2): gravity ×k, friction ×k (all three
 * coefficients of every geom), density ×k (body masses and inertias), and Gaussian action noise the
 * simulator adds to the action. Gaps combine; {@link #REAL} is the unmodified model.
 *
 * <p>The pick-place task has one more, named gap: {@code sim}, Metaworld's dynamics in place of the robot's
 * ({@link PickPlaceDynamics#SIM} vs {@link PickPlaceDynamics#ROBOT}), and its parameters one by one
 * ({@code hand_gain=1.0}, {@code action_delay=0}, {@code gripper=continuous}, {@code finger_kp=400},
 * {@code block_mass=0.75}, {@code pad_friction=2}, {@code block_noise=0}: absolute values, not scales), so
 * {@code sim,action_delay=1} is Metaworld with the robot's latency. These apply to pick-place only.
 *
 * @param gravity         scale of the gravity vector (1 = real)
 * @param friction        scale of every geom's sliding, torsional and rolling friction (1 = real)
 * @param density         scale of every body's mass and inertia (1 = real); no effect on mass-normalised models
 * @param actionNoise     standard deviation σ of the N(0, σ²) noise added to each action dimension (0 = none)
 * @param pickPlace       the pick-place dynamics in place of {@link PickPlaceDynamics#ROBOT}; null when they are the
 *                        robot's (always for the locomotion tasks)
 */
public record DynamicsGap(double gravity, double friction, double density, double actionNoise,
        PickPlaceDynamics pickPlace) {

    /** The real environment: no modification. */
    public static final DynamicsGap REAL = new DynamicsGap(1.0, 1.0, 1.0, 0.0);

    /** The pick-place simulator of ORIS Table III: Metaworld's dynamics, nothing else changed. */
    public static final DynamicsGap PICK_PLACE_SIM = new DynamicsGap(1.0, 1.0, 1.0, 0.0, PickPlaceDynamics.SIM);

    public DynamicsGap {
        requirePositive("gravity", gravity);
        requirePositive("friction", friction);
        requirePositive("density", density);
        if (!Double.isFinite(actionNoise) || actionNoise < 0) {
            throw new IllegalArgumentException("action_noise must be a finite number >= 0, got " + actionNoise);
        }
        if (PickPlaceDynamics.ROBOT.equals(pickPlace)) {
            pickPlace = null; // one form for the real robot, so that equals and isReal agree with the text form
        }
    }

    /** A gap of the locomotion kind (no pick-place dynamics). */
    public DynamicsGap(double gravity, double friction, double density, double actionNoise) {
        this(gravity, friction, density, actionNoise, null);
    }

    /** The pick-place dynamics this gap runs: its own, or the robot's when it names none. */
    public PickPlaceDynamics pickPlaceOrRobot() {
        return pickPlace == null ? PickPlaceDynamics.ROBOT : pickPlace;
    }

    private static void requirePositive(String key, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(key + " scale must be a finite number > 0, got " + value);
        }
    }

    /**
     * Parses {@code real}, {@code gravity=2.0}, {@code friction=0.3}, {@code density=1.5},
     * {@code action_noise=1.0} or a comma-separated combination such as {@code gravity=2.0,friction=0.5}; for
     * pick-place also {@code sim} and the {@link PickPlaceDynamics#KEYS} (e.g. {@code sim,block_mass=0.2}).
     */
    public static DynamicsGap parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("dynamics gap is missing; expected e.g. 'real' or 'gravity=2.0'");
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty() || trimmed.equals("real") || trimmed.equals("none")) {
            return REAL;
        }
        double g = 1.0;
        double f = 1.0;
        double d = 1.0;
        double n = 0.0;
        PickPlaceDynamics pp = null;
        List<String> seen = new ArrayList<>();
        String[] parts = trimmed.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.equals("sim")) {
                if (i != 0) {
                    throw new IllegalArgumentException("bad dynamics gap '" + text + "': 'sim' must come first, so"
                            + " that the keys after it change Metaworld's values");
                }
                pp = PickPlaceDynamics.SIM;
                continue;
            }
            String[] kv = part.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("bad dynamics gap '" + text + "': part '" + part
                        + "' is not key=value (keys: " + KEY_LIST + ")");
            }
            String key = kv[0].trim().replace('-', '_');
            if (seen.contains(key)) {
                throw new IllegalArgumentException("bad dynamics gap '" + text + "': '" + key + "' given twice");
            }
            seen.add(key);
            String raw = kv[1].trim();
            if (PickPlaceDynamics.isKey(key)) {
                try {
                    pp = (pp == null ? PickPlaceDynamics.ROBOT : pp).with(key, raw);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad dynamics gap '" + text + "': " + e.getMessage());
                }
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad dynamics gap '" + text + "': value of '" + key
                        + "' is not a number: '" + raw + "'");
            }
            switch (key) {
                case "gravity" -> g = value;
                case "friction" -> f = value;
                case "density" -> d = value;
                case "action_noise", "noise" -> n = value;
                default -> throw new IllegalArgumentException("bad dynamics gap '" + text + "': unknown key '"
                        + key + "' (keys: " + KEY_LIST + ")");
            }
        }
        return new DynamicsGap(g, f, d, n, pp);
    }

    private static final String KEY_LIST = "gravity, friction, density, action_noise; for pick-place also 'sim', "
            + String.join(", ", PickPlaceDynamics.KEYS);

    /** True for the unmodified real environment. */
    public boolean isReal() {
        return equals(REAL);
    }

    /** Canonical text form, parseable by {@link #parse(String)}: {@code real} or {@code gravity=2.0,...}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (gravity != 1.0) {
            parts.add("gravity=" + gravity);
        }
        if (friction != 1.0) {
            parts.add("friction=" + friction);
        }
        if (density != 1.0) {
            parts.add("density=" + density);
        }
        if (actionNoise != 0.0) {
            parts.add("action_noise=" + actionNoise);
        }
        if (pickPlace != null) {
            parts.add(0, pickPlace.toString());
        }
        return parts.isEmpty() ? "real" : String.join(",", parts);
    }

    /**
     * Applies the model-side scales of the gap (gravity, friction, density) to a model the caller owns. Action
     * noise is applied by the environment at each step; the pick-place dynamics by the pick-place environment
     * (before these scales).
     */
    public void applyTo(MujocoModel model, boolean massNormalized) {
        mjModel m = model.raw();
        if (gravity != 1.0) {
            DoublePointer g = m.opt().gravity();
            for (int i = 0; i < 3; i++) {
                g.put(i, g.get(i) * gravity);
            }
        }
        if (friction != 1.0) {
            DoublePointer fr = m.geom_friction();
            long n = 3L * m.ngeom();
            for (long i = 0; i < n; i++) {
                fr.put(i, fr.get(i) * friction);
            }
            DoublePointer pairs = m.pair_friction(); // explicit contact pairs (pick-place's pads) carry their own
            long np = 5L * m.npair();
            for (long i = 0; i < np; i++) {
                pairs.put(i, pairs.get(i) * friction);
            }
        }
        if (density != 1.0 && !massNormalized) {
            DoublePointer mass = m.body_mass();
            DoublePointer inertia = m.body_inertia();
            for (int b = 0; b < m.nbody(); b++) {
                mass.put(b, mass.get(b) * density);
                for (int k = 0; k < 3; k++) {
                    inertia.put(3L * b + k, inertia.get(3L * b + k) * density);
                }
            }
        }
    }
}
