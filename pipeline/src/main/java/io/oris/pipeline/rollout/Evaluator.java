package io.oris.pipeline.rollout;

import io.oris.sim.env.Environment;
import io.oris.sim.env.PickPlaceEnv;
import io.oris.sim.env.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolls a policy out deterministically (tanh of the mean) in an environment — always the unmodified real
 * one in this project — and reports each episode's undiscounted return and length. Episodes end at the
 * smaller of the given limit and the task's own ({@code Task.maxEpisodeSteps()}: 1000, pick-place 150).
 * Pick-place episodes start on the 5 × 5 evaluation grid (episode e at grid position e mod 25, ORIS Table III)
 * and report their Reach/Pick/Place flags.
 */
public final class Evaluator {
    private final int maxEpisodeSteps;

    public Evaluator(int maxEpisodeSteps) {
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("max episode steps must be >= 1, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    /** Runs episodes {@code first .. first+count-1}; the environment is re-seeded per episode for reproducibility. */
    public List<EpisodeResult> run(Environment env, ActionPolicy policy, long seed, int first, int count) {
        List<EpisodeResult> results = new ArrayList<>(count);
        for (int e = first; e < first + count; e++) {
            env.seed(seed * 1_000_003L + e);
            double[] obs = env instanceof PickPlaceEnv grid ? grid.resetOnGrid(e) : env.reset();
            int limit = Math.min(maxEpisodeSteps, env.task().maxEpisodeSteps());
            double total = 0;
            int length = 0;
            while (length < limit) {
                Step step = env.step(policy.act(obs, true));
                total += step.reward();
                length++;
                obs = step.observation();
                if (step.done()) {
                    break;
                }
            }
            if (!Double.isFinite(total)) {
                throw new IllegalStateException("episode " + e + " of " + env.name() + " has a non-finite return");
            }
            results.add(new EpisodeResult(e, total, length,
                    env instanceof PickPlaceEnv grid ? grid.successSoFar() : null));
        }
        return results;
    }
}
