package io.oris.orchestration.retrain;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.runner.LocalRunner;
import io.oris.orchestration.runner.RunReport;
import io.oris.orchestration.runner.StageExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code oris run JOB [--if-changed]} around the local runner: checks the job's retraining inputs first
 * (with {@code --if-changed}, stops there when nothing changed), runs the DAG, and records a success — which
 * takes the next report version — only when every task succeeded. The aggregate stage writes its report to
 * {@link RetrainTracker#nextReport} during the run, the version this records.
 */
public final class IfChangedRun {
    /** What happened: whether the DAG ran, why (or why not), its report and the recorded report version. */
    public record Outcome(boolean ran, String message, RunReport report, ReportVersion version) {
    }

    private final LocalRunner runner;

    public IfChangedRun(LocalRunner runner) {
        this.runner = runner;
    }

    public Outcome run(Plan plan, Map<StageKind, StageExecutor> executors, Path dataRoot, boolean ifChanged,
                       Consumer<String> log) {
        RetrainTracker tracker = new RetrainTracker(dataRoot);
        ChangeCheck check = tracker.check(plan.job());
        if (ifChanged && !check.changed()) {
            log.accept("[oris] " + plan.job().dagId() + ": " + check.reason() + "; not retraining");
            return new Outcome(false, check.reason(), null, tracker.lastReport(plan.job()));
        }
        ReportVersion next = tracker.nextReport(plan.job());
        log.accept("[oris] " + plan.job().dagId() + ": " + check.reason() + "; report " + next.id());
        RunReport report = runner.run(plan, executors, dataRoot);
        if (!report.succeeded()) {
            return new Outcome(true, "the run failed; nothing recorded (the next run retries with report " + next.id() + ")",
                    report, null);
        }
        ReportVersion recorded = tracker.recordSuccess(plan.job(), check);
        return new Outcome(true, "report " + recorded.id() + " recorded", report, recorded);
    }
}
