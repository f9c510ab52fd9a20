package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Policy;
import io.oris.model.nn.NativeThreads;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.MixedReplay;
import io.oris.model.replay.OfflineReplay;
import io.oris.model.replay.SimulatedReplay;
import io.oris.model.replay.Transitions;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.storage.AtomicPublish;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunLease;
import io.oris.pipeline.runs.RunStatus;
import io.oris.sim.env.Task;
import io.oris.storage.DatasetStore;
import io.oris.storage.PausePoint;
import io.oris.storage.TransitionArrays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The body of one train task (one run of the sweep), run inside a Spark task on its own simulator: loads the
 * offline dataset, builds the learner, alternates simulator collection and gradient steps epoch by epoch,
 * writes a policy snapshot (the actor only, float32: {@link RunDirectory#writePolicySnapshot}) of the untrained
 * policy at step 0 (once: a resumed run keeps it) and then every
 * {@code eval_every} steps, a resume checkpoint every {@code snapshot_every}, and records the outcome in
 * {@code status.json}. A run that fails (a non-finite loss, a crash) is marked failed with its error; a killed run
 * resumes from its last checkpoint, bit for bit: every checkpoint is a clean boundary, where the random streams and
 * the simulator session ({@link SimSession}) restart from the run's seed and the step, in a run that never stops as
 * in a resumed one (docs/determinism.md).
 */
public final class TrainRun {
    private final RunConfig config;
    private final Path dataRoot;
    private final LearnerProvider learners;

    private final Duration staleAfter;
    private final Duration pollEvery;

    public TrainRun(RunConfig config, Path dataRoot, LearnerProvider learners) {
        this(config, dataRoot, learners, RunLease.STALE_AFTER, Duration.ofSeconds(5));
    }

    /** A run whose lease turns stale after {@code staleAfter} without heartbeat, polled every {@code pollEvery}. */
    TrainRun(RunConfig config, Path dataRoot, LearnerProvider learners, Duration staleAfter, Duration pollEvery) {
        this.config = config;
        this.dataRoot = dataRoot;
        this.learners = learners;
        this.staleAfter = staleAfter;
        this.pollEvery = pollEvery;
    }

    /**
     * Runs (or resumes, or skips a finished) run and reports how it ended; never throws for a failed run. The run's
     * lease ({@link RunLease}) makes two processes on one data root train it once: the second waits while the
     * first holds it, then finds it finished and skips it (or takes over a stale lease and resumes).
     */
    public TrainOutcome execute() {
        RunDirectory dir = RunDirectory.of(dataRoot, config.runId());
        RunStatus done = dir.readStatus().filter(RunStatus::succeeded).orElse(null);
        if (done != null) {
            return new TrainOutcome(config.runId(), "skipped", null, done.lastStep(), 0);
        }
        Optional<RunLease> lease;
        while ((lease = RunLease.tryAcquire(dir.dir(), staleAfter)).isEmpty()) {
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TrainOutcome(config.runId(), "failed", "interrupted while run " + config.runId()
                        + " was held by " + RunLease.holder(dir.dir()).map(Object::toString).orElse("another process"), 0, 0);
            }
        }
        try (RunLease held = lease.get()) {
            return executeHolding(dir);
        }
    }

    private TrainOutcome executeHolding(RunDirectory dir) {
        RunStatus previous = dir.readStatus().orElse(null);
        if (previous != null && previous.succeeded()) {
            // finished by the process that held the lease while this one waited
            return new TrainOutcome(config.runId(), "skipped", null, previous.lastStep(), 0);
        }
        dir.removeAbandonedStaging();   // a killed attempt's half-written checkpoint or snapshot
        long start = System.nanoTime();
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        String startedAt = Instant.now().toString();
        dir.writeConfig(config.values());
        dir.writeStatus(new RunStatus(RunStatus.RUNNING, null, attempts, previous == null ? 0 : previous.lastStep(),
                startedAt, null));
        try {
            long steps = train(dir, attempts, startedAt);
            dir.writeStatus(new RunStatus(RunStatus.SUCCEEDED, null, attempts, steps, startedAt, Instant.now().toString(),
                    NativeThreads.describe()));
            return new TrainOutcome(config.runId(), "succeeded", null, steps, (System.nanoTime() - start) / 1e9);
        } catch (Throwable e) {
            String error = describe(e);
            long last = dir.snapshotSteps().stream().mapToLong(Long::longValue).max().orElse(0);
            dir.writeStatus(new RunStatus(RunStatus.FAILED, error, attempts, last, startedAt, Instant.now().toString(),
                    NativeThreads.describe()));
            return new TrainOutcome(config.runId(), "failed", error, last, (System.nanoTime() - start) / 1e9);
        }
    }

    private String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return config.learnerName() + " run " + config.runId() + ": " + e.getClass().getSimpleName() + ": " + message;
    }

    private long train(RunDirectory dir, int attempt, String startedAt) throws IOException {
        Task task = Task.parse(config.env());
        TransitionArrays stored = config.datasetId() == null ? null : new DatasetStore(dataRoot).read(config.datasetId());
        Transitions offline = stored == null ? null : OfflineData.of(stored);
        if (offline != null && (offline.obsDim() != task.observationDim() || offline.actDim() != task.actionDim())) {
            throw new IllegalArgumentException("dataset " + config.datasetId() + " has obs/action dims " + offline.obsDim()
                    + "/" + offline.actDim() + ", task " + task.id() + " needs " + task.observationDim() + "/" + task.actionDim());
        }
        LearnerDims dims = new LearnerDims(task.observationDim(), task.actionDim(),
                stored == null ? null : OfflineData.stats(stored));
        Learner learner = learners.create(config, dims, dataRoot);
        Path checkpoint = dir.checkpointDir();
        if (Files.exists(checkpoint.resolve("learner.bin"))) {
            learner.restore(checkpoint);
        }
        long step = learner.step();
        if (step == 0 && !Files.isDirectory(dir.snapshotDir(0))) {
            dir.writePolicySnapshot(learner);   // the untrained policy: every curve starts at step 0
        }
        MetricsLog metrics = new MetricsLog(dir.trainMetricsFile(), step);
        SplittableRandom rng = batchRandom(config.seed(), step);
        BatchSpec spec = learner.batchSpec();
        boolean simulated = config.gap() != null && (spec.simulated() > 0 || spec.discriminatorSimulated() > 0);

        SimulatedReplay simReplay = null;
        SimulatedSink sink = null;
        SimSession sim = null;
        try {
            if (simulated) {
                simReplay = offline == null || config.hyperparameters().containsKey(ModelLearners.SIM_BUFFER_SIZE)
                        ? new SimulatedReplay(simCapacity(), task.observationDim(), task.actionDim())
                        : SimulatedReplay.forOffline(offline.size(), task.observationDim(), task.actionDim());
                Path saved = checkpoint.resolve(SIM_REPLAY);
                if (Files.exists(saved)) {
                    try (var in = new java.io.BufferedInputStream(Files.newInputStream(saved))) {
                        simReplay.load(in);
                    }
                }
                sink = new SimulatedSink(simReplay);
                // seeded by the run's seed and the step it starts from, never by the attempt number: a run
                // retried from step 0 replays a fresh run exactly (docs/determinism.md)
                sim = SimSession.open(config, task, dims, dataRoot, learners, learner, step);
            }
            MixedReplay replay = new MixedReplay(offline == null ? null : new OfflineReplay(offline), simReplay);

            long total = config.gradientSteps();
            long perEpoch = Math.max(1, config.stepsPerEpoch());
            long epoch = step / perEpoch;
            while (step < total) {
                long epochStart = System.nanoTime();
                long updateNanos = 0;    // batch sampling + learner updates
                long collectNanos = 0;   // simulator rollouts into the simulated replay
                Map<String, Double> sums = new TreeMap<>();
                // per metric, the updates that reported it: a learner may report a metric on some updates only
                // (TD3+BC's actor loss on its delayed actor steps), and its epoch mean is over those
                Map<String, Integer> counts = new TreeMap<>();
                long updates = 0;
                ActionPolicy policy = null;   // drawn at the epoch's first collection, and again after a checkpoint
                int segments = sim == null ? 1 : sim.segmentsPerEpoch();
                // the epoch's gradient steps, spread evenly after its collection segments; a run resumed in the
                // middle of an epoch skips the segments whose steps it has already taken, and a run resumed inside
                // a segment does not collect that segment again (its transitions are in the checkpoint's replay)
                long epochFirst = epoch * perEpoch;
                for (int c = 0; c < segments && step < total; c++) {
                    long segmentStart = epochFirst + perEpoch * c / segments;
                    long segmentEnd = Math.min(total, epochFirst + perEpoch * (c + 1) / segments);
                    if (segmentEnd <= step) {
                        continue;
                    }
                    if (sim != null && step == segmentStart) {
                        if (policy == null) {
                            policy = sim.policyForEpoch(epoch, rng);
                        }
                        long collectStart = System.nanoTime();
                        sim.collectSegment(c, policy, sink);
                        collectNanos += System.nanoTime() - collectStart;
                    }
                    while (step < segmentEnd) {
                        long updateStart = System.nanoTime();
                        Map<String, Double> m = learner.update(replay.sample(spec, task.observationDim(), task.actionDim(), rng));
                        updateNanos += System.nanoTime() - updateStart;
                        m.forEach((key, v) -> {
                            sums.merge(key, v, Double::sum);
                            counts.merge(key, 1, Integer::sum);
                        });
                        updates++;
                        step++;
                        PausePoint.reach("train-step@" + step);
                        if (step % config.evalEvery() == 0 || step == total) {
                            dir.writePolicySnapshot(learner);
                        }
                        if (step % config.snapshotEvery() == 0 || step == total) {
                            writeCheckpoint(checkpoint, learner, simReplay);
                            dir.writeStatus(new RunStatus(RunStatus.RUNNING, null, attempt, step, startedAt, null));
                            // every stream restarts at a checkpoint, and the simulator session (mid-episode state,
                            // rollout streams) is opened anew, exactly as a run resumed from it starts them
                            rng = batchRandom(config.seed(), step);
                            if (sim != null && step < total) {
                                sim.close();
                                sim = null;
                                sim = SimSession.open(config, task, dims, dataRoot, learners, learner, step);
                                policy = null;
                            }
                        }
                    }
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                for (Map.Entry<String, Double> e : sums.entrySet()) {
                    metrics.add(step, e.getKey(), e.getValue() / counts.get(e.getKey()));
                }
                metrics.add(step, "epoch_seconds", seconds);
                metrics.add(step, "update_seconds", updateNanos / 1e9);
                if (sim != null) {
                    metrics.add(step, "collect_seconds", collectNanos / 1e9);
                }
                if (sim != null) {
                    metrics.add(step, "sim_rollout_return", sim.lastRolloutReturn());
                    metrics.add(step, "sim_transitions", sink.added());
                }
                metrics.flush();
                epoch++;
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted at step " + step);
                }
            }
            return step;
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    /**
     * The batch-sampling and rollout-noise stream of a run with seed {@code seed} from checkpoint step {@code step} on:
     * a run that never stopped restarts it at every checkpoint, exactly as a run resumed from that checkpoint does,
     * so an offline run resumed after a crash is bit-identical to one that never stopped (docs/determinism.md).
     */
    static SplittableRandom batchRandom(long seed, long step) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17 + step);
    }

    /**
     * Seed of the simulator of a run with seed {@code seed} (re)started at gradient step {@code step}: the run's start
     * or resume, and every checkpoint ({@link SimSession}).
     */
    static long simEnvSeed(long seed, long step) {
        return seed * 7919 + 1 + step;
    }

    /** Seed of ORIS's rollout streams (hybrid policy, GAN restarts) of a run with seed {@code seed} from step {@code step}. */
    static long orisRolloutSeed(long seed, long step) {
        return seed * 104729 + 3 + step;
    }

    private long simCapacityOverride() {
        Object v = config.hyperparameters().get(ModelLearners.SIM_BUFFER_SIZE);
        return v instanceof Number n ? n.longValue() : 1_000_000L;
    }

    private int simCapacity() {
        return (int) Math.min(Integer.MAX_VALUE / 32, simCapacityOverride());
    }

    /** File of the simulated replay ring inside the resume checkpoint. */
    static final String SIM_REPLAY = "sim_replay.bin";

    /** Writes the resume checkpoint: the complete learner state and the simulated replay ring. */
    static void writeCheckpoint(Path target, Learner learner, SimulatedReplay simReplay) {
        AtomicPublish.writeFolder(target, staged -> {
            learner.snapshot(staged);
            PausePoint.reach("checkpoint-write@" + learner.step());
            if (simReplay != null) {
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(staged.resolve(SIM_REPLAY)))) {
                    simReplay.save(out);
                }
            }
            return null;
        });
    }

    /** The current policy of a learner as an {@link ActionPolicy} (stochastic draws from {@code rng}). */
    public static ActionPolicy policyOf(Learner learner, java.util.random.RandomGenerator rng) {
        return asActionPolicy(learner.policy(), rng);
    }

    /** A policy as an {@link ActionPolicy} (stochastic draws from {@code rng}). */
    public static ActionPolicy asActionPolicy(Policy policy, java.util.random.RandomGenerator rng) {
        return (obs, deterministic) -> {
            float[] o = new float[obs.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = (float) obs[i];
            }
            float[] a = policy.act(o, deterministic, rng);
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = a[i];
            }
            return d;
        };
    }
}
