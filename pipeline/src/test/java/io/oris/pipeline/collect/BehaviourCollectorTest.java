package io.oris.pipeline.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.train.ModelLearners;
import io.oris.sim.env.Task;
import io.oris.storage.TransitionArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour datasets made in the real environment: sizes, episode structure, state columns and the report. */
class BehaviourCollectorTest {
    private static final Map<String, Object> SMALL = Map.of("max_train_steps", 300, "random_steps", 100,
            "hyperparameters", Map.of("sac.hidden", List.of(16, 16)));

    @Test
    void mediumExpertIsMediumFollowedByExpertWithDistinctEpisodes() {
        List<String> log = new ArrayList<>();
        BehaviourCollector c = new BehaviourCollector(Task.HOPPER, 3, new ModelLearners(), SMALL, log::add);
        TransitionArrays data = c.collect("medium-expert", 400);
        assertEquals(400, data.rows());
        assertTrue(data.hasState(), "qpos/qvel recorded for restarts");
        long[] episode = data.episode();
        for (int i = 1; i < data.rows(); i++) {
            assertTrue(episode[i] >= episode[i - 1], "episode ids never go back: row " + i);
            if (episode[i] == episode[i - 1]) {
                assertEquals(data.t()[i - 1] + 1, data.t()[i], "steps are consecutive within an episode");
            }
        }
        Map<String, Object> report = c.report();
        assertEquals(300L, report.get("medium_sac_steps"), "the step cap stops SAC training below the target");
        assertEquals(false, report.get("medium_reached_target"));
        assertTrue(report.containsKey("expert_rollout_mean_return"));
        assertTrue(((Double) report.get("expert_target_return")) > ((Double) report.get("medium_target_return")));
        assertTrue(log.stream().anyMatch(l -> l.contains("SAC behaviour (medium)")), log.toString());
    }

    @Test
    void mediumReplayKeepsTheTrainingTransitionsAndRandomIsUniform() {
        BehaviourCollector c = new BehaviourCollector(Task.HOPPER, 4, new ModelLearners(), SMALL, s -> { });
        TransitionArrays replay = c.collect("medium-replay", 250);
        assertEquals(250, replay.rows());
        TransitionArrays random = c.collect("random", 200);
        assertEquals(200, random.rows());
        for (float a : random.action()) {
            assertTrue(a >= -1f && a <= 1f);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.collect("experts", 10))
                .getMessage().contains("unknown behaviour policy 'experts'"));
    }
}
