package io.oris.pipeline.stages;

import io.oris.storage.fs.DataRootUri;
import io.oris.model.nn.NativeThreads;
import io.oris.model.oris.GanTrainer;
import io.oris.model.replay.Transitions;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.storage.AtomicPublish;
import io.oris.pipeline.train.OfflineData;
import io.oris.storage.DatasetStore;
import io.oris.storage.table.ColumnType;
import io.oris.storage.table.TableSchema;
import io.oris.storage.table.TableWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The pretrain-gan stage (ORIS Eq. 3-5): trains the GANs the task's ORIS runs read ({@code Plan.gans(task)}): by
 * default one per (dataset, seed), trained with that seed, so each seed's run has its own GAN; one per dataset
 * (seed 0) when the job shares GANs across seeds; times the GAN settings in use. Each GAN is trained on the
 * dataset's states in its own Spark task; its checkpoint and training curves go into a staged folder renamed into
 * place ({@link GanArtifacts#dir}), and GANs that already exist are skipped.
 */
public final class PretrainGanStage implements StageExecutor {
    /** Schema of {@code curves.parquet}. */
    public static final TableSchema CURVES = TableSchema.builder("gan_curves")
            .column("step", ColumnType.INT).column("d_loss", ColumnType.DOUBLE).column("g_loss", ColumnType.DOUBLE)
            .column("d_real", ColumnType.DOUBLE).column("d_fake", ColumnType.DOUBLE).build();

    private final SparkSession spark;

    public PretrainGanStage(SparkSession spark) {
        this.spark = spark;
    }

    /** One GAN to train: its dataset, settings ({@link GanSpec#settings()}) and seed. */
    record Job(String datasetId, Map<String, Object> settings, long seed) implements Serializable {
        Job {
            settings = new LinkedHashMap<>(settings);
        }

        static Job of(GanSpec gan) {
            return new Job(gan.datasetId(), gan.settings(), gan.seed());
        }

        GanSpec spec() {
            return new GanSpec(datasetId, settings, seed);
        }
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        Path root = context.dataRoot();
        List<Job> jobs = new ArrayList<>();
        for (GanSpec gan : context.plan().gans(task)) {
            if (!Files.exists(GanArtifacts.checkpoint(GanArtifacts.dir(root, gan)))) {
                jobs.add(Job.of(gan));
            }
        }
        PretrainFanOut.run(spark, task, context, "pretrain-gan", "GANs", "GAN(s)", jobs,
                (job, rootUri) -> train(job, DataRootUri.resolve(rootUri)));
    }

    static String train(Job job, Path root) throws Exception {
        long start = System.nanoTime();
        NativeThreads.pin(); // same arithmetic whatever OMP_NUM_THREADS says (docs/determinism.md)
        Transitions data = OfflineData.of(new DatasetStore(root).read(job.datasetId()));
        GanTrainer.Result result = new GanTrainer(GanArtifacts.config(job.settings()), job.seed()).pretrain(data.stateRows());
        Path target = GanArtifacts.dir(root, job.spec());
        AtomicPublish.writeFolder(target, staged -> {
            result.gan().checkpoint(GanArtifacts.checkpoint(staged));
            GanArtifacts.describe(staged, job.spec());
            try (TableWriter w = TableWriter.open(CURVES, GanArtifacts.curves(staged))) {
                for (GanTrainer.CurvePoint p : result.curves()) {
                    w.write(p.step(), p.dLoss(), p.gLoss(), p.dReal(), p.dFake());
                }
            }
            return null;
        });
        GanTrainer.CurvePoint last = result.curves().isEmpty() ? null : result.curves().get(result.curves().size() - 1);
        return String.format("  GAN of %s, seed %d: %d steps in %.0f s%s", job.datasetId(), job.seed(),
                GanArtifacts.config(job.settings()).steps(),
                (System.nanoTime() - start) / 1e9,
                last == null ? "" : String.format(", D(real) %.3f, D(fake) %.3f", last.dReal(), last.dFake()));
    }
}
