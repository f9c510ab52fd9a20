package io.oris.model.learner;

import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.combo.TerminationFn;
import io.oris.model.config.H2oConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.oris.StateGan;
import io.oris.model.replay.Transitions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a learner from a method name and a configuration. Names: {@code sac} (simulator only), {@code cql},
 * {@code iql}, {@code sql}, {@code combo} (with its dynamics model, {@link Pretrained}), {@code td3bc}, {@code bc}, {@code h2o} with any of the suffixes {@code -a} (uniform ω), {@code -dr}
 * (no dynamics ratio), {@code -reg} (no regularisation), {@code -v} (E_ω[Q]), {@code darc}, {@code darc+},
 * {@code oris} with {@code -no_restart} and/or {@code -h2o_reweight} ({@code oris.regularisation: h2o} adds H2O's
 * value regularisation; {@code oris-no_restart-h2o_reweight} with it is H2O's learner). Suffixes switch the corresponding config
 * fields ({@link #resolve}); the resolved config is what a run should record.
 */
public final class Learners {
    /** Every base method name this class builds a learner for, with the ablation suffixes it accepts, in order. */
    private static final Map<String, List<String>> METHODS = orderedMethods();

    private Learners() {
    }

    private static Map<String, List<String>> orderedMethods() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String plain : List.of("sac", "cql", "iql", "sql", "combo", "td3bc", "bc")) {
            m.put(plain, List.of());
        }
        m.put("h2o", List.of("a", "dr", "reg", "v"));
        m.put("darc", List.of());
        m.put("darc+", List.of());
        m.put("oris", List.of("no_restart", "h2o_reweight"));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The base method names with the ablation suffixes each accepts (any subset, joined by {@code -}); the
     * orchestration's method catalog must list the same (the pipeline's {@code MethodCatalogLearnersTest}).
     */
    public static Map<String, List<String>> methods() {
        return METHODS;
    }

    /** Every base method and the ablations the papers report. */
    public static List<String> knownMethods() {
        return List.of("sac", "cql", "iql", "sql", "combo", "td3bc", "bc", "h2o", "h2o-a", "h2o-dr", "h2o-a-dr", "h2o-reg",
                "h2o-reg-dr", "h2o-v", "darc", "darc+", "oris", "oris-no_restart", "oris-h2o_reweight",
                "oris-no_restart-h2o_reweight");
    }

    private static String base(String method) {
        String m = method.toLowerCase(Locale.ROOT).trim();
        int dash = m.indexOf('-');
        return dash < 0 ? m : m.substring(0, dash);
    }

    private static Set<String> suffixes(String method) {
        String m = method.toLowerCase(Locale.ROOT).trim();
        Set<String> s = new LinkedHashSet<>();
        int dash = m.indexOf('-');
        if (dash >= 0) {
            for (String p : m.substring(dash + 1).split("-")) {
                s.add(p);
            }
        }
        return s;
    }

    /** The configuration with the method's ablation switches applied; rejects unknown names. */
    public static LearnerConfig resolve(String method, LearnerConfig cfg) {
        String base = base(method);
        Set<String> sfx = suffixes(method);
        if (!METHODS.containsKey(base) || !METHODS.get(base).containsAll(sfx)) {
            throw unknown(method);
        }
        switch (base) {
            case "sac", "cql", "iql", "sql", "combo", "td3bc", "bc", "darc", "darc+" -> {
                if (!sfx.isEmpty()) {
                    throw unknown(method);
                }
                return cfg;
            }
            case "h2o" -> {
                H2oConfig h = cfg.h2o();
                List<String> left = new ArrayList<>(sfx);
                boolean adaptive = !left.remove("a") && h.adaptiveWeights();
                boolean ratio = !left.remove("dr") && h.dynamicsRatio();
                boolean reg = !left.remove("reg") && h.regularisation();
                boolean variant = left.remove("v") || h.expectationVariant();
                if (!left.isEmpty()) {
                    throw unknown(method);
                }
                H2oConfig r = h.toBuilder()
                        .adaptiveWeights(adaptive)
                        .dynamicsRatio(ratio)
                        .regularisation(reg)
                        .expectationVariant(variant)
                        .build();
                return cfg.withH2o(r);
            }
            case "oris" -> {
                OrisConfig o = cfg.oris();
                List<String> left = new ArrayList<>(sfx);
                boolean restart = !left.remove("no_restart") && o.restartFromGenerator();
                boolean reweight = left.remove("h2o_reweight") || o.h2oReweight();
                if (!left.isEmpty()) {
                    throw unknown(method);
                }
                OrisConfig r = o.toBuilder().restartFromGenerator(restart).h2oReweight(reweight).build();
                return cfg.withOris(r);
            }
            default -> throw unknown(method);
        }
    }

    private static IllegalArgumentException unknown(String method) {
        return new IllegalArgumentException("unknown method '" + method + "'; known: " + knownMethods());
    }

    /**
     * A new learner.
     *
     * @param gan ORIS's pre-trained GAN (needed by {@code oris} unless it uses h2o_reweight; ignored otherwise)
     */
    public static Learner create(String method, LearnerConfig config, LearnerDims dims, StateGan gan, long seed) {
        return createWith(method, config, dims, Pretrained.gan(gan), seed);
    }

    /**
     * What some methods need besides their config: ORIS's pre-trained GAN, COMBO's trained dynamics model, the
     * offline transitions its rollouts start from and the task's termination rule for its model rollouts. Null where a
     * method does not use it.
     */
    public record Pretrained(StateGan gan, DynamicsEnsemble dynamics, Transitions offline, TerminationFn termination) {
        /** ORIS's GAN only (null for methods without one). */
        public static Pretrained gan(StateGan gan) {
            return new Pretrained(gan, null, null, null);
        }
    }

    /** A new learner with its pre-trained parts ({@code combo} needs {@link Pretrained#dynamics()} and offline data). */
    public static Learner createWith(String method, LearnerConfig config, LearnerDims dims, Pretrained pre, long seed) {
        LearnerConfig c = resolve(method, config);
        StateGan gan = pre.gan();
        String name = method.toLowerCase(Locale.ROOT).trim();
        return switch (base(method)) {
            case "sac" -> new SacLearner(name, dims, c.sac(), seed);
            case "cql" -> new CqlLearner(name, dims, c.sac(), c.cql(), seed);
            case "iql" -> new IqlLearner(name, dims, c.sac(), c.iql(), seed);
            case "sql" -> new SqlLearner(name, dims, c.sac(), c.sql(), seed);
            case "combo" -> new ComboLearner(name, dims, c.sac(), c.cql(), c.combo(), pre.dynamics(), pre.offline(),
                    pre.termination(), seed);
            case "td3bc" -> new Td3BcLearner(name, dims, c.sac(), c.td3bc(), seed);
            case "bc" -> new BcLearner(name, dims, c.sac(), c.bc(), seed);
            case "h2o" -> new H2oLearner(name, dims, c.sac(), c.h2o(), c.discriminator(), seed);
            case "darc" -> new DarcLearner(name, dims, c.sac(), c.discriminator(), false, seed);
            case "darc+" -> new DarcLearner(name, dims, c.sac(), c.discriminator(), true, seed);
            case "oris" -> c.oris().h2oReweight() || c.oris().h2oRegularisation()
                    ? new OrisH2oLearner(name, dims, c.sac(), c.oris(), gan, c.h2o(), c.discriminator(), seed)
                    : new OrisLearner(name, dims, c.sac(), c.oris(), gan, seed);
            default -> throw unknown(method);
        };
    }
}
