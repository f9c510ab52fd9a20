package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import java.nio.file.Path;

/**
 * Builds the learner of a run and its simulator rollout plan (start states and rollout policy), so the
 * train loop stays the same for every method. Serializable: Spark ships it to the executors.
 */
public interface LearnerProvider extends java.io.Serializable {
    /** A fresh learner for the run's method, variant, hyperparameters and seed. */
    Learner create(RunConfig config, LearnerDims dims, Path dataRoot);

    /** A plain SAC learner (online, one source) for training behaviour policies in the collect stage. */
    Learner createSac(LearnerDims dims, java.util.Map<String, Object> hyperparameters, long seed);

    /**
     * How the run collects simulated transitions with {@code learner}'s current policy, from gradient step
     * {@code fromStep} on: the plan's random streams derive from the run's seed and that step only, so a plan built
     * at a checkpoint's step is the same whether or not the run stopped there.
     */
    RolloutPlan rollouts(RunConfig config, LearnerDims dims, Path dataRoot, Learner learner, long fromStep);
}
