package io.oris.orchestration.descriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dynamics gap of the simulator: {@code real} (the unmodified model) or factors such as
 * {@code gravity=2.0}, {@code friction=0.3}, {@code action_noise=1.0}, {@code density=..} and
 * comma-separated combinations. The canonical text orders the factors and formats the numbers so that
 * equal gaps compare and hash equal.
 */
public record GapSpec(Map<String, Double> factors) {
    /** The factor names the simulator understands, in canonical order. */
    public static final List<String> KINDS = List.of("gravity", "friction", "density", "action_noise");
    public static final String REAL = "real";

    public GapSpec {
        factors = Map.copyOf(factors);
    }

    /** Parses a gap string; the exception message says what is allowed. */
    public static GapSpec parse(String text) {
        String t = text.trim();
        if (t.equals(REAL)) {
            return new GapSpec(Map.of());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : t.split(",")) {
            String[] kv = part.trim().split("=", -1);
            if (kv.length != 2 || !KINDS.contains(kv[0].trim())) {
                throw new IllegalArgumentException("cannot read gap '" + part.trim() + "'; expected 'real' or KIND=NUMBER"
                        + " with KIND one of " + KINDS + ", combined with commas (e.g. gravity=2.0,friction=0.5)");
            }
            String kind = kv[0].trim();
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gap '" + part.trim() + "': '" + kv[1].trim() + "' is not a number");
            }
            boolean ok = kind.equals("action_noise") ? v >= 0 : v > 0;
            if (!ok || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("gap '" + part.trim() + "': " + kind
                        + (kind.equals("action_noise") ? " must be >= 0 (noise std)" : " must be > 0 (a multiplier)"));
            }
            if (out.put(kind, v) != null) {
                throw new IllegalArgumentException("gap '" + t + "' names " + kind + " twice");
            }
        }
        return new GapSpec(out);
    }

    public boolean isReal() {
        return factors.isEmpty();
    }

    /** Canonical text, e.g. {@code gravity=2.0,friction=0.5} or {@code real}. */
    public String canonical() {
        if (isReal()) {
            return REAL;
        }
        StringBuilder sb = new StringBuilder();
        for (String k : KINDS) {
            Double v = factors.get(k);
            if (v != null) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(k).append('=').append(v);
            }
        }
        return sb.toString();
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
