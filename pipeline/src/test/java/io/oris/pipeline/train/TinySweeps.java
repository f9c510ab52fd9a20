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

    /**
     * A job file of a tiny offline sweep named {@code dagId}: BC and TD3+BC (32-32 networks) on 1,000 random hopper
     * transitions collected by the sweep, 300 gradient steps with snapshots and checkpoints every 100, 2 evaluation
     * episodes of at most 50 steps, on local[2]; about 10 s of work.
     */
    public static String offlineJob(String dagId) {
        return job(dagId, "[bc, td3bc]", "", "", "", 2);
    }

    /**
     * {@link #offlineJob} with a third run that also steps a simulator: H2O (32-32, discriminators 16-16, batch 32 +
     * 32) on the same dataset and in hopper with gravity ×2, 50 simulator steps per epoch of 50 gradient steps, on
     * local[3] so that the three runs (one train task: the dataset's) train side by side.
     */
    public static String offlineAndHybridJob(String dagId) {
        return job(dagId, "[bc, td3bc, h2o]", "    gaps: [gravity=2.0]\n", " sim_steps_per_epoch: 50,",
                "      h2o: {sac.hidden: [32, 32], discriminator.hidden: [16, 16], sac.offlineBatch: 32,"
                        + " sac.simulatedBatch: 32, sim_buffer_size: 2000}\n", 3);
    }

    private static String job(String dagId, String methods, String gaps, String simBudget, String moreHyperparameters,
                              int cores) {
        return dagId + """
                :
                  default_args: {owner: oris, retries: 0}
                  schedule: null
                  oris:
                    envs: [hopper]
                    datasets:
                      - {collect: random, size: 1000}
                %s    methods: %s
                    seeds: 1
                    budget: {gradient_steps: 300, steps_per_epoch: 50,%s eval_every: 100, snapshot_every: 100}
                    evaluation: {episodes: 2, last_k: 2, max_episode_steps: 50}
                    hyperparameters:
                      bc: {sac.hidden: [32, 32]}
                      td3bc: {sac.hidden: [32, 32]}
                %s    spark: {master: "local[%d]"}
                """.formatted(gaps, methods, simBudget, moreHyperparameters, cores);
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
