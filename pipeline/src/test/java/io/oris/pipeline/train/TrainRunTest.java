package io.oris.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Policy;
import io.oris.model.replay.SimulatedReplay;
import io.oris.model.policy.PolicyFiles;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.storage.AtomicPublish;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run's train task without Spark: the step-0 snapshot (kept on resume) and the simulated replay's size. */
class TrainRunTest {
    @TempDir
    Path root;

    private static final String JOB = """
            tiny:
              oris:
                envs: [hopper]
                datasets: [{collect: random, size: 300}]
                gaps: [gravity=2.0]
                methods: [%s]
                seeds: 1
                budget: {gradient_steps: %d, steps_per_epoch: 3, sim_steps_per_epoch: 20, eval_every: 3}
                evaluation: {episodes: 1, last_k: 1, max_episode_steps: 20}
                hyperparameters:
                  %s
            """;

    private RunConfig run(String method, long steps, String hyperparameters) {
        RunSpec spec = TinySweeps.plan(JOB.formatted(method, steps, hyperparameters)).runs().get(0);
        if (!new io.oris.storage.DatasetStore(root).exists(spec.datasetId())) {
            TinySweeps.randomHopperDataset(root, spec.datasetId(), 300, 5);
        }
        return new RunConfig(spec.runId(), spec.config());
    }

    private Learner learner(RunConfig config) {
        return new ModelLearners().create(config, LearnerDims.of(11, 3), root);
    }

    private static float[] act(Policy policy) {
        float[] obs = new float[11];
        Arrays.fill(obs, 0.3f);
        return policy.act(obs, true, new SplittableRandom(1));
    }

    @Test
    void twoTrainersOfOneRunTrainItOnce() throws Exception {
        RunConfig config = run("cql", 30, "cql: {sac.hidden: [16, 16], sac.singleSourceBatch: 32}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> new TrainRun(config, root, new ModelLearners(), java.time.Duration.ofMinutes(2),
                    java.time.Duration.ofMillis(50)).execute());
            var b = pool.submit(() -> new TrainRun(config, root, new ModelLearners(), java.time.Duration.ofMinutes(2),
                    java.time.Duration.ofMillis(50)).execute());
            List<String> states = new java.util.ArrayList<>(List.of(a.get().state(), b.get().state()));
            java.util.Collections.sort(states);
            assertEquals(List.of("skipped", "succeeded"), states, "one trains, the other waits and finds it finished");
        } finally {
            pool.shutdownNow();
        }
        RunDirectory dir = RunDirectory.of(root, config.runId());
        assertEquals(1, dir.readStatus().orElseThrow().attempts(), "trained once");
        assertFalse(java.nio.file.Files.exists(dir.dir().resolve(io.oris.pipeline.runs.RunLease.FILE)), "lease released");
    }

    @Test
    void theUntrainedPolicyIsSnapshotAtStep0AndAResumedRunKeepsIt() throws Exception {
        RunConfig config = run("cql", 6, "cql: {sac.hidden: [16, 16], sac.singleSourceBatch: 32}");
        // killed in its fourth update: the checkpoint and the snapshots of step 3 are written, step 6 is not
        TrainOutcome first = new TrainRun(config, root, new CrashingUpdates(3)).execute();
        assertTrue(first.failed(), "the crash fails the attempt");
        RunDirectory dir = RunDirectory.of(root, config.runId());
        assertEquals(List.of(0L, 3L), dir.snapshotSteps());

        Policy untrained = PolicyFiles.read(dir.snapshotDir(0)).policy();
        assertArrayEquals(act(learner(config).policy()), act(untrained), "step 0 is the policy before any gradient step");
        Policy trained = PolicyFiles.read(dir.snapshotDir(3)).policy();
        assertFalse(Arrays.equals(act(untrained), act(trained)));
        Path step0 = dir.snapshotDir(0).resolve(PolicyFiles.POLICY_JSON);
        Object step0File = Files.readAttributes(step0, BasicFileAttributes.class).fileKey();
        var step0Time = Files.getLastModifiedTime(step0);

        TrainOutcome resumed = new TrainRun(config, root, new ModelLearners()).execute();
        assertFalse(resumed.failed(), resumed.error());
        assertEquals(List.of(0L, 3L, 6L), dir.snapshotSteps());
        assertEquals(step0File, Files.readAttributes(step0, BasicFileAttributes.class).fileKey(), "step 0 is not rewritten");
        assertEquals(step0Time, Files.getLastModifiedTime(step0));
        assertEquals(2, dir.readStatus().orElseThrow().attempts());

        // restore-and-continue ends with the snapshots and checkpoint of a run that never stopped
        Map<String, byte[]> afterResume = files(dir);
        AtomicPublish.deleteRecursively(dir.dir());
        assertFalse(new TrainRun(config, root, new ModelLearners()).execute().failed());
        Map<String, byte[]> uninterrupted = files(dir);
        assertEquals(uninterrupted.keySet(), afterResume.keySet());
        for (String f : uninterrupted.keySet()) {
            assertArrayEquals(uninterrupted.get(f), afterResume.get(f), f);
        }
    }

    /** Every file of the run's snapshots and checkpoint, by path inside the run folder. */
    private static Map<String, byte[]> files(RunDirectory dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        for (Path sub : List.of(dir.snapshotsDir(), dir.checkpointDir())) {
            try (Stream<Path> s = Files.walk(sub)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    out.put(dir.dir().relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /**
     * A COMBO run loads the dynamics model its pretrain-dynamics stage trained (without it the run fails, naming the
     * folder, and trains nothing), then trains its learner; its policy snapshots leave the model replay out, its
     * resume checkpoint keeps it. A key COMBO does not read (CQL's min-Q weight: COMBO's weight is combo.beta) fails
     * the job.
     */
    @Test
    void comboLoadsItsPretrainedDynamicsModelThenTrains() throws Exception {
        String hp = "combo: {sac.hidden: [16, 16], sac.singleSourceBatch: 32, cql.sampledActions: 2,"
                + " combo.rolloutBatch: 20, combo.rolloutHorizon: 2, combo.rolloutEvery: 3, dynamics.hidden: [16],"
                + " dynamics.weightDecay: [1.0e-4, 1.0e-4], dynamics.ensembleSize: 3, dynamics.elites: 2,"
                + " dynamics.maxEpochs: 3}";
        RunConfig config = run("combo", 6, hp);
        TrainOutcome missing = new TrainRun(config, root, new ModelLearners()).execute();
        assertTrue(missing.failed());
        Path model = io.oris.pipeline.combo.DynamicsArtifacts.dir(root, io.oris.pipeline.combo.DynamicsArtifacts.of(config));
        assertTrue(missing.error().contains(model.toString()) && missing.error().contains("pretrain-dynamics"),
                missing.error());
        assertFalse(Files.exists(root.resolve("dynamics")), "a train task never trains the model");

        io.oris.pipeline.combo.DynamicsArtifacts.train(root, io.oris.pipeline.combo.DynamicsArtifacts.of(config),
                OfflineData.of(new io.oris.storage.DatasetStore(root).read(config.datasetId())));
        TrainOutcome out = new TrainRun(config, root, new ModelLearners()).execute();
        assertFalse(out.failed(), out.error());
        RunDirectory dir = RunDirectory.of(root, config.runId());
        assertEquals(List.of(0L, 3L, 6L), dir.snapshotSteps());
        assertFalse(Files.exists(dir.snapshotDir(6).resolve("learner.bin")), "the snapshot holds the policy only");
        try (var in = Files.newInputStream(dir.checkpointDir().resolve("learner.bin"))) {
            assertTrue(new io.oris.model.io.StateReader(in).has("combo.model_replay.position"),
                    "the resume checkpoint keeps the model replay");
        }
        Learner trained = learner(config);
        trained.restore(dir.checkpointDir());
        assertEquals(6, trained.step());
        assertArrayEquals(act(trained.policy()), act(PolicyFiles.read(dir.snapshotDir(6)).policy()),
                "the step-6 snapshot holds the policy of the final checkpoint");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> TinySweeps.plan(JOB.formatted("combo", 6, "combo: {cql.minQWeight: 10.0}")));
    }

    @Test
    void simBufferSizeSizesTheSimulatedReplayOfAHybrid() throws Exception {
        String small = "h2o: {sac.hidden: [16, 16], discriminator.hidden: [16, 16]%s}";
        RunConfig own = run("h2o", 3, small.formatted(", sim_buffer_size: 500"));
        RunConfig dflt = run("h2o", 3, small.formatted(""));
        for (RunConfig c : List.of(own, dflt)) {
            TrainOutcome o = new TrainRun(c, root, new ModelLearners()).execute();
            assertFalse(o.failed(), o.error());
        }
        assertSimReplayCapacity(own, 500, "the job's sim_buffer_size");
        assertSimReplayCapacity(dflt, 10 * 300, "default: 10 x the offline dataset (H2O)");
    }

    /** The checkpoint's ring loads into a ring of {@code capacity} rows, and not into one row fewer. */
    private void assertSimReplayCapacity(RunConfig config, int capacity, String what) throws Exception {
        Path saved = RunDirectory.of(root, config.runId()).checkpointDir().resolve(TrainRun.SIM_REPLAY);
        assertTrue(Files.exists(saved), saved.toString());
        try (var in = Files.newInputStream(saved)) {
            new SimulatedReplay(capacity, 11, 3).load(in);
        }
        try (var in = Files.newInputStream(saved)) {
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> new SimulatedReplay(capacity - 1, 11, 3).load(in), what);
        }
    }
}
