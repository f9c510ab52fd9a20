package io.oris.orchestration.descriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dynamics gap of the simulator, as a job file names it: {@code real} (the unmodified model), factors such as
 * {@code gravity=2.0}, {@code friction=0.3}, {@code action_noise=1.0}, {@code density=..}, and for the pick-place
 * task of ORIS Table III the named gap {@code sim} (Metaworld's dynamics as the inaccurate simulator of the robot)
 * and the pick-place parameters ({@code sim,action_delay=1}, {@code block_mass=0.3}; docs/reference.md §8), all
 * combined with commas. The canonical text orders the parts (the pick-place ones first, as the simulator's
 * {@code DynamicsGap} writes them) and formats the numbers, so that equal gaps compare and hash equal.
 *
 * @param sim       true when the gap starts from pick-place's Metaworld dynamics ({@code sim})
 * @param pickPlace pick-place parameters (absolute values as text, canonical form), in {@link #PICK_PLACE_KEYS} order
 * @param factors   the locomotion-style scales and noise, in {@link #KINDS} order
 */
public record GapSpec(boolean sim, Map<String, String> pickPlace, Map<String, Double> factors) {
    /** The factor names the simulator understands for every task, in canonical order. */
    public static final List<String> KINDS = List.of("gravity", "friction", "density", "action_noise");
    /** The pick-place dynamics parameters (sim's {@code PickPlaceDynamics.KEYS}), in canonical order. */
    public static final List<String> PICK_PLACE_KEYS = List.of("hand_gain", "action_delay", "gripper", "finger_kp",
            "block_mass", "pad_friction", "block_noise");
    /** The named pick-place simulator: Metaworld's dynamics. */
    public static final String SIM = "sim";
    public static final String REAL = "real";

    public GapSpec {
        pickPlace = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pickPlace));
        factors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    }

    /** Parses a gap string; the exception message says what is allowed. */
    public static GapSpec parse(String text) {
        String t = text.trim();
        if (t.equals(REAL)) {
            return new GapSpec(false, Map.of(), Map.of());
        }
        boolean sim = false;
        Map<String, String> pp = new LinkedHashMap<>();
        Map<String, Double> out = new LinkedHashMap<>();
        String[] parts = t.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.equals(SIM)) {
                if (i != 0 || sim) {
                    throw new IllegalArgumentException("gap '" + t + "': 'sim' (pick-place's Metaworld dynamics) must come"
                            + " first, once, so that the keys after it change Metaworld's values");
                }
                sim = true;
                continue;
            }
            String[] kv = part.split("=", -1);
            String kind = kv.length == 2 ? kv[0].trim() : "";
            if (PICK_PLACE_KEYS.contains(kind)) {
                if (pp.put(kind, pickPlaceValue(part, kind, kv[1].trim())) != null) {
                    throw new IllegalArgumentException("gap '" + t + "' names " + kind + " twice");
                }
                continue;
            }
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("cannot read gap '" + part + "'; expected 'real' or KIND=NUMBER"
                        + " with KIND one of " + KINDS + ", combined with commas (e.g. gravity=2.0,friction=0.5); for"
                        + " pick-place also 'sim' (first) and " + PICK_PLACE_KEYS);
            }
            double v = number(part, kv[1].trim());
            boolean ok = kind.equals("action_noise") ? v >= 0 : v > 0;
            if (!ok || Double.isInfinite(v)) {
                throw new IllegalArgumentException("gap '" + part + "': " + kind
                        + (kind.equals("action_noise") ? " must be >= 0 (noise std)" : " must be > 0 (a multiplier)"));
            }
            if (out.put(kind, v) != null) {
                throw new IllegalArgumentException("gap '" + t + "' names " + kind + " twice");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        PICK_PLACE_KEYS.stream().filter(pp::containsKey).forEach(k -> ordered.put(k, pp.get(k)));
        return new GapSpec(sim, ordered, out);
    }

    private static String pickPlaceValue(String part, String key, String raw) {
        switch (key) {
            case "gripper" -> {
                if (!raw.equals("binary") && !raw.equals("continuous")) {
                    throw new IllegalArgumentException("gap '" + part + "': gripper must be 'binary' or 'continuous'");
                }
                return raw;
            }
            case "action_delay" -> {
                try {
                    int steps = Integer.parseInt(raw);
                    if (steps < 0) {
                        throw new NumberFormatException();
                    }
                    return Integer.toString(steps);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("gap '" + part + "': action_delay must be a whole number of"
                            + " steps >= 0");
                }
            }
            default -> {
                double v = number(part, raw);
                boolean ok = key.equals("block_noise") ? v >= 0 : v > 0;
                if (!ok || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("gap '" + part + "': " + key + " must be "
                            + (key.equals("block_noise") ? ">= 0 (metres)" : "> 0") + " (an absolute value, not a scale)");
                }
                return Double.toString(v);
            }
        }
    }

    private static double number(String part, String raw) {
        try {
            double v = Double.parseDouble(raw);
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gap '" + part + "': '" + raw + "' is not a number");
        }
    }

    public boolean isReal() {
        return !sim && pickPlace.isEmpty() && factors.isEmpty();
    }

    /** True when the gap names pick-place's dynamics ({@code sim} or its parameters): it fits pick-place only. */
    public boolean pickPlaceOnly() {
        return sim || !pickPlace.isEmpty();
    }

    /** Canonical text, e.g. {@code gravity=2.0,friction=0.5}, {@code sim,action_delay=1} or {@code real}. */
    public String canonical() {
        if (isReal()) {
            return REAL;
        }
        StringBuilder sb = new StringBuilder(sim ? SIM : "");
        pickPlace.forEach((k, v) -> append(sb, k + "=" + v));
        for (String k : KINDS) {
            Double v = factors.get(k);
            if (v != null) {
                append(sb, k + "=" + v);
            }
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append(part);
    }

    /** A file-name safe id, e.g. {@code gravity2.0-friction0.5}. */
    public String id() {
        return canonical().replace("=", "").replace(",", "-");
    }

    @Override
    public String toString() {
        return canonical();
    }
}
