package io.oris.pipeline.cli;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Shard;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.retrain.RetrainTracker;
import io.oris.orchestration.runner.RunContext;
import io.oris.pipeline.spark.SparkSessions;
import io.oris.pipeline.stages.PipelineStages;
import io.oris.pipeline.stages.SweepRunner;
import io.oris.pipeline.train.ModelLearners;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris stage NAME --job FILE --shard i/n}: runs one task of a job's DAG — what each Airflow task
 * (SparkSubmitOperator) and each step of a cluster submission calls. Retries are the scheduler's.
 */
@Command(name = "stage", description = "Run one stage task of a job (what Airflow and spark-submit call).")
public final class StageCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STAGE", description = "ingest, collect, pretrain-gan, pretrain-dynamics, train, evaluate or aggregate.")
    String stage;

    @Option(names = "--job", required = true, description = "Job file (YAML).")
    Path job;

    @Option(names = "--shard", defaultValue = "1/1", description = "Which task of the stage, i/n (default ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--master", description = "Spark master (default: the job's, or the one spark-submit set).")
    String master;

    @Mixin
    DataRootOption dataRoot;

    @Override
    public Integer call() throws Exception {
        StageKind kind = StageKind.byCliName(stage).orElseThrow(() -> new IllegalArgumentException(
                "unknown stage '" + stage + "'; expected one of " + StageKind.cliNames()));
        Path root = dataRoot.path(io.oris.orchestration.descriptor.JobDescriptor.load(job).sweep().dataRoot());
        Plan plan = new SweepRunner(new ModelLearners(), Progress.sink()).plan(job, root);
        StageTask task = plan.requireTask(kind, Shard.parse(shard));
        String m = master != null ? master : System.getProperty("spark.master", plan.job().sweep().spark().master());
        Map<String, String> resources = new LinkedHashMap<>(plan.job().sweep().spark().executorConf());
        if (kind != StageKind.TRAIN) {
            resources.remove("spark.executor.resource.gpu.amount");   // only train tasks use GPUs (as in the Airflow export)
        }
        SparkSession spark = SparkSessions.start("oris " + plan.job().dagId() + " " + task.id(), m,
                plan.job().sweep().spark().conf(), resources);
        try {
            Path reportDir = root.resolve(new RetrainTracker(root).nextReport(plan.job()).relativePath());
            var executors = PipelineStages.executors(spark, new ModelLearners(), reportDir, r -> {
                System.out.println("Report: " + r.html());
            });
            executors.get(kind).execute(task, new RunContext(plan, root, 1, 1, Progress.sink()));
            if (kind == StageKind.AGGREGATE) {
                new RetrainTracker(root).recordSuccess(plan.job(), new RetrainTracker(root).check(plan.job()));
            }
        } finally {
            spark.stop();
        }
        return 0;
    }
}
