package io.oris.orchestration.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the {@code hyperparameters:} section of a sweep: learner overrides keyed by method or method-variant
 * ({@code oris}, {@code oris-no_restart}), each a map of the model's dotted keys. Every key must be one that the
 * runs it is given to read ({@link HyperparameterKeys}), so a key is applied or the job is rejected here, at parse
 * time, with the file, line, key, method and the keys that method reads. A method-level entry is inherited by the
 * sweep's variants of that method; each of its keys must be read by at least one of them (and reaches only those
 * that read it). {@code gan.*} values are typed here, because they configure the pre-trained GAN, not the learner.
 */
final class HyperparameterParser {
    private final List<MethodSpec> methods;

    HyperparameterParser(List<MethodSpec> methods) {
        this.methods = methods;
    }

    Map<String, Map<String, Object>> parse(YamlNode node) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        // the plain values of every entry first: what a variant reads can depend on them (oris.regularisation)
        Map<String, Map<String, Object>> plain = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
            Map<String, Object> values = new LinkedHashMap<>();
            if (!e.getValue().isNull()) {
                e.getValue().map().forEach((k, v) -> values.put(k, v.plain()));
            }
            plain.put(e.getKey(), values);
        }
        for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
            MethodSpec spec;
            try {
                spec = MethodSpec.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw e.getValue().error("hyperparameters are keyed by method or method-variant: " + ex.getMessage());
            }
            List<MethodSpec> targets = methods.stream().filter(s -> s.equals(spec)
                    || (spec.flags().isEmpty() && s.method() == spec.method())).toList();
            if (targets.isEmpty()) {
                throw e.getValue().error("hyperparameters for '" + spec.name() + "', which is not among the methods " + methods);
            }
            SortedSet<String> reads = new TreeSet<>();
            targets.forEach(t -> reads.addAll(HyperparameterKeys.of(t, effective(plain, t))));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> kv : e.getValue().map().entrySet()) {
                check(kv.getKey(), kv.getValue(), spec, targets, reads);
                values.put(kv.getKey(), value(kv.getKey(), kv.getValue()));
            }
            out.put(spec.name(), values);
        }
        return out;
    }

    /** A variant's overrides as the sweep will give them: its method's entry, then its own. */
    static Map<String, Object> effective(Map<String, Map<String, Object>> plain, MethodSpec target) {
        Map<String, Object> out = new LinkedHashMap<>(plain.getOrDefault(target.method().id(), Map.of()));
        if (!target.flags().isEmpty()) {
            out.putAll(plain.getOrDefault(target.name(), Map.of()));
        }
        return out;
    }

    private static void check(String key, YamlNode node, MethodSpec spec, List<MethodSpec> targets, SortedSet<String> reads) {
        String variant = HyperparameterKeys.VARIANT_SWITCHES.get(key);
        if (variant != null) {
            throw node.error("'" + key + "' switches an ablation on or off; list the variant " + variant
                    + " under methods instead (so that its table column says what ran), not a hyperparameter");
        }
        if (reads.contains(key)) {
            return;
        }
        String who = "method " + spec.name();
        String variants = spec.flags().isEmpty() && targets.size() > 1 ? " (its variants in this sweep, " + targets + ")" : "";
        String problem;
        List<String> readers = HyperparameterKeys.readers(key);
        if (readers.isEmpty()) {
            problem = "unknown hyperparameter '" + key + "' for " + who;
        } else if (key.equals(HyperparameterKeys.SIM_BUFFER_SIZE)) {
            problem = "'" + key + "' is not read by " + who + ": it sizes the simulated replay, and only methods that"
                    + " collect in the simulator have one (" + readers + ")";
        } else {
            problem = "'" + key + "' is not read by " + who + " (it is read by " + readers + ")";
        }
        throw node.error(problem + "; the keys " + spec.name() + variants + " reads are " + reads);
    }

    /** The value as plain Java values; {@code gan.*} values checked and normalised (they name the GAN's folder). */
    private static Object value(String key, YamlNode node) {
        if (!key.startsWith(HyperparameterKeys.GAN_PREFIX)) {
            return node.plain();
        }
        return switch (key.substring(HyperparameterKeys.GAN_PREFIX.length())) {
            case "generatorHidden", "discriminatorHidden" -> {
                List<Integer> sizes = new ArrayList<>();
                for (YamlNode h : node.list()) {
                    sizes.add((int) h.longAtLeast(1));
                }
                if (sizes.isEmpty()) {
                    throw node.error("expected at least one hidden layer size (e.g. [256, 256])");
                }
                yield sizes;
            }
            case "noiseDim" -> (int) node.longAtLeast(0);
            case "steps", "batch", "curveEvery" -> (int) node.longAtLeast(1);
            case "lr" -> SweepParser.positive(node);
            case "beta1" -> {
                double b = node.doubleValue();
                if (!(b >= 0 && b < 1)) {
                    throw node.error("expected Adam's beta1 in [0, 1), found " + b);
                }
                yield b;
            }
            case "nonSaturating" -> node.bool();
            default -> throw new IllegalStateException("gan key " + key + " is listed in HyperparameterKeys.GAN but has no type here");
        };
    }
}
