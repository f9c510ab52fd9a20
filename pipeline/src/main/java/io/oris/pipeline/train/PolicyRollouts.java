package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.StartStates;
import java.util.Optional;
import java.util.SplittableRandom;

/** Rollouts from ρ0 with the learner's current (stochastic) policy: SAC, H2O, DARC and ORIS-no_restart with p = 0. */
public final class PolicyRollouts implements RolloutPlan {
    private final Learner learner;

    public PolicyRollouts(Learner learner) {
        this.learner = learner;
    }

    @Override
    public Optional<StartStates> startStates() {
        return Optional.empty();
    }

    @Override
    public ActionPolicy policyForEpoch(long epoch, SplittableRandom rng) {
        return TrainRun.policyOf(learner, rng);
    }
}
