package io.oris.pipeline.train;

import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.SimCollector;
import io.oris.pipeline.rollout.StartStates;
import io.oris.pipeline.rollout.TransitionSink;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How a hybrid run collects simulated data within one epoch: where rollouts start (empty: ρ0 of the task),
 * which policy acts (the current policy; for ORIS the hybrid random/current policy of Algorithm 1), and how
 * collection is split into segments between which the epoch's gradient steps are spread evenly (H2O: one
 * segment of {@code sim_steps_per_epoch} steps, then the updates; ORIS: C segments, each one restart and an
 * H-step rollout followed by its share of the updates).
 */
public interface RolloutPlan {
    Optional<StartStates> startStates();

    /** The policy that acts in this epoch's rollouts. */
    ActionPolicy policyForEpoch(long epoch, SplittableRandom rng);

    /** Collection segments per epoch (the epoch's gradient steps are spread evenly after them). */
    int segmentsPerEpoch();

    /** Collects segment {@code segment} of the epoch into {@code sink} with {@code policy}. */
    void collectSegment(int segment, SimCollector collector, ActionPolicy policy, TransitionSink sink);
}
