package io.oris.pipeline.stages;

import io.oris.model.nn.NativeThreads;
import io.oris.model.oris.GanTrainer;
import io.oris.model.replay.Transitions;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.gan.GanArtifacts;
import io.oris.pipeline.runs.AtomicFiles;
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
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The pretrain-gan stage (ORIS Eq. 3-5): one GAN per dataset and GAN setting, trained on the dataset's states
 * in a Spark task; writes the checkpoint and the training curves into a staged folder renamed into place, and
 * skips GANs that already exist.
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

    /** One GAN to train. */
    record Job(String datasetId, Map<String, Object> settings, long seed) implements Serializable {
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        Path root = context.dataRoot();
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (DatasetSpec dataset : context.plan().datasets(task)) {
            for (RunSpec run : context.plan().runs()) {
                if (run.gan() != null && dataset.id().equals(run.datasetId())) {
                    Map<String, Object> settings = ganSettings(run);
                    Path dir = GanArtifacts.dir(root, dataset.id(), settings);
                    if (!Files.exists(GanArtifacts.checkpoint(dir))) {
                        jobs.putIfAbsent(dir.toString(), new Job(dataset.id(), settings, 0));
                    }
                }
            }
        }
        if (jobs.isEmpty()) {
            context.log().accept("pretrain-gan " + task.id() + ": GANs already trained");
            return;
        }
        context.log().accept("pretrain-gan " + task.id() + ": training " + jobs.size() + " GAN(s)");
        String rootText = root.toString();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobGroup("oris-" + task.id(), "pretrain-gan " + task.id(), true);
        List<String> lines = jsc.parallelize(new ArrayList<>(jobs.values()), jobs.size())
                .map(job -> train(job, Path.of(rootText))).collect();
        lines.forEach(context.log());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ganSettings(RunSpec run) {
        return (Map<String, Object>) run.config().get("gan");
    }

    static String train(Job job, Path root) throws Exception {
        long start = System.nanoTime();
        NativeThreads.pin(); // same arithmetic whatever OMP_NUM_THREADS says (docs/determinism.md)
        Transitions data = OfflineData.of(new DatasetStore(root).read(job.datasetId()));
        GanTrainer.Result result = new GanTrainer(GanArtifacts.config(job.settings()), job.seed()).pretrain(data.stateRows());
        Path target = GanArtifacts.dir(root, job.datasetId(), job.settings());
        Files.createDirectories(target.getParent());
        Path staged = AtomicFiles.tempSibling(target);
        Files.createDirectories(staged);
        try {
            result.gan().checkpoint(GanArtifacts.checkpoint(staged));
            try (TableWriter w = TableWriter.open(CURVES, GanArtifacts.curves(staged))) {
                for (GanTrainer.CurvePoint p : result.curves()) {
                    w.write(p.step(), p.dLoss(), p.gLoss(), p.dReal(), p.dFake());
                }
            }
            AtomicFiles.publishDirectory(staged, target);
        } catch (Exception e) {
            AtomicFiles.deleteRecursively(staged);
            throw e;
        }
        GanTrainer.CurvePoint last = result.curves().isEmpty() ? null : result.curves().get(result.curves().size() - 1);
        return String.format("  GAN of %s: %d steps in %.0f s%s", job.datasetId(), GanArtifacts.config(job.settings()).steps(),
                (System.nanoTime() - start) / 1e9,
                last == null ? "" : String.format(", D(real) %.3f, D(fake) %.3f", last.dReal(), last.dFake()));
    }
}
