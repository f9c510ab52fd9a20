package io.oris.pipeline.stages;

import io.oris.storage.fs.DataRootUri;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.spark.TaskSlot;
import io.oris.pipeline.spark.TrainResources;
import io.oris.pipeline.train.LearnerProvider;
import io.oris.pipeline.train.RunConfig;
import io.oris.pipeline.train.TrainOutcome;
import io.oris.pipeline.train.TrainRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.sql.SparkSession;

/**
 * The train stage: one Spark task per run of the stage task (method × dataset × gap × seed × variant), each
 * training on its own simulator. Finished runs are skipped; failed and missing ones run (again). A failed
 * run does not fail the stage: it is marked failed in its {@code status.json} and the sweep goes on. While
 * the tasks run, the driver prints progress from the runs' status files. The train tasks run under the job's
 * train-task resources ({@link TrainResources}: CPUs and GPUs per task through a Spark resource profile, on cluster
 * masters), and the driver logs the slot each run had when a profile is in force.
 */
public final class TrainStage implements StageExecutor {
    /** A train task's outcome and the slot (executor, CPUs, GPU addresses) it ran in. */
    private record Trained(TrainOutcome outcome, TaskSlot slot) implements java.io.Serializable {
    }

    private final SparkSession spark;
    private final LearnerProvider learners;
    private final long progressEveryMillis;

    public TrainStage(SparkSession spark, LearnerProvider learners, long progressEveryMillis) {
        this.spark = spark;
        this.learners = learners;
        this.progressEveryMillis = progressEveryMillis;
    }

    @Override
    public void execute(StageTask task, RunContext context) throws Exception {
        Path root = context.dataRoot();
        List<RunConfig> todo = new ArrayList<>();
        int finished = 0;
        for (RunSpec run : context.plan().runs(task)) {
            Optional<RunStatus> status = RunDirectory.of(root, run.runId()).readStatus();
            if (status.isPresent() && status.get().succeeded()) {
                finished++;
            } else {
                todo.add(new RunConfig(run.runId(), run.config()));
            }
        }
        if (todo.isEmpty()) {
            context.log().accept("train " + task.id() + ": all " + finished + " runs already finished");
            return;
        }
        context.log().accept("train " + task.id() + ": " + todo.size() + " runs to train (" + finished + " already finished)");
        String rootText = root.toString();
        LearnerProvider provider = learners;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobGroup("oris-" + task.id(), "train " + task.id(), true);
        Optional<ResourceProfile> profile = TrainResources.profile(context.plan().job(),
                spark.sparkContext().getConf(), context.log());
        JavaRDD<RunConfig> runs = jsc.parallelize(todo, todo.size());
        if (profile.isPresent()) {
            runs = runs.withResources(profile.get());
        }
        TrainProgress progress = new TrainProgress(root, todo, context::status, progressEveryMillis);
        List<Trained> trained;
        try (progress) {
            progress.start();
            trained = runs.map(config -> new Trained(new TrainRun(config, DataRootUri.resolve(rootText), provider).execute(),
                            TaskSlot.current()))
                    .collect();
        }
        List<TrainOutcome> outcomes = trained.stream().map(Trained::outcome).toList();
        if (profile.isPresent()) {
            for (Trained t : trained) {
                context.log().accept("  run " + t.outcome().runId() + " trained on " + t.slot().describe());
            }
        }
        long failed = outcomes.stream().filter(TrainOutcome::failed).count();
        for (TrainOutcome o : outcomes) {
            if (o.failed()) {
                context.log().accept("  run " + o.runId() + " FAILED: " + o.error());
            }
        }
        context.log().accept(String.format("train %s: %d succeeded, %d failed", task.id(), outcomes.size() - failed, failed));
    }
}
