package io.oris.pipeline.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.PickPlaceEnv;
import io.oris.sim.env.ScriptedPickPlacePolicy;
import io.oris.sim.env.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator on pick-place in the real (robot stand-in) environment: episodes start on the 5 x 5 grid of block
 * positions (episode e at position e mod 25), end at the task's 150 steps whatever larger limit the job gives, and
 * report the Reach/Pick/Place flags of the episode.
 */
class PickPlaceEvaluatorTest {
    @Test
    void theScriptedPolicyPlacesFromEveryGridPositionAndFlagsAreReported() {
        try (MujocoEnv env = Environments.real(Task.PICK_PLACE, 0)) {
            PickPlaceEnv pp = (PickPlaceEnv) env;
            ScriptedPickPlacePolicy script = ScriptedPickPlacePolicy.toGoal();
            List<double[]> starts = new ArrayList<>();
            ActionPolicy policy = (obs, deterministic) -> {
                if (pp.elapsedSteps() == 0) {
                    script.reset();
                    starts.add(pp.blockPosition());
                }
                return script.act(obs);
            };
            List<EpisodeResult> results = new Evaluator(1000).run(env, policy, 7, 0, 25);
            assertEquals(25, results.size());
            for (int e = 0; e < 25; e++) {
                double[] block = starts.get(e);
                assertArrayEquals(new double[] {PickPlaceEnv.GRID_X[e / 5], PickPlaceEnv.GRID_Y[e % 5]},
                        new double[] {block[0], block[1]}, 1e-3, "episode " + e + " starts at its grid position");
                EpisodeResult r = results.get(e);
                assertTrue(r.length() <= 150, "episode " + e + " length " + r.length());
                assertEquals(r.success().place(), r.episodeReturn() > 1, "Place pays +20 once: episode " + e);
            }
            long placed = results.stream().filter(r -> r.success().place()).count();
            long picked = results.stream().filter(r -> r.success().pick()).count();
            assertTrue(placed >= 24 && picked == 25, "the script places 25/25 or 24/25 in real (docs/reference.md §8): "
                    + placed + " placed, " + picked + " picked");
        }
    }

    @Test
    void anIdlePolicyRunsTheTasks150StepsAndReachesNothing() {
        try (MujocoEnv env = Environments.real(Task.PICK_PLACE, 0)) {
            List<EpisodeResult> results = new Evaluator(1000).run(env, (obs, d) -> new double[] {0, 0, 0, -1}, 3, 20, 5);
            assertEquals(List.of(20, 21, 22, 23, 24), results.stream().map(EpisodeResult::episode).toList());
            for (EpisodeResult r : results) {
                assertEquals(150, r.length(), "capped at Task.PICK_PLACE.maxEpisodeSteps(), not the job's 1000");
                assertEquals(-15.0, r.episodeReturn(), 1e-9);
                assertFalse(r.success().reach() || r.success().pick() || r.success().place());
            }
        }
        try (MujocoEnv hopper = Environments.real(Task.HOPPER, 0)) {
            EpisodeResult r = new Evaluator(5).run(hopper, (obs, d) -> new double[3], 1, 0, 1).get(0);
            assertEquals(null, r.success(), "locomotion episodes have no success flags");
        }
    }
}
