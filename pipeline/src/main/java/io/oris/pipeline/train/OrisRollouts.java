package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.model.oris.HybridRolloutPolicy;
import io.oris.model.oris.RestartSampler;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.SimCollector;
import io.oris.pipeline.rollout.StartStates;
import io.oris.pipeline.rollout.TransitionSink;
import io.oris.sim.env.Environment;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * ORIS's simulator rollouts (Algorithm 1). Each epoch draws π_rollout once (random with probability p, else the
 * current policy; or per rollout / step by {@code oris.granularity}), then performs C restarts (C =
 * {@code oris.rolloutCount}): each starts the simulator from s0 = G(z) + N(0, σI) (ρ0 in the no_restart ablation,
 * which changes nothing else) and rolls out H = {@code oris.rolloutHorizon} steps, or fewer when the task
 * terminates, into D_sim; after each rollout the run takes its share of the epoch's gradient steps, so collection
 * and updates interleave as lines 7-11 of the algorithm do. The "current policy" is refreshed at every restart,
 * so it is the policy after the updates so far. Per epoch: C rollouts (at most C·H simulator steps) and
 * {@code budget.steps_per_epoch} gradient steps; {@code budget.sim_steps_per_epoch} does not apply to ORIS.
 */
public final class OrisRollouts implements RolloutPlan {
    private final Learner learner;
    private final RestartSampler restarts;
    private final HybridRolloutPolicy hybrid;
    private final int horizon;
    private final int count;
    private final SplittableRandom restartRng;

    /**
     * @param restarts null for the no_restart ablation (ρ0 starts; the horizon stays H)
     * @param horizon H, steps per rollout
     * @param count C, rollouts per epoch
     */
    public OrisRollouts(Learner learner, RestartSampler restarts, HybridRolloutPolicy hybrid, int horizon, int count,
                        long seed) {
        if (horizon < 1 || count < 1) {
            throw new IllegalArgumentException("ORIS needs H >= 1 and C >= 1, got H = " + horizon + ", C = " + count);
        }
        this.learner = learner;
        this.restarts = restarts;
        this.hybrid = hybrid;
        this.horizon = horizon;
        this.count = count;
        this.restartRng = new SplittableRandom(seed);
    }

    @Override
    public Optional<StartStates> startStates() {
        return Optional.of(new StartStates() {
            @Override
            public double[] start(Environment env) {
                hybrid.beginRollout(learner.policy());
                return restarts == null ? env.reset() : env.resetTo(restarts.sample(restartRng));
            }

            @Override
            public int horizon() {
                return horizon;
            }
        });
    }

    @Override
    public ActionPolicy policyForEpoch(long epoch, SplittableRandom rng) {
        hybrid.beginEpoch(learner.policy());
        return TrainRun.asActionPolicy(hybrid, rng);
    }

    @Override
    public int segmentsPerEpoch() {
        return count;
    }

    @Override
    public void collectSegment(int segment, SimCollector collector, ActionPolicy policy, TransitionSink sink) {
        collector.collectRollout(policy, sink);
    }
}
