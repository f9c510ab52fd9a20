package io.oris.pipeline.stages;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.SparkSettings;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.retrain.IfChangedRun;
import io.oris.orchestration.retrain.RetrainTracker;
import io.oris.orchestration.runner.LocalRunner;
import io.oris.orchestration.runner.RunnerSettings;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.pipeline.report.ReportResult;
import io.oris.pipeline.spark.SparkSessions;
import io.oris.pipeline.spark.TrainResources;
import io.oris.pipeline.train.LearnerProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a whole sweep in this JVM: plans the job, starts Spark (the job's master, or {@code --master}; on a cluster
 * master with the job's executor resources under the user's own conf), runs
 * the task DAG with the local runner (retries, timeouts, resume: finished outputs are skipped) and writes the
 * next versioned report. What {@code oris run}, {@code oris demo} and {@code oris submit} share.
 */
public final class SweepRunner {
    /** How the sweep ended: the runner's outcome and the report written (null when none). */
    public record Result(IfChangedRun.Outcome outcome, ReportResult report) {
    }

    private final LearnerProvider learners;
    private final Consumer<String> log;

    public SweepRunner(LearnerProvider learners, Consumer<String> log) {
        this.learners = learners;
        this.log = log;
    }

    /** Plans {@code jobFile}; fails, naming the files and where to put them, when D4RL inputs are missing. */
    public Plan plan(Path jobFile, Path dataRoot) {
        Plan plan = new Planner().plan(JobDescriptor.load(jobFile), dataRoot);
        List<String> missing = plan.missingD4rlFiles();
        if (!missing.isEmpty()) {
            throw new io.oris.storage.BadInputException(jobFile, "oris.datasets", "needs D4RL files that are not in "
                    + dataRoot.resolve("d4rl") + " nor in $D4RL_DATASET_DIR: " + String.join(", ", missing)
                    + " (download them once from the D4RL site and put them there)");
        }
        return plan;
    }

    public Result run(Path jobFile, Path dataRoot, String masterOverride, boolean ifChanged) {
        Plan plan = plan(jobFile, dataRoot);
        JobDescriptor job = plan.job();
        SparkSettings settings = job.sweep().spark();
        String master = masterOverride != null ? masterOverride : settings.master();
        Map<String, String> conf = new LinkedHashMap<>(settings.conf());
        SparkSession spark = SparkSessions.start("oris " + job.dagId(), master, conf, settings.executorConf());
        try {
            TrainResources.check(job, spark.sparkContext().getConf());   // before any stage runs
            log.accept(driverMemoryNote(settings, spark.sparkContext().getConf()));
            AtomicReference<ReportResult> report = new AtomicReference<>();
            Path reportDir = dataRoot.resolve(new RetrainTracker(dataRoot).nextReport(job).relativePath());
            Map<StageKind, StageExecutor> executors = PipelineStages.executors(spark, learners, reportDir, report::set);
            log.accept("[oris] " + job.dagId() + ": " + plan.runs().size() + " runs, " + plan.tasks().size()
                    + " tasks on Spark " + spark.sparkContext().master() + ", data root " + dataRoot);
            LocalRunner runner = new LocalRunner(RunnerSettings.from(job, 1), log);
            IfChangedRun.Outcome outcome = new IfChangedRun(runner).run(plan, executors, dataRoot, ifChanged, log);
            return new Result(outcome, report.get());
        } finally {
            spark.stop();
        }
    }

    /**
     * Says which driver memory is in force: the job's {@code driver_memory} sizes a driver only where Spark starts
     * the driver's JVM ({@code oris submit --deploy-mode cluster}); a running driver (this JVM: {@code oris run},
     * {@code oris submit} in client mode) keeps its heap.
     */
    static String driverMemoryNote(SparkSettings settings, SparkConf conf) {
        if ("cluster".equals(conf.get("spark.submit.deployMode", "client"))) {
            return "[oris] driver started by the cluster with spark.driver.memory=" + conf.get("spark.driver.memory", "Spark's default");
        }
        return "[oris] driver: this JVM (max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); the job's"
                + " driver_memory (" + settings.driverMemory() + ") applies only where Spark starts the driver (oris submit"
                + " --deploy-mode cluster); for this JVM set ORIS_JAVA_OPTS=-Xmx...";
    }
}
