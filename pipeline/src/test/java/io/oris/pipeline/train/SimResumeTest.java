package io.oris.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.nn.SeededRandom;
import io.oris.model.oris.StateGan;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.SimCollector;
import io.oris.pipeline.rollout.StartStates;
import io.oris.pipeline.rollout.TransitionSink;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.storage.DatasetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Runs that collect in the simulator resume bit for bit (docs/determinism.md): SAC in the simulator, H2O and ORIS
 * (tiny: 32-32 networks, 120 gradient steps, a checkpoint every 30) crash in process between two checkpoints, are
 * resumed from the last one, and end with every snapshot and the final checkpoint (learner state and simulated
 * replay) byte-identical to a run that never stopped. The checkpoints fall inside epochs, inside collection
 * segments and inside simulator episodes, so a resume must neither collect a segment again nor continue from state
 * the checkpoint does not hold.
 */
class SimResumeTest {
    @TempDir
    Path dir;

    /** The crash: the first collection at or after this step fails (the checkpoint of step 60 survives). */
    private static final long CRASH_AT = 70;

    private static final String JOB = """
            tiny:
              oris:
                envs: [hopper]
                datasets: [{collect: random, size: 300}]
                gaps: ["gravity=2.0,action_noise=0.1"]
                methods: [%s]
                seeds: 1
                budget: {gradient_steps: 120, steps_per_epoch: 40, sim_steps_per_epoch: 50, eval_every: 30, snapshot_every: 30}
                evaluation: {episodes: 1, last_k: 1, max_episode_steps: 100}
                %s
                hyperparameters:
                  %s
            """;

    @Test
    void sacInTheSimulatorResumesBitForBit() throws Exception {
        assertResumesBitForBit("sac", "sac: {sac.hidden: [32, 32], sac.singleSourceBatch: 32, sim_buffer_size: 3000}");
    }

    @Test
    void h2oResumesBitForBit() throws Exception {
        assertResumesBitForBit("h2o", "h2o: {sac.hidden: [32, 32], discriminator.hidden: [16, 16], sac.offlineBatch: 16,"
                + " sac.simulatedBatch: 16, sim_buffer_size: 3000}");
    }

    /** C = 3 restarts of H = 10 steps per epoch of 40 gradient steps: the checkpoints of 30 and 60 are inside segments. */
    @Test
    void orisResumesBitForBit() throws Exception {
        assertResumesBitForBit("oris", "oris: {sac.hidden: [32, 32], sac.offlineBatch: 16,"
                + " sac.simulatedBatch: 16, sim_buffer_size: 3000, oris.rolloutCount: 3, oris.rolloutHorizon: 10,"
                + " oris.randomActionProbability: 0.5}");
    }

    private void assertResumesBitForBit(String method, String hyperparameters) throws Exception {
        String gan = method.equals("oris") ? "gan: {steps: 1, hidden: [8, 8], batch_size: 4}" : "";
        RunSpec spec = TinySweeps.plan(JOB.formatted(method, gan, hyperparameters)).runs().get(0);
        RunConfig config = new RunConfig(spec.runId(), spec.config());
        Path straight = prepare(dir.resolve("straight"), config);
        Path crashed = prepare(dir.resolve("crashed"), config);

        TrainOutcome uninterrupted = new TrainRun(config, straight, new ModelLearners()).execute();
        assertEquals("succeeded", uninterrupted.state(), uninterrupted.error());
        TrainOutcome crash = new TrainRun(config, crashed, new CrashingLearners(CRASH_AT)).execute();
        assertEquals("failed", crash.state(), "the crash");
        assertTrue(crash.error().contains("simulated crash"), crash.error());
        Path checkpoint = RunDirectory.of(crashed, config.runId()).dir().resolve("checkpoint");
        Learner atCrash = new ModelLearners().create(config, LearnerDims.of(11, 3), crashed);
        atCrash.restore(checkpoint);
        assertEquals(60, atCrash.step(), "resumed from the checkpoint of step 60");
        TrainOutcome resumed = new TrainRun(config, crashed, new ModelLearners()).execute();
        assertEquals("succeeded", resumed.state(), resumed.error());
        assertEquals(2, RunDirectory.of(crashed, config.runId()).readStatus().orElseThrow().attempts());

        Map<String, byte[]> expected = stateFiles(straight, config);
        Map<String, byte[]> actual = stateFiles(crashed, config);
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.containsKey("checkpoint/" + TrainRun.SIM_REPLAY), expected.keySet().toString());
        for (String file : expected.keySet()) {
            assertArrayEquals(expected.get(file), actual.get(file), method + ": " + file + " differs after the resume");
        }
    }

    /** A data root with the run's offline dataset and, for ORIS, an untrained GAN in place of the pretrain-gan stage's. */
    private static Path prepare(Path root, RunConfig config) throws Exception {
        Files.createDirectories(root);
        if (config.datasetId() != null && !new DatasetStore(root).exists(config.datasetId())) {
            TinySweeps.randomHopperDataset(root, config.datasetId(), 300, 5);
        }
        if (config.gan() != null && config.method().equals("oris")) {
            GanSpec gan = GanArtifacts.of(config);
            Path ganDir = GanArtifacts.dir(root, gan);
            Files.createDirectories(ganDir);
            double[] mean = new double[11];
            mean[0] = 1.25;   // near the hopper's standing pose, so restarts rarely fall at once
            double[] std = new double[11];
            Arrays.fill(std, 0.01);
            new StateGan(11, GanArtifacts.config(gan.settings()), mean, std, DataType.FLOAT, new SeededRandom(3))
                    .checkpoint(GanArtifacts.checkpoint(ganDir));
        }
        return root;
    }

    /** Every file of the run's snapshots and checkpoint, by path inside the run folder. */
    private static Map<String, byte[]> stateFiles(Path root, RunConfig config) throws Exception {
        Path run = RunDirectory.of(root, config.runId()).dir();
        Map<String, byte[]> files = new TreeMap<>();
        for (String sub : List.of("snapshots", "checkpoint")) {
            try (Stream<Path> s = Files.walk(run.resolve(sub))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    files.put(run.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /**
     * {@link ModelLearners} whose simulator collection fails once the learner has taken {@code crashAt} gradient steps:
     * a crash between two checkpoints, in process (the run object and its simulator are then abandoned).
     */
    private record CrashingLearners(long crashAt) implements LearnerProvider {
        @Override
        public Learner create(RunConfig config, LearnerDims dims, Path dataRoot) {
            return new ModelLearners().create(config, dims, dataRoot);
        }

        @Override
        public Learner createSac(LearnerDims dims, Map<String, Object> hyperparameters, long seed) {
            return new ModelLearners().createSac(dims, hyperparameters, seed);
        }

        @Override
        public RolloutPlan rollouts(RunConfig config, LearnerDims dims, Path dataRoot, Learner learner, long fromStep) {
            RolloutPlan plan = new ModelLearners().rollouts(config, dims, dataRoot, learner, fromStep);
            return new RolloutPlan() {
                @Override
                public Optional<StartStates> startStates() {
                    return plan.startStates();
                }

                @Override
                public ActionPolicy policyForEpoch(long epoch, SplittableRandom rng) {
                    return plan.policyForEpoch(epoch, rng);
                }

                @Override
                public int segmentsPerEpoch() {
                    return plan.segmentsPerEpoch();
                }

                @Override
                public void collectSegment(int segment, SimCollector collector, ActionPolicy policy, TransitionSink sink) {
                    if (learner.step() >= crashAt) {
                        throw new IllegalStateException("simulated crash at step " + learner.step());
                    }
                    plan.collectSegment(segment, collector, policy, sink);
                }
            };
        }
    }
}
