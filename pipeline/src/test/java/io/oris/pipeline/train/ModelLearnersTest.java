package io.oris.pipeline.train;

import io.oris.model.learner.IqlLearner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.SqlLearner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run's gradient-step budget becomes the length of IQL's and SQL's cosine actor learning-rate schedules. */
class ModelLearnersTest {
    private static RunConfig iqlRun(Map<String, Object> hyperparameters) {
        return run("iql", hyperparameters);
    }

    private static RunConfig run(String method, Map<String, Object> hyperparameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("method", method);
        values.put("variant", "");
        values.put("env", "hopper");
        values.put("seed", 0L);
        values.put("budget", Map.of("gradient_steps", 1000L, "steps_per_epoch", 100L, "eval_every", 100L));
        values.put("hyperparameters", hyperparameters);
        return new RunConfig(method + "-test", values);
    }

    @Test
    void iqlScheduleLengthIsTheRunsBudgetUnlessSet() {
        Map<String, Object> small = Map.of("sac.hidden", List.of(8, 8));
        IqlLearner l = (IqlLearner) new ModelLearners().create(iqlRun(small), LearnerDims.of(11, 3), Path.of("."));
        assertEquals(1.5e-4, l.actorLr(500), 1e-18);
        assertEquals(0.0, l.actorLr(1000), 0.0);
        Map<String, Object> own = new LinkedHashMap<>(small);
        own.put("iql.maxSteps", 4000);
        IqlLearner m = (IqlLearner) new ModelLearners().create(iqlRun(own), LearnerDims.of(11, 3), Path.of("."));
        assertEquals(1.5e-4, m.actorLr(2000), 1e-18);
    }

    @Test
    void sqlScheduleLengthIsTheRunsBudgetUnlessSet() {
        Map<String, Object> small = Map.of("sac.hidden", List.of(8, 8));
        SqlLearner l = (SqlLearner) new ModelLearners().create(run("sql", small), LearnerDims.of(11, 3), Path.of("."));
        assertEquals(1.5e-4, l.actorLr(500), 1e-18);
        assertEquals(0.0, l.actorLr(1000), 0.0);
        Map<String, Object> own = new LinkedHashMap<>(small);
        own.put("sql.maxSteps", 4000);
        SqlLearner m = (SqlLearner) new ModelLearners().create(run("sql", own), LearnerDims.of(11, 3), Path.of("."));
        assertEquals(1.5e-4, m.actorLr(2000), 1e-18);
    }
}
