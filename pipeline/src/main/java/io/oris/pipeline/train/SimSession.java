package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.SimCollector;
import io.oris.pipeline.rollout.StartStates;
import io.oris.pipeline.rollout.TransitionSink;
import io.oris.sim.env.DynamicsGap;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Task;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Everything a hybrid run's simulator collection carries from one step to the next that the checkpoint does not
 * hold: the simulator (MuJoCo state, step counter, reset and action-noise streams, pick-place's delayed actions), the
 * collector's unfinished rollout and the rollout plan's own state (ORIS's restart sampler stream, the hybrid policy's
 * random-vs-current choice and its stream). A session is opened from the run and the gradient step it starts at
 * only, never from what happened before; {@link TrainRun} closes it and opens a new one at every checkpoint, in a run
 * that never stops exactly as in a run resumed from that checkpoint, so a resumed hybrid run is bit-identical to one
 * that never stopped (docs/determinism.md). The price: a rollout in flight at a checkpoint is cut there (like a
 * time limit: its transitions stay, none is terminal), and ORIS redraws its rollout policy at a checkpoint inside
 * an epoch.
 */
final class SimSession implements AutoCloseable {
    private final MujocoEnv env;
    private final RolloutPlan plan;
    private final SimCollector collector;

    private SimSession(MujocoEnv env, RolloutPlan plan, SimCollector collector) {
        this.env = env;
        this.plan = plan;
        this.collector = collector;
    }

    /** The session of run {@code config} (re)started at gradient step {@code step}. */
    static SimSession open(RunConfig config, Task task, LearnerDims dims, Path dataRoot, LearnerProvider learners,
                           Learner learner, long step) {
        MujocoEnv env = Environments.create(task, DynamicsGap.parse(config.gap()), TrainRun.simEnvSeed(config.seed(), step));
        try {
            RolloutPlan plan = learners.rollouts(config, dims, dataRoot, learner, step);
            StartStates starts = plan.startStates().orElse(StartStates.initialDistribution(
                    Math.min(config.maxEpisodeSteps(), task.maxEpisodeSteps())));
            return new SimSession(env, plan, new SimCollector(env, starts));
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /** The policy that acts in the rest of epoch {@code epoch} (see {@link RolloutPlan#policyForEpoch}). */
    ActionPolicy policyForEpoch(long epoch, SplittableRandom rng) {
        return plan.policyForEpoch(epoch, rng);
    }

    /** Collection segments per epoch. */
    int segmentsPerEpoch() {
        return plan.segmentsPerEpoch();
    }

    /** Collects segment {@code segment} of the epoch into {@code sink}. */
    void collectSegment(int segment, ActionPolicy policy, TransitionSink sink) {
        plan.collectSegment(segment, collector, policy, sink);
    }

    /** Undiscounted return of the last rollout this session finished (NaN before the first). */
    double lastRolloutReturn() {
        return collector.lastRolloutReturn();
    }

    @Override
    public void close() {
        env.close();
    }
}
