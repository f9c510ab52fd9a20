package io.oris.pipeline.train;

import io.oris.model.config.CqlConfig;
import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.H2oConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.learner.CqlLearner;
import io.oris.model.learner.DarcLearner;
import io.oris.model.learner.H2oLearner;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.OrisLearner;
import io.oris.model.learner.SacLearner;
import io.oris.model.oris.HybridRolloutPolicy;
import io.oris.model.oris.RestartSampler;
import io.oris.model.oris.StateGan;
import io.oris.pipeline.gan.GanArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The learners of the model module for the pipeline's runs: maps a run's method and variant flags to the
 * learner and its configs (documented defaults, overridden by the job's {@code hyperparameters}), loads the
 * pre-trained GAN of ORIS runs, and builds each method's simulator rollout plan.
 */
public final class ModelLearners implements LearnerProvider {
    /** Hyperparameter keys the pipeline itself reads (not learner settings). */
    private static final Set<String> PIPELINE_KEYS = Set.of("sim_buffer_size");

    @Override
    public Learner create(RunConfig config, LearnerDims dims, Path dataRoot) {
        Map<String, Object> hp = config.hyperparameters();
        Overrides o = new Overrides(config.runId(), hp);
        SacConfig sac = sacConfig(o, config.datasetId() != null && config.gap() != null);
        List<String> flags = config.variant().isEmpty() ? List.of() : List.of(config.variant().split("-"));
        String name = config.learnerName();
        long seed = config.seed();
        Learner learner = switch (config.method()) {
            case "sac" -> new SacLearner(name, dims, sac, seed);
            case "cql" -> new CqlLearner(name, dims, sac, cqlConfig(o), seed);
            case "h2o" -> new H2oLearner(name, dims, sac, h2oConfig(o, flags), DiscriminatorConfig.defaults(), seed);
            case "darc" -> new DarcLearner(name, dims, sac, DiscriminatorConfig.defaults(), false, seed);
            case "darc+" -> new DarcLearner(name, dims, sac, DiscriminatorConfig.defaults(), true, seed);
            case "oris" -> {
                OrisConfig oris = orisConfig(o, flags);
                StateGan gan = oris.h2oReweight() && !oris.restartFromGenerator() ? null : loadGan(config, dataRoot);
                yield new OrisLearner(name, dims, sac, oris, gan, h2oConfig(o, List.of()), DiscriminatorConfig.defaults(), seed);
            }
            default -> throw new IllegalArgumentException("run " + config.runId() + ": no learner for method '"
                    + config.method() + "' in this build");
        };
        o.requireAllUsed(PIPELINE_KEYS);
        return learner;
    }

    @Override
    public Learner createSac(LearnerDims dims, Map<String, Object> hyperparameters, long seed) {
        Overrides o = new Overrides("behaviour SAC", hyperparameters);
        Learner learner = new SacLearner("sac", dims, sacConfig(o, false), seed);
        o.requireAllUsed(Set.of());
        return learner;
    }

    @Override
    public RolloutPlan rollouts(RunConfig config, LearnerDims dims, Path dataRoot, Learner learner) {
        if (!(learner instanceof OrisLearner oris)) {
            return new PolicyRollouts(learner);
        }
        OrisConfig c = oris.orisConfig();
        SplittableRandom rng = new SplittableRandom(config.seed() * 104729 + 3);
        HybridRolloutPolicy hybrid = new HybridRolloutPolicy(c.randomActionProbability(),
                HybridRolloutPolicy.Granularity.parse(c.granularity()), rng.split());
        RestartSampler restarts = c.restartFromGenerator()
                ? new RestartSampler(loadGan(config, dataRoot), c.restartNoiseScale()) : null;
        return new OrisRollouts(learner, restarts, hybrid, c.rolloutHorizon(), rng.nextLong());
    }

    private static StateGan loadGan(RunConfig config, Path dataRoot) {
        Map<String, Object> settings = config.gan();
        if (settings == null || config.datasetId() == null) {
            throw new IllegalArgumentException("run " + config.runId() + ": ORIS needs a dataset and GAN settings");
        }
        Path file = GanArtifacts.checkpoint(GanArtifacts.dir(dataRoot, config.datasetId(), settings));
        if (!Files.exists(file)) {
            throw new IllegalStateException("run " + config.runId() + ": the pre-trained GAN " + file
                    + " is missing (the pretrain-gan stage writes it)");
        }
        try {
            return StateGan.load(file, GanArtifacts.config(settings), DataType.FLOAT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the GAN " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static SacConfig sacConfig(Overrides o, boolean hybrid) {
        SacConfig d = SacConfig.defaults();
        return new SacConfig(o.list("hidden", d.hidden()), o.dbl("actor_lr", d.actorLr()), o.dbl("critic_lr", d.criticLr()),
                o.dbl("alpha_lr", d.alphaLr()), o.dbl("gamma", d.gamma()), o.dbl("tau", d.tau()),
                o.bool("auto_alpha", d.autoAlpha()), o.dbl("initial_alpha", d.initialAlpha()), d.targetEntropy(),
                d.logStdMin(), d.logStdMax(), d.lastLayerGain(), o.integer("offline_batch", d.offlineBatch()),
                o.integer("simulated_batch", d.simulatedBatch()), o.integer("batch_size", d.singleSourceBatch()), d.dataType());
    }

    private static CqlConfig cqlConfig(Overrides o) {
        CqlConfig d = CqlConfig.defaults();
        return new CqlConfig(o.dbl("min_q_weight", d.minQWeight()), o.integer("cql_sampled_actions", d.sampledActions()),
                d.temperature(), d.importanceSampling(), d.clipDiff());
    }

    private static H2oConfig h2oConfig(Overrides o, List<String> flags) {
        H2oConfig d = H2oConfig.defaults();
        return new H2oConfig(o.dbl("beta", d.beta()), d.temperature(), d.clipDiff(), d.ratioMin(), d.ratioMax(),
                d.nextStateSamples(), d.nextStateNoise(), d.uMin(), d.uMax(),
                d.adaptiveWeights() && !flags.contains("a"), d.dynamicsRatio() && !flags.contains("dr"),
                d.regularisation() && !flags.contains("reg"), flags.contains("v"));
    }

    private static OrisConfig orisConfig(Overrides o, List<String> flags) {
        OrisConfig d = OrisConfig.defaults();
        return new OrisConfig(o.dbl("w_min", d.wMin()), o.dbl("w_max", d.wMax()), o.dbl("restart_noise", d.restartNoiseScale()),
                o.dbl("p", d.randomActionProbability()), o.integer("rollout_horizon", d.rolloutHorizon()),
                o.integer("rollout_count", d.rolloutCount()), o.string("granularity", d.granularity()),
                d.restartFromGenerator() && !flags.contains("no_restart"), flags.contains("h2o_reweight"));
    }
}
