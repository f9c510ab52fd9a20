package io.oris.orchestration.descriptor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which hyperparameter keys each method (and variant) of a sweep actually reads, so that every key of a job's
 * {@code hyperparameters:} section is either applied to its runs or rejected when the job is parsed (before any
 * stage runs), never silently ignored.
 *
 * <p>Each method's {@link MethodInfo#keyGroups()} in {@link MethodCatalog} name the groups below that every variant
 * of its learner reads; this class adds what depends on the variant and the overrides (ORIS's). The keys are the model's dotted learner-config keys ({@code sac.hidden}, {@code h2o.beta}, {@code oris.wMin},
 * {@code gan.steps}; model/README.md and {@code io.oris.model.config}), plus {@value #SIM_BUFFER_SIZE}, which the
 * pipeline reads for the simulated replay of methods that collect in the simulator. What each learner reads:
 * <ul>
 *   <li>SAC-based learners (sac, cql, combo, h2o, darc, darc+, oris) read the whole SAC core; IQL, SQL, TD3+BC and BC build
 *       their own networks and read only the SAC fields listed for them.</li>
 *   <li>Single-source learners (sac, cql, iql, sql, combo, td3bc, bc, darc) read {@code sac.singleSourceBatch}; hybrids
 *       (h2o, darc+, oris) read {@code sac.offlineBatch} and {@code sac.simulatedBatch} instead.</li>
 *   <li>ORIS reads {@code oris.restartNoiseScale} only when it restarts from the GAN (not {@code no_restart}),
 *       {@code oris.wMin}/{@code wMax} only for w(s) (not {@code h2o_reweight}), H2O's ratio clip and the
 *       {@code discriminator.*} keys only with {@code h2o_reweight}, and the {@code gan.*} keys whenever it reads
 *       the pre-trained GAN ({@link MethodSpec#usesGan()}). {@code gan.*} keys override the job's {@code gan:}
 *       section for that method's GANs.</li>
 *   <li>Ablation switches ({@link #VARIANT_SWITCHES}) are never hyperparameters: the method variant chooses them,
 *       so that a table column always says what ran.</li>
 * </ul>
 * Orchestration does not depend on the model module, so this is a copy of what the learners read; the pipeline's
 * {@code HyperparameterKeysTest} checks it against the model's {@code LearnerConfig} (every key here exists there,
 * every field there is listed here), so a field added to the model without an entry here fails the build.
 */
public final class HyperparameterKeys {
    /** The capacity of the simulated replay ring (default: 1M for SAC, 10 × the offline dataset for hybrids). */
    public static final String SIM_BUFFER_SIZE = "sim_buffer_size";
    /** Prefix of the keys that configure ORIS's pre-trained GAN (the model's {@code GanConfig} fields). */
    public static final String GAN_PREFIX = "gan.";

    /** The SAC fields every SAC-based learner reads (batch sizes aside). */
    static final List<String> SAC_CORE = List.of("sac.hidden", "sac.actorLr", "sac.criticLr", "sac.alphaLr", "sac.gamma",
            "sac.tau", "sac.autoAlpha", "sac.initialAlpha", "sac.targetEntropy", "sac.logStdMin", "sac.logStdMax",
            "sac.logStdMultiplier", "sac.logStdOffset", "sac.lastLayerGain", "sac.dataType", "sac.backupEntropy", "sac.logStdAffine");
    static final List<String> SINGLE_SOURCE_BATCH = List.of("sac.singleSourceBatch");
    static final List<String> HYBRID_BATCH = List.of("sac.offlineBatch", "sac.simulatedBatch");
    static final List<String> CQL = List.of("cql.minQWeight", "cql.sampledActions", "cql.temperature",
            "cql.importanceSampling", "cql.clipDiff");
    static final List<String> IQL = List.of("sac.hidden", "sac.gamma", "sac.tau", "sac.logStdMin", "sac.logStdMax",
            "sac.dataType", "sac.singleSourceBatch", "iql.expectile", "iql.beta", "iql.maxWeight", "iql.lr",
            "iql.actorLrSchedule", "iql.maxSteps", "iql.rewardScale");
    static final List<String> SQL = List.of("sac.hidden", "sac.gamma", "sac.tau", "sac.logStdMin", "sac.logStdMax",
            "sac.dataType", "sac.singleSourceBatch", "sql.alpha", "sql.lr", "sql.actorLrSchedule", "sql.maxSteps",
            "sql.rewardScale", "sql.actorWeight", "sql.maxWeight");
    /** COMBO: the SAC core, CQL's push-down estimator (not its weight or clip), its own and its dynamics model's keys. */
    static final List<String> COMBO = List.of("cql.sampledActions", "cql.temperature", "cql.importanceSampling",
            "combo.beta", "combo.rolloutHorizon", "combo.realRatio", "combo.rolloutBatch", "combo.rolloutEvery",
            "combo.retainRounds", "combo.pushDownStates", "dynamics.ensembleSize", "dynamics.elites", "dynamics.hidden",
            "dynamics.lr", "dynamics.batch", "dynamics.weightDecay", "dynamics.logVarBoundWeight",
            "dynamics.holdoutFraction", "dynamics.maxHoldout", "dynamics.patience", "dynamics.maxEpochs");
    static final List<String> TD3BC = List.of("sac.hidden", "sac.gamma", "sac.tau", "sac.dataType", "sac.singleSourceBatch",
            "td3bc.alpha", "td3bc.policyNoise", "td3bc.noiseClip", "td3bc.policyDelay", "td3bc.lr",
            "td3bc.normalizeStates");
    static final List<String> BC = List.of("sac.hidden", "sac.dataType", "sac.singleSourceBatch", "bc.lr");
    static final List<String> H2O = List.of("h2o.beta", "h2o.temperature", "h2o.clipDiff", "h2o.ratioMin", "h2o.ratioMax",
            "h2o.nextStateSamples", "h2o.nextStateNoise", "h2o.uMin", "h2o.uMax");
    static final List<String> DISCRIMINATOR = List.of("discriminator.hidden", "discriminator.lr",
            "discriminator.inputNoise", "discriminator.realBatch", "discriminator.simBatch", "discriminator.outputScale",
            "discriminator.dsaLearnsFromSasLoss");
    /** ORIS keys every variant reads: the hybrid rollout policy and the rollout schedule. */
    static final List<String> ORIS_ROLLOUTS = List.of("oris.randomActionProbability", "oris.rolloutHorizon",
            "oris.rolloutCount", "oris.granularity", "oris.regularisation");
    /** H2O's value-regularisation keys, read by ORIS with {@code oris.regularisation: h2o}. */
    static final List<String> H2O_REGULARISATION = List.of("h2o.beta", "h2o.temperature", "h2o.clipDiff",
            "h2o.nextStateSamples", "h2o.nextStateNoise", "h2o.uMin", "h2o.uMax");
    static final List<String> ORIS_RESTART = List.of("oris.restartNoiseScale");
    static final List<String> ORIS_STATE_WEIGHT = List.of("oris.wMin", "oris.wMax");
    static final List<String> ORIS_H2O_REWEIGHT = List.of("h2o.ratioMin", "h2o.ratioMax");
    /** The model's GanConfig fields, as {@code gan.*} keys. */
    public static final List<String> GAN = List.of("gan.generatorHidden", "gan.discriminatorHidden", "gan.noiseDim",
            "gan.steps", "gan.batch", "gan.lr", "gan.beta1", "gan.nonSaturating", "gan.curveEvery");

    /** Config fields that switch an ablation, with the variant that does it. */
    public static final Map<String, String> VARIANT_SWITCHES = Map.of(
            "h2o.adaptiveWeights", "h2o-a",
            "h2o.dynamicsRatio", "h2o-dr",
            "h2o.regularisation", "h2o-reg",
            "h2o.expectationVariant", "h2o-v",
            "oris.restartFromGenerator", "oris-no_restart",
            "oris.h2oReweight", "oris-h2o_reweight");

    private HyperparameterKeys() {
    }

    /** The keys the learner of {@code spec} (and the pipeline around it) reads at its default settings, sorted. */
    public static SortedSet<String> of(MethodSpec spec) {
        return of(spec, Map.of());
    }

    /**
     * The keys the learner of {@code spec} reads given the overrides it gets ({@code oris.regularisation: h2o} makes
     * ORIS read H2O's regularisation and discriminator keys), sorted.
     */
    public static SortedSet<String> of(MethodSpec spec, Map<String, ?> overrides) {
        MethodInfo info = spec.method().info();
        List<String> keys = new ArrayList<>(info.keys());
        if (spec.method() == Method.ORIS) {
            keys.addAll(orisVariantKeys(spec, overrides));
        }
        if (info.usesSimulator()) {
            keys.add(SIM_BUFFER_SIZE);
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys));
    }

    /** The keys an ORIS variant reads besides its catalog groups: restart noise, w(s) or H2O's ratio clip, GAN. */
    private static List<String> orisVariantKeys(MethodSpec spec, Map<String, ?> overrides) {
        List<String> keys = new ArrayList<>();
        if (!spec.flags().contains("no_restart")) {
            keys.addAll(ORIS_RESTART);
        }
        if ("h2o".equals(String.valueOf(overrides.get("oris.regularisation")))) {
            keys.addAll(H2O_REGULARISATION);
            keys.addAll(DISCRIMINATOR);
        }
        if (spec.flags().contains("h2o_reweight")) {
            keys.addAll(ORIS_H2O_REWEIGHT);
            keys.addAll(DISCRIMINATOR);
        } else {
            keys.addAll(ORIS_STATE_WEIGHT);
        }
        if (spec.usesGan()) {
            keys.addAll(GAN);
        }
        return keys;
    }

    /** Every key some method or variant reads. */
    public static SortedSet<String> all() {
        TreeSet<String> all = new TreeSet<>();
        for (MethodInfo info : MethodCatalog.all()) {
            Method m = info.method();
            all.addAll(of(new MethodSpec(m, m.flags())));
            all.addAll(of(new MethodSpec(m, List.of())));
        }
        return Collections.unmodifiableSortedSet(all);
    }

    /** The methods (plain, without variants) that read {@code key}, for messages. */
    public static List<String> readers(String key) {
        List<String> out = new ArrayList<>();
        for (MethodInfo info : MethodCatalog.all()) {
            Method m = info.method();
            if (of(new MethodSpec(m, m.flags())).contains(key) || of(new MethodSpec(m, List.of())).contains(key)) {
                out.add(m.id());
            }
        }
        return out;
    }
}
