package io.oris.pipeline.stages;

import io.oris.storage.fs.DataRootUri;
import io.oris.model.learner.Policy;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.rollout.EpisodeResult;
import io.oris.pipeline.rollout.Evaluator;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.train.LearnerProvider;
import io.oris.pipeline.train.RunConfig;
import io.oris.pipeline.train.SnapshotPolicies;
import io.oris.pipeline.train.TrainRun;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Task;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.PausePoint;
import io.oris.storage.table.ColumnType;
import io.oris.storage.table.TableReader;
import io.oris.storage.table.TableSchema;
import io.oris.storage.table.TableWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The evaluate stage: every policy snapshot of the task's finished runs is rolled out deterministically in the
 * unmodified real environment, fanned out as Spark tasks (snapshot × batch of episodes), and each run gets an
 * {@code eval.parquet} with returns, D4RL normalized scores (NaN for pick-place) and pick-place's Reach/Pick/Place
 * flags (on the evaluation grid, {@link Evaluator}). Runs whose table already covers every snapshot
 * are skipped.
 */
public final class EvaluateStage implements StageExecutor {
    /** Column of {@code eval.parquet}: pick-place's Reach flag (the hand came within 0.1 of the block), false elsewhere. */
    public static final String REACH = "reach";
    /** Column: pick-place's Pick flag (the block rose above 0.05). */
    public static final String PICK = "pick";
    /** Column: pick-place's Place flag (the block came within 0.05 of the goal). */
    public static final String PLACE = "place";

    /**
     * Schema of {@code eval.parquet} (docs/architecture.md §6.3). The three flag columns were added for pick-place;
     * files written before them have the first five columns only, and readers take a missing flag as false.
     */
    public static final TableSchema SCHEMA = TableSchema.builder("eval")
            .column("step", ColumnType.LONG)
            .column("episode", ColumnType.INT)
            .column("return", ColumnType.DOUBLE)
            .column("length", ColumnType.INT)
            .column("normalized_score", ColumnType.DOUBLE)
            .column(REACH, ColumnType.BOOLEAN)
            .column(PICK, ColumnType.BOOLEAN)
            .column(PLACE, ColumnType.BOOLEAN)
            .build();

    private final SparkSession spark;
    private final LearnerProvider learners;
    private final int episodesPerItem;

    public EvaluateStage(SparkSession spark, LearnerProvider learners, int episodesPerItem) {
        this.spark = spark;
        this.learners = learners;
        this.episodesPerItem = episodesPerItem;
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        Path root = context.dataRoot();
        List<EvalItem> items = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (RunSpec run : context.plan().runs(task)) {
            RunDirectory dir = RunDirectory.of(root, run.runId());
            RunStatus status = dir.readStatus().orElse(null);
            if (status == null || !status.succeeded()) {
                continue;
            }
            RunConfig config = new RunConfig(run.runId(), run.config());
            List<Long> steps = dir.snapshotSteps();
            if (covered(dir, steps, config.evalEpisodes())) {
                continue;
            }
            pending.add(run.runId());
            for (long step : steps) {
                for (int first = 0; first < config.evalEpisodes(); first += episodesPerItem) {
                    items.add(new EvalItem(config, step, first, Math.min(episodesPerItem, config.evalEpisodes() - first)));
                }
            }
        }
        if (items.isEmpty()) {
            context.log().accept("evaluate " + task.id() + ": nothing to evaluate");
            return;
        }
        context.log().accept("evaluate " + task.id() + ": " + pending.size() + " runs, " + items.size()
                + " episode batches in the real environment");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobGroup("oris-" + task.id(), "evaluate " + task.id(), true);
        List<EvalRow> rows = fanOut(jsc, items, root, learners);
        Map<String, List<EvalRow>> byRun = new LinkedHashMap<>();
        pending.forEach(id -> byRun.put(id, new ArrayList<>()));
        rows.forEach(r -> byRun.get(r.runId()).add(r));
        for (Map.Entry<String, List<EvalRow>> e : byRun.entrySet()) {
            List<EvalRow> runRows = e.getValue();
            runRows.sort(Comparator.comparingLong(EvalRow::step).thenComparingInt(EvalRow::episode));
            try (TableWriter w = TableWriter.open(SCHEMA, RunDirectory.of(root, e.getKey()).evalFile())) {
                for (EvalRow r : runRows) {
                    w.write(r.step(), r.episode(), r.episodeReturn(), r.length(), r.normalizedScore(), r.reach(), r.pick(),
                            r.place());
                }
            }
        }
    }

    /** Rolls out every item as its own Spark task and returns the episodes' rows (the stage's fan-out). */
    public static List<EvalRow> fanOut(JavaSparkContext jsc, List<EvalItem> items, Path root, LearnerProvider learners) {
        String rootText = root.toString();
        return jsc.parallelize(items, items.size())
                .flatMap(item -> evaluate(item, DataRootUri.resolve(rootText), learners).iterator())
                .collect();
    }

    private static boolean covered(RunDirectory dir, List<Long> steps, int episodes) {
        if (!Files.exists(dir.evalFile())) {
            return false;
        }
        Set<String> have = new HashSet<>();
        for (Map<String, Object> r : TableReader.readAll(dir.evalFile())) {
            have.add(r.get("step") + "/" + r.get("episode"));
        }
        for (long step : steps) {
            for (int e = 0; e < episodes; e++) {
                if (!have.contains(step + "/" + e)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Runs on an executor: reads the snapshot's policy and plays the item's episodes in the real environment. */
    static List<EvalRow> evaluate(EvalItem item, Path root, LearnerProvider provider) throws Exception {
        RunConfig config = item.config();
        Task task = Task.parse(config.env());
        Policy snapshot = SnapshotPolicies.load(root, config, item.step(), provider).policy();
        List<EvalRow> rows = new ArrayList<>();
        try (MujocoEnv env = Environments.real(task, config.seed())) {
            var policy = TrainRun.asActionPolicy(snapshot, new SplittableRandom(config.seed()));
            List<EpisodeResult> results = new Evaluator(config.maxEpisodeSteps())
                    .run(env, policy, config.seed() * 1000 + item.step(), item.firstEpisode(), item.episodes());
            for (EpisodeResult r : results) {
                double normalized = D4rlEnvs.hasReferenceScores(task.id()) ? D4rlEnvs.normalizedScore(task.id(), r.episodeReturn())
                        : Double.NaN;
                boolean reach = r.success() != null && r.success().reach();
                boolean pick = r.success() != null && r.success().pick();
                boolean place = r.success() != null && r.success().place();
                rows.add(new EvalRow(config.runId(), item.step(), r.episode(), r.episodeReturn(), r.length(), normalized,
                        reach, pick, place));
            }
            PausePoint.reach("evaluate@" + item.step());
        }
        return rows;
    }
}
