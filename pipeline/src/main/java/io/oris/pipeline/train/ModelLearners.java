package io.oris.pipeline.train;

import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.combo.TerminationFn;
import io.oris.model.config.DynamicsConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Learners;
import io.oris.model.learner.OrisMethod;
import io.oris.model.nn.NativeThreads;
import io.oris.model.oris.HybridRolloutPolicy;
import io.oris.model.oris.RestartSampler;
import io.oris.model.oris.StateGan;
import io.oris.model.replay.Transitions;
import io.oris.orchestration.descriptor.HyperparameterKeys;
import io.oris.orchestration.descriptor.MethodCatalog;
import io.oris.orchestration.descriptor.MethodInfo;
import io.oris.orchestration.sweep.DynamicsSpec;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.pipeline.combo.DynamicsArtifacts;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.sim.env.Task;
import io.oris.storage.DatasetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The model module's learners for the pipeline's runs: the run's method and variant go to
 * {@link Learners#create}, its {@code hyperparameters} override {@link LearnerConfig#defaults()} by dotted key
 * ({@code sac.hidden}, {@code h2o.beta}, {@code oris.randomActionProbability}, ...; unknown keys fail the run; the job
 * parser has already rejected keys the method does not read), ORIS runs get their own pre-trained GAN (the one
 * their config's {@code gan} section names: their dataset, GAN settings and GAN seed), COMBO runs their dynamics
 * model (the one the pretrain-dynamics stage trained, {@link DynamicsArtifacts}) and their task's termination rule
 * for model rollouts (which methods need what: {@link MethodCatalog}), and each method gets its
 * simulator rollout plan. The run's budget fills {@code iql.maxSteps} and {@code sql.maxSteps} (the length of IQL's and SQL's
 * cosine learning-rate schedules) with its {@code gradient_steps} unless the run's hyperparameters set that key.
 * Building a learner pins ND4J to {@link NativeThreads#configured()} native threads (1), so a task's arithmetic
 * does not depend on {@code OMP_NUM_THREADS} (docs/determinism.md).
 */
public final class ModelLearners implements LearnerProvider {
    /** Hyperparameter key the pipeline itself reads (the simulated replay size of methods that collect in the simulator). */
    public static final String SIM_BUFFER_SIZE = HyperparameterKeys.SIM_BUFFER_SIZE;
    /** The learner-config key that the run's gradient-step budget fills in (IQL's cosine schedule length T). */
    public static final String IQL_MAX_STEPS = "iql.maxSteps";
    /** The same for SQL's cosine actor learning-rate schedule. */
    public static final String SQL_MAX_STEPS = "sql.maxSteps";

    @Override
    public Learner create(RunConfig config, LearnerDims dims, Path dataRoot) {
        NativeThreads.pin();
        Map<String, Object> hyperparameters = new LinkedHashMap<>(config.hyperparameters());
        hyperparameters.putIfAbsent(IQL_MAX_STEPS, config.gradientSteps());
        hyperparameters.putIfAbsent(SQL_MAX_STEPS, config.gradientSteps());
        LearnerConfig cfg = learnerConfig(config.runId(), hyperparameters);
        Optional<MethodInfo> method = MethodCatalog.byId(config.method());
        if (method.map(MethodInfo::needsDynamicsModel).orElse(false)) {
            return combo(config, cfg, dims, dataRoot);
        }
        StateGan gan = null;
        if (method.map(MethodInfo::readsGan).orElse(false)) {
            OrisConfig oris = Learners.resolve(config.learnerName(), cfg).oris();
            if (oris.restartFromGenerator() || !oris.h2oReweight()) {
                gan = loadGan(config, dataRoot);
            }
        }
        return Learners.create(config.learnerName(), cfg, dims, gan, config.seed());
    }

    /**
     * COMBO with its dynamics model, loaded from the folder the pretrain-dynamics stage wrote (a missing model fails
     * the run, naming the folder: a train task never trains it), the dataset's states to start the model rollouts
     * from, and the termination rule of the run's task for them ({@link TaskTermination}).
     */
    private static Learner combo(RunConfig config, LearnerConfig cfg, LearnerDims dims, Path dataRoot) {
        if (config.datasetId() == null) {
            throw new IllegalArgumentException("run " + config.runId() + ": combo trains on an offline dataset, the run"
                    + " has none");
        }
        DynamicsSpec spec = DynamicsArtifacts.of(config);
        DynamicsConfig resolved = Learners.resolve(config.learnerName(), cfg).dynamics();
        if (!resolved.equals(DynamicsArtifacts.config(spec))) {
            throw new IllegalStateException("run " + config.runId() + ": the learner's dynamics settings " + resolved
                    + " differ from those of the model it reads " + DynamicsArtifacts.config(spec));
        }
        DynamicsEnsemble model = DynamicsArtifacts.load(dataRoot, spec, config.runId());
        Transitions offline = OfflineData.of(new DatasetStore(dataRoot).read(config.datasetId()));
        TerminationFn termination = TaskTermination.of(Task.parse(config.env()));
        return Learners.createWith(config.learnerName(), cfg, dims,
                new Learners.Pretrained(null, model, offline, termination), config.seed());
    }

    @Override
    public Learner createSac(LearnerDims dims, Map<String, Object> hyperparameters, long seed) {
        NativeThreads.pin();
        return Learners.create("sac", learnerConfig("behaviour SAC", hyperparameters), dims, null, seed);
    }

    private static LearnerConfig learnerConfig(String owner, Map<String, Object> hyperparameters) {
        Map<String, Object> overrides = new LinkedHashMap<>(hyperparameters);
        overrides.remove(SIM_BUFFER_SIZE);
        for (String key : overrides.keySet()) {
            if (key.startsWith(HyperparameterKeys.GAN_PREFIX)) {
                throw new IllegalArgumentException(owner + ": hyperparameter '" + key + "' configures the pre-trained GAN;"
                        + " it belongs in the run config's 'gan' section (the job planner puts it there), not the learner's");
            }
        }
        try {
            return LearnerConfig.defaults().withOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + ": " + e.getMessage()
                    + " (hyperparameters are dotted keys of the learner config, e.g. sac.hidden, h2o.beta, oris.wMin)", e);
        }
    }

    @Override
    public RolloutPlan rollouts(RunConfig config, LearnerDims dims, Path dataRoot, Learner learner, long fromStep) {
        if (!(learner instanceof OrisMethod oris)) {
            return new PolicyRollouts(learner, config.simStepsPerEpoch());
        }
        OrisConfig c = oris.orisConfig();
        SplittableRandom rng = new SplittableRandom(TrainRun.orisRolloutSeed(config.seed(), fromStep));
        HybridRolloutPolicy hybrid = new HybridRolloutPolicy(c.randomActionProbability(),
                HybridRolloutPolicy.Granularity.parse(c.granularity()), rng.split());
        RestartSampler restarts = c.restartFromGenerator()
                ? new RestartSampler(loadGan(config, dataRoot), c.restartNoiseScale()) : null;
        return new OrisRollouts(learner, restarts, hybrid, c.rolloutHorizon(), c.rolloutCount(), rng.nextLong());
    }

    private static StateGan loadGan(RunConfig config, Path dataRoot) {
        GanSpec spec = GanArtifacts.of(config);
        Path file = GanArtifacts.checkpoint(GanArtifacts.dir(dataRoot, spec));
        if (!Files.exists(file)) {
            throw new IllegalStateException("run " + config.runId() + ": its pre-trained GAN " + file + " (dataset "
                    + spec.datasetId() + ", seed " + spec.seed() + ") is missing (the pretrain-gan stage writes it)");
        }
        try {
            return StateGan.load(file, GanArtifacts.config(spec.settings()), DataType.FLOAT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the GAN " + file + ": " + e.getMessage(), e);
        }
    }
}
