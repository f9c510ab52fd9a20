package io.oris.pipeline.stages;

import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.report.EvalPoint;
import io.oris.pipeline.report.ReportResult;
import io.oris.pipeline.report.ReportSpec;
import io.oris.pipeline.report.ReportWriter;
import io.oris.pipeline.report.RunResult;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.storage.table.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The aggregate stage: collects every run of the sweep (finished, failed or missing) with its evaluation
 * curve and renders the report (scores.parquet, Markdown / CSV / LaTeX tables, HTML with figures) into the
 * sweep's report folder. The last report written is kept for the caller (the demo prints its table).
 */
public final class AggregateStage implements StageExecutor {
    private final Path reportDir;
    private final Consumer<ReportResult> onReport;

    /**
     * @param reportDir where the report goes (null: {@code <data-root>/reports/<dag id>})
     * @param onReport  receives the finished report
     */
    public AggregateStage(Path reportDir, Consumer<ReportResult> onReport) {
        this.reportDir = reportDir;
        this.onReport = onReport;
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        Path root = context.dataRoot();
        List<RunResult> results = new ArrayList<>();
        int lastK = 1;
        for (RunSpec run : context.plan().runs()) {
            results.add(result(root, run));
            lastK = run.evaluation().lastK();
        }
        String sweep = context.job().dagId();
        Path target = reportDir != null ? reportDir : ReportWriter.reportDir(root, sweep);
        ReportResult report = new ReportWriter().write(results, ReportSpec.of(sanitize(sweep), Math.max(1, lastK)), target);
        context.log().accept("aggregate: " + results.size() + " runs -> " + report.html());
        onReport.accept(report);
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The report's view of one run, read from its status and {@code eval.parquet}. */
    static RunResult result(Path root, RunSpec run) {
        RunDirectory dir = RunDirectory.of(root, run.runId());
        RunStatus status = dir.readStatusQuietly();
        String dataset = datasetName(run);
        String gap = run.gap();
        String variant = run.variant();
        if (status == null || (!status.succeeded() && !status.failed())) {
            return RunResult.missing(run.runId(), run.method().id(), variant, run.env(), dataset, gap, run.seed());
        }
        if (status.failed()) {
            return RunResult.failed(run.runId(), run.method().id(), variant, run.env(), dataset, gap, run.seed(), status.error());
        }
        if (!Files.exists(dir.evalFile())) {
            return RunResult.missing(run.runId(), run.method().id(), variant, run.env(), dataset, gap, run.seed());
        }
        return RunResult.succeeded(run.runId(), run.method().id(), variant, run.env(), dataset, gap, run.seed(),
                curve(dir.evalFile()));
    }

    /**
     * The evaluation points of one {@code eval.parquet}: per step the mean return and normalized score, and the
     * number of episodes with each pick-place flag (a file from before the flag columns counts none).
     */
    static List<EvalPoint> curve(Path evalFile) {
        Map<Long, double[]> byStep = new TreeMap<>();
        for (Map<String, Object> r : TableReader.readAll(evalFile)) {
            double[] acc = byStep.computeIfAbsent((Long) r.get("step"), s -> new double[6]);
            acc[0] += (Double) r.get("return");
            acc[1] += (Double) r.get("normalized_score");
            acc[2] += 1;
            acc[3] += flag(r, EvaluateStage.REACH);
            acc[4] += flag(r, EvaluateStage.PICK);
            acc[5] += flag(r, EvaluateStage.PLACE);
        }
        List<EvalPoint> points = new ArrayList<>();
        byStep.forEach((step, acc) -> points.add(new EvalPoint(step, acc[0] / acc[2], acc[1] / acc[2], (int) acc[2],
                (int) acc[3], (int) acc[4], (int) acc[5])));
        return points;
    }

    private static int flag(Map<String, Object> row, String column) {
        return Boolean.TRUE.equals(row.get(column)) ? 1 : 0;
    }

    /** The dataset column of the tables: the D4RL level or behaviour policy, with {@code @P%} for subsets. */
    static String datasetName(RunSpec run) {
        return run.dataset() == null ? "" : datasetName(run.dataset().config(), run.env());
    }

    @SuppressWarnings("unchecked")
    static String datasetName(Map<String, Object> config, String env) {
        String kind = String.valueOf(config.get("kind"));
        return switch (kind) {
            case "d4rl" -> String.valueOf(config.get("id")).replaceFirst("^" + env + "-", "").replaceFirst("-v\\d+$", "");
            case "collect" -> String.valueOf(config.get("policy"));
            case "shipped" -> String.valueOf(config.get("id")).replaceFirst("^" + env + "-", "");
            case "minari" -> {
                String id = String.valueOf(config.get("dataset_id"));
                yield id.substring(id.lastIndexOf('/') + 1).replaceFirst("-v\\d+$", "");
            }
            case "subset" -> datasetName((Map<String, Object>) config.get("of"), env) + "@"
                    + trim(((Number) config.get("fraction")).doubleValue() * 100) + "%";
            default -> String.valueOf(config.get("id"));
        };
    }

    private static String trim(double pct) {
        return pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct);
    }
}
