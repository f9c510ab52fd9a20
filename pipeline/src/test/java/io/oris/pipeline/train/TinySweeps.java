package io.oris.pipeline.train;

import io.oris.orchestration.descriptor.JobDescriptorParser;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import io.oris.pipeline.collect.BehaviourCollector;
import io.oris.sim.env.Task;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.TransitionArrays;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helpers: plan a job given as text, and put a small random hopper dataset under a data root. */
public final class TinySweeps {
    private TinySweeps() {
    }

    /** Plans {@code yaml} (a whole job file) without a data root. */
    public static Plan plan(String yaml) {
        return new Planner().plan(new JobDescriptorParser().parse(yaml, Path.of("tiny.yaml")), null);
    }

    /** Writes {@code rows} transitions of the uniform random policy in the real hopper as dataset {@code id}. */
    public static void randomHopperDataset(Path root, String id, int rows, long seed) {
        TransitionArrays data = new BehaviourCollector(Task.HOPPER, seed, new ModelLearners(), Map.of(), s -> { })
                .collect("random", rows);
        Manifest.Made made = new Manifest.Made("test", "2026-01-01T00:00:00Z", Map.of(), List.of());
        Manifest.Source source = new Manifest.Source("collect", List.of(), "float32", Map.of("env", "hopper"));
        new DatasetStore(root).write(id, data, new DatasetDescription(D4rlEnvs.require("hopper"), "test-" + id, source,
                made, null), true);
    }
}
