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
 * @param gravity         scale of the gravity vector (1 = real)
 * @param friction        scale of every geom's sliding, torsional and rolling friction (1 = real)
 * @param density         scale of every body's mass and inertia (1 = real); no effect on mass-normalised models
 * @param actionNoise     standard deviation σ of the N(0, σ²) noise added to each action dimension (0 = none)
 */
public record DynamicsGap(double gravity, double friction, double density, double actionNoise) {

    /** The real environment: no modification. */
    public static final DynamicsGap REAL = new DynamicsGap(1.0, 1.0, 1.0, 0.0);

    public DynamicsGap {
        requirePositive("gravity", gravity);
        requirePositive("friction", friction);
        requirePositive("density", density);
        if (!Double.isFinite(actionNoise) || actionNoise < 0) {
            throw new IllegalArgumentException("action_noise must be a finite number >= 0, got " + actionNoise);
        }
    }

    private static void requirePositive(String key, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(key + " scale must be a finite number > 0, got " + value);
        }
    }

    /**
     * Parses {@code real}, {@code gravity=2.0}, {@code friction=0.3}, {@code density=1.5},
     * {@code action_noise=1.0} or a comma-separated combination such as {@code gravity=2.0,friction=0.5}.
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
        List<String> seen = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("bad dynamics gap '" + text + "': part '" + part.trim()
                        + "' is not key=value (keys: gravity, friction, density, action_noise)");
            }
            String key = kv[0].trim().replace('-', '_');
            if (seen.contains(key)) {
                throw new IllegalArgumentException("bad dynamics gap '" + text + "': '" + key + "' given twice");
            }
            seen.add(key);
            double value;
            try {
                value = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad dynamics gap '" + text + "': value of '" + key
                        + "' is not a number: '" + kv[1].trim() + "'");
            }
            switch (key) {
                case "gravity" -> g = value;
                case "friction" -> f = value;
                case "density" -> d = value;
                case "action_noise", "noise" -> n = value;
                default -> throw new IllegalArgumentException("bad dynamics gap '" + text + "': unknown key '"
                        + key + "' (keys: gravity, friction, density, action_noise)");
            }
        }
        return new DynamicsGap(g, f, d, n);
    }

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
        return parts.isEmpty() ? "real" : String.join(",", parts);
    }

    /**
     * Applies the model-side parts of the gap (gravity, friction, density) to a model the caller owns.
     * Action noise is applied by the environment at each step.
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
