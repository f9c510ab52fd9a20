package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.model.oris.HybridRolloutPolicy;
import io.oris.model.oris.RestartSampler;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.StartStates;
import io.oris.sim.env.Environment;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * ORIS's simulator rollouts (Algorithm 1): each rollout restarts the simulator from s0 = G(z) + N(0, σI)
 * (unless the no_restart ablation starts from ρ0) and runs H steps with the hybrid policy, which is random
 * with probability p, redrawn per epoch, rollout or step.
 */
public final class OrisRollouts implements RolloutPlan {
    private final Learner learner;
    private final RestartSampler restarts;
    private final HybridRolloutPolicy hybrid;
    private final int horizon;
    private final SplittableRandom restartRng;

    /**
     * @param restarts null for the no_restart ablation (ρ0 starts, episodes up to the time limit)
     */
    public OrisRollouts(Learner learner, RestartSampler restarts, HybridRolloutPolicy hybrid, int horizon, long seed) {
        this.learner = learner;
        this.restarts = restarts;
        this.hybrid = hybrid;
        this.horizon = horizon;
        this.restartRng = new SplittableRandom(seed);
    }

    @Override
    public Optional<StartStates> startStates() {
        return Optional.of(new StartStates() {
            @Override
            public double[] start(Environment env) {
                hybrid.beginRollout();
                return restarts == null ? env.reset() : env.resetTo(restarts.sample(restartRng));
            }

            @Override
            public int horizon() {
                return restarts == null ? io.oris.sim.env.Task.MAX_EPISODE_STEPS : horizon;
            }
        });
    }

    @Override
    public ActionPolicy policyForEpoch(long epoch, SplittableRandom rng) {
        hybrid.beginEpoch(learner.policy());
        return TrainRun.asActionPolicy(hybrid, rng);
    }
}
