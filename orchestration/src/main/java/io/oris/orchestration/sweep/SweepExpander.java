package io.oris.orchestration.sweep;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.GapSpec;
import io.oris.orchestration.descriptor.Method;
import io.oris.orchestration.descriptor.MethodSpec;
import io.oris.orchestration.descriptor.Sweep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a sweep into its runs. A method multiplies by the datasets only if it reads offline data and by
 * the gaps only if it steps a simulator: an offline run (CQL, IQL, TD3+BC, BC) is gap-independent and is
 * shared by every gap column; a sim-only SAC run is one per env × gap × seed and is shown in every
 * dataset column of its env. Order: per env, its datasets (methods × gaps × seeds each), then its
 * sim-only runs — the grouping the planner shards train tasks by.
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
        Map<String, Object> hyper = hyperparameters(sweep, method);
        for (String gap : gaps) {
            for (long seed : sweep.seeds()) {
                runs.add(RunSpec.of(method, env, dataset, gap, seed, sweep.budget(), sweep.evaluation(), hyper,
                        method.method() == Method.ORIS ? sweep.gan() : null));
            }
        }
    }

    /** Method-level overrides, then the variant's own (a variant inherits its method's). */
    static Map<String, Object> hyperparameters(Sweep sweep, MethodSpec method) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> base = sweep.hyperparameters().get(method.method().id());
        if (base != null) {
            out.putAll(base);
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
