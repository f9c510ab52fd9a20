package io.oris.orchestration.sweep;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.GapSpec;
import io.oris.orchestration.descriptor.HyperparameterKeys;
import io.oris.orchestration.descriptor.MethodSpec;
import io.oris.orchestration.descriptor.Sweep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a sweep into its runs. A method multiplies by the datasets only if it reads offline data and by
 * the gaps only if it steps a simulator: an offline run (CQL, IQL, TD3+BC, BC) is gap-independent and is
 * shared by every gap column; a sim-only SAC run is one per env × gap × seed and is shown in every
 * dataset column of its env. Order: per env, its datasets (methods × gaps × seeds each), then its
 * sim-only runs — the grouping the planner shards train tasks by. Each run gets the hyperparameters its
 * learner reads ({@link HyperparameterKeys}); its {@code gan.*} keys, with the job's {@code gan:} section and the
 * GAN seed, make its {@link GanSpec}; a COMBO run's {@code dynamics.*} keys and the job's {@code dynamics:} sharing
 * rule make its {@link DynamicsSpec}.
 */
public final class SweepExpander {

    /** The runs of {@code sweep}, in a deterministic order, without duplicates. */
    public List<RunSpec> expand(Sweep sweep) {
        List<RunSpec> runs = new ArrayList<>();
        for (String env : sweep.envs()) {
            for (DatasetSpec dataset : sweep.datasets()) {
                if (!dataset.env().equals(env)) {
                    continue;
                }
                for (MethodSpec method : sweep.methods()) {
                    if (method.method().usesDataset()) {
                        addRuns(runs, sweep, method, env, dataset);
                    }
                }
            }
            for (MethodSpec method : sweep.methods()) {
                if (!method.method().usesDataset()) {
                    addRuns(runs, sweep, method, env, null);
                }
            }
        }
        return List.copyOf(runs);
    }

    private static void addRuns(List<RunSpec> runs, Sweep sweep, MethodSpec method, String env, DatasetSpec dataset) {
        List<String> gaps = new ArrayList<>();
        if (method.method().usesSimulator()) {
            sweep.gaps().forEach(g -> gaps.add(g.canonical()));
        } else {
            gaps.add(null);
        }
        Map<String, Object> learner = new LinkedHashMap<>();
        Map<String, Object> ganOverrides = new LinkedHashMap<>();
        hyperparameters(sweep, method).forEach((k, v) -> {
            if (k.startsWith(HyperparameterKeys.GAN_PREFIX)) {
                ganOverrides.put(k.substring(HyperparameterKeys.GAN_PREFIX.length()), v);
            } else {
                learner.put(k, v);
            }
        });
        for (String gap : gaps) {
            for (long seed : sweep.seeds()) {
                GanSpec gan = method.usesGan() ? GanSpec.of(dataset.id(), sweep.gan(), ganOverrides, seed) : null;
                DynamicsSpec dynamics = method.usesDynamicsModel()
                        ? DynamicsSpec.of(dataset.id(), sweep.dynamics(), learner, seed) : null;
                runs.add(RunSpec.of(method, env, dataset, gap, seed, sweep.budget(), sweep.evaluation(), learner, gan,
                        dynamics));
            }
        }
    }

    /**
     * Method-level overrides that this variant reads, then the variant's own (a variant inherits its method's);
     * {@code gan.*} keys included (the caller moves them to the run's GAN).
     */
    static Map<String, Object> hyperparameters(Sweep sweep, MethodSpec method) {
        Map<String, Object> effective = new LinkedHashMap<>(sweep.hyperparameters().getOrDefault(method.method().id(),
                Map.of()));
        if (!method.flags().isEmpty()) {
            effective.putAll(sweep.hyperparameters().getOrDefault(method.name(), Map.of()));
        }
        Set<String> reads = HyperparameterKeys.of(method, effective);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> base = sweep.hyperparameters().get(method.method().id());
        if (base != null) {
            base.forEach((k, v) -> {
                if (reads.contains(k)) {
                    out.put(k, v);
                }
            });
        }
        if (!method.flags().isEmpty()) {
            Map<String, Object> own = sweep.hyperparameters().get(method.name());
            if (own != null) {
                out.putAll(own);
            }
        }
        return out;
    }

    /** Canonical gap strings of the sweep (for table columns). */
    public static List<String> gapColumns(Sweep sweep) {
        return sweep.gaps().stream().map(GapSpec::canonical).toList();
    }
}
