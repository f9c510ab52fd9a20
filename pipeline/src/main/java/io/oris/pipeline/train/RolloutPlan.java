package io.oris.pipeline.train;

import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.StartStates;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How a hybrid run collects simulated data: where rollouts start (empty: ρ0 of the task) and which policy
 * acts in each epoch (the current policy; for ORIS the hybrid random/current policy of Algorithm 1).
 */
public interface RolloutPlan {
    Optional<StartStates> startStates();

    ActionPolicy policyForEpoch(long epoch, SplittableRandom rng);
}
