package io.oris.pipeline.train;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job's learner hyperparameter overrides, read with a type check per key; keys no learner read are an
 * error (a misspelt key must not silently leave a default in force).
 */
final class Overrides {
    private final String owner;
    private final Map<String, Object> values;
    private final Set<String> used = new HashSet<>();

    Overrides(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = values;
    }

    double dbl(String key, double dflt) {
        Object v = take(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n)) {
            throw bad(key, "a number", v);
        }
        return n.doubleValue();
    }

    int integer(String key, int dflt) {
        Object v = take(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw bad(key, "a whole number", v);
        }
        return n.intValue();
    }

    boolean bool(String key, boolean dflt) {
        Object v = take(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            throw bad(key, "true or false", v);
        }
        return b;
    }

    String string(String key, String dflt) {
        Object v = take(key);
        return v == null ? dflt : v.toString();
    }

    List<Integer> list(String key, List<Integer> dflt) {
        Object v = take(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() > 0)) {
            throw bad(key, "a list of positive whole numbers such as [256, 256]", v);
        }
        return l.stream().map(x -> ((Number) x).intValue()).toList();
    }

    private Object take(String key) {
        used.add(key);
        return values.get(key);
    }

    /** Fails when a key was given that nothing read (other than {@code allowed}). */
    void requireAllUsed(Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(used);
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(owner + ": unknown hyperparameter(s) " + unknown + " for this method");
        }
    }

    private IllegalArgumentException bad(String key, String expected, Object got) {
        return new IllegalArgumentException(owner + ": hyperparameter '" + key + "' must be " + expected + ", got " + got);
    }
}
