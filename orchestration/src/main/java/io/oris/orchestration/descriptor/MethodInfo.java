package io.oris.orchestration.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts of one learning method that orchestration and the report need, kept in {@link MethodCatalog}: its name
 * in job files, run configs and table columns, its {@link MethodFamily}, its ablation flags, the hyperparameter key
 * groups every variant of its learner reads, its label as the papers print it, its place among the report's columns,
 * and which pre-trained parts it needs. Which learner class a name builds is the model's business
 * ({@code io.oris.model.learner.Learners}); the pipeline's {@code MethodCatalogLearnersTest} checks that both know the
 * same names and flags.
 *
 * @param method the typed key of the method
 * @param id the name used in job files, run configs and tables ({@code td3bc}, {@code darc+})
 * @param family what the method learns from
 * @param label the name as the papers print it ({@code TD3+BC}, {@code H2O})
 * @param flags the ablation flags it accepts as variants ({@code h2o-a}, {@code oris-no_restart}), in canonical order
 * @param variantLabels variants printed in parentheses after the label ({@code ORIS (w/o restart)}); other variants are
 *                      printed as {@code LABEL-variant} ({@code H2O-a-dr})
 * @param keyGroups the hyperparameter key groups of {@link HyperparameterKeys} that every variant of the learner reads
 *                  (variant- and override-dependent keys are added by {@link HyperparameterKeys#of(MethodSpec, Map)})
 * @param columnRank the method's place in the report's default column order (offline baselines, SAC, DARC, H2O,
 *                   ORIS)
 * @param readsGan true when some variant reads ORIS's pre-trained GAN ({@link MethodSpec#usesGan()} says which)
 * @param needsDynamicsModel true when the learner needs a trained dynamics model of the dataset (COMBO)
 */
public record MethodInfo(Method method, String id, MethodFamily family, String label, List<String> flags,
                         Map<String, String> variantLabels, List<List<String>> keyGroups, int columnRank,
                         boolean readsGan, boolean needsDynamicsModel) {
    public MethodInfo {
        flags = List.copyOf(flags);
        variantLabels = Map.copyOf(variantLabels);
        keyGroups = keyGroups.stream().map(List::copyOf).toList();
    }

    /** True when runs step a simulator, so they are repeated for every gap of the sweep. */
    public boolean usesSimulator() {
        return family.usesSimulator();
    }

    /** True when runs read an offline dataset, so they are repeated for every dataset of the sweep. */
    public boolean usesDataset() {
        return family.usesDataset();
    }

    /** The hyperparameter keys every variant reads, in group order (duplicates possible). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        keyGroups.forEach(keys::addAll);
        return keys;
    }

    /** The column as the papers print it: {@code TD3+BC}, {@code H2O-a-dr}, {@code ORIS (w/o restart)}. */
    public String display(String variant) {
        if (variant == null || variant.isEmpty()) {
            return label;
        }
        String named = variantLabels.get(variant);
        return named != null ? label + " (" + named + ")" : label + "-" + variant;
    }
}
