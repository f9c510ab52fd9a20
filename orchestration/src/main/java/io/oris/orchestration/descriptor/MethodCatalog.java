package io.oris.orchestration.descriptor;

import static io.oris.orchestration.descriptor.HyperparameterKeys.BC;
import static io.oris.orchestration.descriptor.HyperparameterKeys.COMBO;
import static io.oris.orchestration.descriptor.HyperparameterKeys.CQL;
import static io.oris.orchestration.descriptor.HyperparameterKeys.DISCRIMINATOR;
import static io.oris.orchestration.descriptor.HyperparameterKeys.H2O;
import static io.oris.orchestration.descriptor.HyperparameterKeys.HYBRID_BATCH;
import static io.oris.orchestration.descriptor.HyperparameterKeys.IQL;
import static io.oris.orchestration.descriptor.HyperparameterKeys.ORIS_ROLLOUTS;
import static io.oris.orchestration.descriptor.HyperparameterKeys.SAC_CORE;
import static io.oris.orchestration.descriptor.HyperparameterKeys.SINGLE_SOURCE_BATCH;
import static io.oris.orchestration.descriptor.HyperparameterKeys.SQL;
import static io.oris.orchestration.descriptor.HyperparameterKeys.TD3BC;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The method catalog: one {@link MethodInfo} per {@link Method}, the one place that says what a method is called, which
 * family it belongs to, which variants it has, which hyperparameters its learner reads, how the report labels and
 * orders it, and what it needs besides its dataset and simulator. Job parsing, sweep expansion, planning, hyperparameter
 * validation, learner wiring and the report all read it (docs/architecture.md §2). The model module keeps the only
 * name → learner-class map ({@code Learners}); the pipeline's {@code MethodCatalogLearnersTest} checks that both agree.
 */
public final class MethodCatalog {
    private static final List<MethodInfo> METHODS = List.of(
            new MethodInfo(Method.SAC, "sac", MethodFamily.SIM_ONLY, "SAC", List.of(), Map.of(),
                    List.of(SAC_CORE, SINGLE_SOURCE_BATCH), 6, false, false),
            new MethodInfo(Method.CQL, "cql", MethodFamily.OFFLINE, "CQL", List.of(), Map.of(),
                    List.of(SAC_CORE, SINGLE_SOURCE_BATCH, CQL), 1, false, false),
            new MethodInfo(Method.IQL, "iql", MethodFamily.OFFLINE, "IQL", List.of(), Map.of(),
                    List.of(IQL), 2, false, false),
            new MethodInfo(Method.SQL, "sql", MethodFamily.OFFLINE, "SQL", List.of(), Map.of(),
                    List.of(SQL), 3, false, false),
            new MethodInfo(Method.COMBO, "combo", MethodFamily.OFFLINE, "COMBO", List.of(), Map.of(),
                    List.of(SAC_CORE, SINGLE_SOURCE_BATCH, COMBO), 5, false, true),
            new MethodInfo(Method.TD3BC, "td3bc", MethodFamily.OFFLINE, "TD3+BC", List.of(), Map.of(),
                    List.of(TD3BC), 4, false, false),
            new MethodInfo(Method.BC, "bc", MethodFamily.OFFLINE, "BC", List.of(), Map.of(),
                    List.of(BC), 0, false, false),
            new MethodInfo(Method.H2O, "h2o", MethodFamily.HYBRID, "H2O", List.of("a", "dr", "reg", "v"), Map.of(),
                    List.of(SAC_CORE, HYBRID_BATCH, H2O, DISCRIMINATOR), 9, false, false),
            new MethodInfo(Method.DARC, "darc", MethodFamily.HYBRID, "DARC", List.of(), Map.of(),
                    List.of(SAC_CORE, SINGLE_SOURCE_BATCH, DISCRIMINATOR), 7, false, false),
            new MethodInfo(Method.DARC_PLUS, "darc+", MethodFamily.HYBRID, "DARC+", List.of(), Map.of(),
                    List.of(SAC_CORE, HYBRID_BATCH, DISCRIMINATOR), 8, false, false),
            new MethodInfo(Method.ORIS, "oris", MethodFamily.HYBRID, "ORIS", List.of("no_restart", "h2o_reweight"),
                    Map.of("no_restart", "w/o restart", "h2o_reweight", "H2O reweight",
                            "no_restart-h2o_reweight", "w/o restart & H2O reweight"),
                    List.of(SAC_CORE, HYBRID_BATCH, ORIS_ROLLOUTS), 10, true, false));
    private static final Map<Method, MethodInfo> BY_METHOD = index();

    private MethodCatalog() {
    }

    private static Map<Method, MethodInfo> index() {
        EnumMap<Method, MethodInfo> m = new EnumMap<>(Method.class);
        for (MethodInfo info : METHODS) {
            if (m.put(info.method(), info) != null) {
                throw new IllegalStateException("method " + info.method() + " is catalogued twice");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every method, in the order job-file messages list them. */
    public static List<MethodInfo> all() {
        return METHODS;
    }

    /** The facts of {@code method}. */
    public static MethodInfo of(Method method) {
        MethodInfo info = BY_METHOD.get(method);
        if (info == null) {
            throw new IllegalStateException("method " + method + " has no catalog entry");
        }
        return info;
    }

    /** The method named {@code id} in job files and run configs ({@code td3bc}, {@code darc+}). */
    public static Optional<MethodInfo> byId(String id) {
        return METHODS.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Every method's name, in catalog order. */
    public static List<String> ids() {
        return METHODS.stream().map(MethodInfo::id).toList();
    }
}
