package io.oris.pipeline.stages;

import io.oris.model.nn.NativeThreads;
import io.oris.orchestration.Fingerprints;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.pipeline.collect.BehaviourCollector;
import io.oris.pipeline.train.LearnerProvider;
import io.oris.sim.env.Task;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetDescription;
import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.TransitionArrays;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One dataset to collect. */
    record Job(String id, String env, String policy, long size, long seed, Map<String, Object> params,
               String fingerprint) implements Serializable {
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        DatasetStore store = new DatasetStore(context.dataRoot());
        List<Job> jobs = new ArrayList<>();
        for (DatasetSpec spec : context.plan().datasets(task)) {
            if (!(spec instanceof DatasetSpec.Collected c)) {
                throw new IllegalArgumentException("dataset " + spec.id() + " is not a collected dataset");
            }
            String fingerprint = Fingerprints.sha256Hex(Fingerprints.canonicalJson(c.config()));
            if (store.decide(c.id(), fingerprint, false) == DatasetStore.WriteDecision.UNCHANGED) {
                context.log().accept("collect " + c.id() + ": already collected");
                continue;
            }
            jobs.add(new Job(c.id(), c.env(), c.policy(), c.size(), c.seed(), new LinkedHashMap<>(c.params()), fingerprint));
        }
        if (jobs.isEmpty()) {
            return;
        }
        String root = context.dataRoot().toString();
        LearnerProvider provider = learners;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobGroup("oris-" + task.id(), "collect " + task.id(), true);
        List<String> lines = jsc.parallelize(jobs, jobs.size()).map(job -> collect(job, Path.of(root), provider)).collect();
        lines.forEach(context.log());
    }

    static String collect(Job job, Path root, LearnerProvider learners) {
        long start = System.nanoTime();
        Task task = Task.parse(job.env());
        List<String> progress = new ArrayList<>();
        BehaviourCollector collector = new BehaviourCollector(task, job.seed(), learners, job.params(), line -> {
            progress.add(line);
            System.err.println(line);
        });
        TransitionArrays data = collector.collect(job.policy(), Math.toIntExact(job.size()));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("policy", job.policy());
        options.put("size", job.size());
        options.put("seed", job.seed());
        options.put("params", job.params());
        options.put("behaviour", collector.report());
        // what decides the last bits on this machine, to tell why two collections differ (docs/determinism.md)
        options.put("numerics", NativeThreads.describe());
        Manifest.Made made = new Manifest.Made("oris collect", Instant.now().toString(), options, progress);
        Manifest.Source source = new Manifest.Source("collect", List.of(), "float32",
                Map.of("env", task.id(), "gap", "real"));
        DatasetDescription description = new DatasetDescription(D4rlEnvs.require(task.id()), job.fingerprint(), source, made, null);
        Manifest manifest = new DatasetStore(root).write(job.id(), data, description, true);
        return String.format("collect %s: %d transitions, %d episodes in %.0f s", job.id(), manifest.rows(), manifest.episodes(),
                (System.nanoTime() - start) / 1e9);
    }
}
