package io.oris.pipeline.bench;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.spark.SparkSessions;
import io.oris.pipeline.stages.EvalItem;
import io.oris.pipeline.stages.EvalRow;
import io.oris.pipeline.stages.EvaluateStage;
import io.oris.pipeline.stages.SweepRunner;
import io.oris.pipeline.train.ModelLearners;
import io.oris.pipeline.train.RunConfig;
import io.oris.sim.env.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the pipeline's own costs: the evaluation fan-out (episodes per second of snapshot rollouts in the
 * real environment on {@code local[1]} and {@code local[N]}) and the driver's overhead per stage task (a sweep
 * whose runs have a one-step budget, so the time is Spark and bookkeeping, not learning).
 */
public final class PipelineBenchmark {
    /** Evaluation throughput on one master. */
    public record FanOut(String master, int items, int episodes, double seconds) {
        public double episodesPerSecond() {
            return episodes / seconds;
        }
    }

    /** Driver overhead of a sweep of empty-budget runs. */
    public record Overhead(int runs, int tasks, double seconds) {
        public double secondsPerTask() {
            return seconds / tasks;
        }
    }

    private final Path work;
    private final Consumer<String> log;

    public PipelineBenchmark(Path work, Consumer<String> log) {
        this.work = work;
        this.log = log;
    }

    /** A SAC run of halfcheetah (full-length episodes) with a 256-256 actor snapshot to evaluate. */
    public RunConfig prepareSnapshot() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("method", "sac");
        values.put("variant", "");
        values.put("env", "halfcheetah");
        values.put("gap", "gravity=2.0");
        values.put("seed", 0L);
        values.put("budget", Map.of("gradient_steps", 1L, "steps_per_epoch", 1L, "eval_every", 1L));
        values.put("evaluation", Map.of("episodes", 4, "last_k", 1, "max_episode_steps", 1000));
        values.put("hyperparameters", Map.of());
        RunConfig config = new RunConfig("bench-eval", values);
        Task task = Task.HALFCHEETAH;
        Learner learner = new ModelLearners().create(config, LearnerDims.of(task.observationDim(), task.actionDim()), work);
        RunDirectory dir = RunDirectory.of(work, config.runId());
        dir.writePolicySnapshot(learner);   // the step-0 policy snapshot
        dir.writeStatus(new RunStatus(RunStatus.SUCCEEDED, null, 1, 0, null, null));
        return config;
    }

    public FanOut evaluationFanOut(String master, RunConfig config, int items, int episodesPerItem) {
        SparkSession spark = SparkSessions.start("oris bench pipeline", master, Map.of());
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<EvalItem> list = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                list.add(new EvalItem(config, 0, i * episodesPerItem, episodesPerItem));
            }
            EvaluateStage.fanOut(jsc, list.subList(0, Math.min(2, items)), work, new ModelLearners()); // warm-up
            long start = System.nanoTime();
            List<EvalRow> rows = EvaluateStage.fanOut(jsc, list, work, new ModelLearners());
            double seconds = (System.nanoTime() - start) / 1e9;
            FanOut f = new FanOut(spark.sparkContext().master(), items, rows.size(), seconds);
            log.accept(String.format("  evaluate fan-out on %-9s %3d tasks, %3d episodes in %6.2f s = %6.2f episodes/s",
                    f.master(), items, rows.size(), seconds, f.episodesPerSecond()));
            return f;
        } finally {
            spark.stop();
        }
    }

    /** Runs a sweep of {@code seeds} × (sac, h2o, oris) runs with a one-step budget and reports the driver time per task. */
    public Overhead driverOverhead(int seeds) throws Exception {
        Path job = work.resolve("overhead.yaml");
        Files.writeString(job, """
                overhead:
                  default_args: {owner: oris, retries: 0}
                  schedule: null
                  oris:
                    envs: [hopper]
                    datasets:
                      - {collect: random, size: 1000}
                    gaps: [gravity=2.0]
                    methods: [sac, h2o, oris]
                    seeds: %d
                    budget: {gradient_steps: 1, steps_per_epoch: 1, sim_steps_per_epoch: 1, eval_every: 1}
                    evaluation: {episodes: 1, last_k: 1, max_episode_steps: 1}
                    gan: {steps: 1, hidden: [8, 8], batch_size: 8}
                    hyperparameters:
                      sac: {sac.hidden: [8, 8]}
                      h2o: {sac.hidden: [8, 8]}
                      oris: {sac.hidden: [8, 8]}
                    spark: {master: "local[*]"}
                """.formatted(seeds));
        Path root = work.resolve("overhead-data");
        long start = System.nanoTime();
        SweepRunner.Result result = new SweepRunner(new ModelLearners(), line -> { }).run(job, root, null, false);
        double seconds = (System.nanoTime() - start) / 1e9;
        int tasks = result.outcome().report().results().size();
        Overhead o = new Overhead(3 * seeds, tasks, seconds);
        log.accept(String.format("  driver overhead: %d empty-budget runs, %d stage tasks in %.1f s = %.2f s per task",
                o.runs(), tasks, seconds, o.secondsPerTask()));
        return o;
    }
}
