package io.oris.pipeline.stages;

import io.oris.storage.fs.DataRootUri;
import io.oris.model.combo.DynamicsTrainer;
import io.oris.model.nn.NativeThreads;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.orchestration.sweep.DynamicsSpec;
import io.oris.pipeline.combo.DynamicsArtifacts;
import io.oris.pipeline.train.OfflineData;
import io.oris.storage.DatasetStore;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The pretrain-dynamics stage (COMBO, Yu et al. 2021, Section 4 / Algorithm 1's first line): trains the dynamics
 * ensembles the task's COMBO runs read ({@code Plan.dynamics(task)}): by default one per (dataset, seed), trained with
 * that seed, as the paper trains one per run; one per dataset (seed 0) when the job sets
 * {@code dynamics: {share_across_seeds: true}}; times the {@code dynamics.*} settings in use. Each model is trained
 * on the dataset's transitions in its own Spark task and published atomically ({@link DynamicsArtifacts#train});
 * models that already exist are skipped. The train stage only loads them.
 */
public final class PretrainDynamicsStage implements StageExecutor {
    private final SparkSession spark;

    public PretrainDynamicsStage(SparkSession spark) {
        this.spark = spark;
    }

    /** One model to train: its dataset, settings ({@link DynamicsSpec#settings()}) and seed. */
    record Job(String datasetId, Map<String, Object> settings, long seed) implements Serializable {
        Job {
            settings = new TreeMap<>(settings);
        }

        static Job of(DynamicsSpec spec) {
            return new Job(spec.datasetId(), spec.settings(), spec.seed());
        }

        DynamicsSpec spec() {
            return new DynamicsSpec(datasetId, settings, seed);
        }
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        Path root = context.dataRoot();
        List<Job> jobs = new ArrayList<>();
        Set<Path> folders = new java.util.HashSet<>();
        for (DynamicsSpec spec : context.plan().dynamics(task)) {
            Path dir = DynamicsArtifacts.dir(root, spec);
            if (!Files.exists(DynamicsArtifacts.checkpoint(dir)) && folders.add(dir)) {
                jobs.add(Job.of(spec));
            }
        }
        PretrainFanOut.run(spark, task, context, "pretrain-dynamics", "dynamics models", "dynamics model(s)", jobs,
                (job, rootUri) -> train(job, DataRootUri.resolve(rootUri)));
    }

    static String train(Job job, Path root) {
        long start = System.nanoTime();
        NativeThreads.pin(); // same arithmetic whatever OMP_NUM_THREADS says (docs/determinism.md)
        DynamicsTrainer.Result r = DynamicsArtifacts.train(root, job.spec(),
                OfflineData.of(new DatasetStore(root).read(job.datasetId())));
        DynamicsTrainer.EpochPoint last = r.curve().isEmpty() ? null : r.curve().get(r.curve().size() - 1);
        return String.format("  dynamics model of %s, seed %d: %d epochs in %.0f s%s", job.datasetId(), job.seed(),
                r.curve().size(), (System.nanoTime() - start) / 1e9,
                last == null ? "" : String.format(", held-out MSE %.4f", last.holdoutMse()));
    }
}
