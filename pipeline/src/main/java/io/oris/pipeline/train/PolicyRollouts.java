package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.SimCollector;
import io.oris.pipeline.rollout.StartStates;
import io.oris.pipeline.rollout.TransitionSink;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Rollouts from ρ0 with the learner's current (stochastic) policy, as H2O's code collects: each epoch first steps
 * the simulator {@code sim_steps_per_epoch} times (episodes carried over between epochs), then runs the epoch's
 * gradient steps. Used by SAC in the simulator, H2O and DARC.
 */
public final class PolicyRollouts implements RolloutPlan {
    private final Learner learner;
    private final long stepsPerEpoch;

    public PolicyRollouts(Learner learner, long stepsPerEpoch) {
        this.learner = learner;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    @Override
    public Optional<StartStates> startStates() {
        return Optional.empty();
    }

    @Override
    public ActionPolicy policyForEpoch(long epoch, SplittableRandom rng) {
        return TrainRun.policyOf(learner, rng);
    }

    @Override
    public int segmentsPerEpoch() {
        return 1;
    }

    @Override
    public void collectSegment(int segment, SimCollector collector, ActionPolicy policy, TransitionSink sink) {
        collector.collect(Math.toIntExact(stepsPerEpoch), policy, sink);
    }
}
