package io.oris.pipeline.stages;

import io.oris.storage.fs.DataRootUri;
import io.oris.model.nn.NativeThreads;
import io.oris.orchestration.Fingerprints;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.pipeline.collect.BehaviourCollector;
import io.oris.pipeline.collect.PickPlaceRobotLog;
import io.oris.pipeline.train.LearnerProvider;
import io.oris.sim.env.Task;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.EnvDims;
import io.oris.storage.Manifest;
import io.oris.storage.TransitionArrays;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The collect stage: makes the sweep's collected datasets in the real environment (one Spark task per
 * dataset) with the behaviour policies of {@link BehaviourCollector}; a dataset whose config did not change
 * is kept. The behaviour policies and their returns go into the manifest.
 */
public final class CollectStage implements StageExecutor {
    private final SparkSession spark;
    private final LearnerProvider learners;

    public CollectStage(SparkSession spark, LearnerProvider learners) {
        this.spark = spark;
        this.learners = learners;
    }

    /**
     * One dataset to collect: what {@link #collect} needs, serializable for the Spark task.
     *
     * @param fingerprint sha256 of the dataset entry's canonical config (equal configs give equal datasets)
     */
    public record Job(String id, String env, String policy, long size, long seed, Map<String, Object> params,
                      String fingerprint) implements Serializable {
        /** The job for a collected dataset entry, written as {@code id} (null: the entry's own id). */
        public static Job of(DatasetSpec.Collected spec, String id) {
            return new Job(id == null ? spec.id() : id, spec.env(), spec.policy(), spec.size(), spec.seed(),
                    new LinkedHashMap<>(spec.params()), Fingerprints.sha256Hex(Fingerprints.canonicalJson(spec.config())));
        }
    }

    /**
     * What one collection made.
     *
     * @param behaviour what the behaviour policies reached ({@link BehaviourCollector#summary()})
     */
    public record Outcome(String id, Manifest manifest, String behaviour, double seconds) {
        /** One line: id, rows, episodes, the behaviour's return against its target, wall time. */
        public String describe() {
            return String.format("collect %s: %d transitions, %d episodes in %.0f s; %s", id, manifest.rows(),
                    manifest.episodes(), seconds, behaviour);
        }
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        DatasetStore store = new DatasetStore(context.dataRoot());
        List<Job> jobs = new ArrayList<>();
        for (DatasetSpec spec : context.plan().datasets(task)) {
            if (!(spec instanceof DatasetSpec.Collected c)) {
                throw new IllegalArgumentException("dataset " + spec.id() + " is not a collected dataset");
            }
            Job job = Job.of(c, null);
            if (store.decide(job.id(), job.fingerprint(), false) == DatasetStore.WriteDecision.UNCHANGED) {
                context.log().accept("collect " + c.id() + ": already collected");
                continue;
            }
            jobs.add(job);
        }
        if (jobs.isEmpty()) {
            return;
        }
        String root = context.dataRoot().toString();
        LearnerProvider provider = learners;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobGroup("oris-" + task.id(), "collect " + task.id(), true);
        List<String> lines = jsc.parallelize(jobs, jobs.size())
                .map(job -> collect(job, DataRootUri.resolve(root), provider, System.err::println).describe()).collect();
        lines.forEach(context.log());
    }

    /**
     * Collects one dataset in the real environment and writes it under {@code root} atomically (replacing an
     * older one with the id: call {@link DatasetStore#decide} first). The stage's Spark tasks and {@code oris collect}
     * both run this, so a job entry and the command with the same params make the same dataset.
     *
     * @param progress receives the behaviour's progress lines as they happen (they also go into the manifest)
     */
    public static Outcome collect(Job job, Path root, LearnerProvider learners, Consumer<String> progress) {
        return collect(job, root, learners, progress, null);
    }

    /**
     * As {@link #collect(Job, Path, LearnerProvider, Consumer)}, and for pick-place also writes the same transitions
     * as a robot log ({@link PickPlaceRobotLog}) to {@code robotLog} (null: none), which {@code oris ingest logs}
     * with {@code jobs/examples/pick-place-log-mapping.yaml} turns back into the identical dataset.
     */
    public static Outcome collect(Job job, Path root, LearnerProvider learners, Consumer<String> progress,
            Path robotLog) {
        long start = System.nanoTime();
        Task task = Task.parse(job.env());
        List<String> notes = new ArrayList<>();
        BehaviourCollector collector = new BehaviourCollector(task, job.seed(), learners, job.params(), line -> {
            notes.add(line);
            progress.accept(line);
        });
        TransitionArrays data = collector.collect(job.policy(), Math.toIntExact(job.size()));
        if (robotLog != null) {
            if (task != Task.PICK_PLACE) {
                throw new IllegalArgumentException("a robot log is written for pick-place data only, not " + task.id());
            }
            PickPlaceRobotLog.writer().write(data, robotLog);
            notes.add("the same transitions written as the robot log " + robotLog);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("policy", job.policy());
        options.put("size", job.size());
        options.put("seed", job.seed());
        options.put("params", job.params());
        options.put("behaviour", collector.report());
        // what decides the last bits on this machine, to tell why two collections differ (docs/determinism.md)
        options.put("numerics", NativeThreads.describe());
        Manifest.Made made = new Manifest.Made("oris collect", Instant.now().toString(), options, notes);
        Manifest.Source source = new Manifest.Source("collect", List.of(), "float32",
                Map.of("env", task.id(), "gap", "real"));
        // pick-place datasets carry the env name robot logs of the task use, so collected and logged data mix
        EnvDims env = D4rlEnvs.require(task == Task.PICK_PLACE ? D4rlEnvs.PICK_AND_PLACE : task.id());
        if (!data.hasState()) {
            // collected without the MuJoCo state (params.record_state: false): no qpos/qvel columns
            env = new EnvDims(env.env(), env.obsDim(), env.actionDim(), 0, 0);
        }
        DatasetDescription description = new DatasetDescription(env, job.fingerprint(), source, made, null);
        Manifest manifest = new DatasetStore(root).write(job.id(), data, description, true);
        return new Outcome(job.id(), manifest, collector.summary(), (System.nanoTime() - start) / 1e9);
    }
}
