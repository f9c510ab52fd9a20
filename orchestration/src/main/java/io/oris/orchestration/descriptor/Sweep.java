package io.oris.orchestration.descriptor;

import java.util.List;
import java.util.Map;

/**
 * The oris section of a job file, resolved and validated: which envs, datasets, gaps, methods (with
 * variants) and seeds make the sweep, the budgets and evaluation protocol every run shares, GAN
 * pre-training, how COMBO's dynamics models relate to seeds, Spark resources, Airflow settings, retraining inputs, learner hyperparameter overrides
 * (by method or method-variant name), aggregate report options and per-stage timeouts.
 */
public record Sweep(List<String> envs,
                    List<DatasetSpec> datasets,
                    List<GapSpec> gaps,
                    List<MethodSpec> methods,
                    List<Long> seeds,
                    Budget budget,
                    EvalProtocol evaluation,
                    GanSettings gan,
                    DynamicsSettings dynamics,
                    SparkSettings spark,
                    AirflowSettings airflow,
                    List<String> retrainOn,
                    Map<String, Map<String, Object>> hyperparameters,
                    Map<String, Object> report,
                    Map<String, Long> stageTimeoutsSec,
                    String dataRoot) {
    public Sweep {
        envs = List.copyOf(envs);
        datasets = List.copyOf(datasets);
        gaps = List.copyOf(gaps);
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        retrainOn = List.copyOf(retrainOn);
        hyperparameters = Map.copyOf(hyperparameters);
        report = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(report));
        stageTimeoutsSec = Map.copyOf(stageTimeoutsSec);
    }

    /** True when some method of the sweep is ORIS (a method whose variants read a pre-trained GAN of the datasets). */
    public boolean hasOris() {
        return methods.stream().anyMatch(m -> m.method().info().readsGan());
    }

    /** True when some method of the sweep needs a pre-trained dynamics model of its dataset (COMBO). */
    public boolean hasDynamicsModels() {
        return methods.stream().anyMatch(MethodSpec::usesDynamicsModel);
    }
}
