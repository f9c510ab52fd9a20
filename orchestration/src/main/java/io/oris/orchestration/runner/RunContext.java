package io.oris.orchestration.runner;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.plan.Plan;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a {@link StageExecutor} gets besides its task: the whole plan (for the task's runs and datasets),
 * the data root, which attempt this is (1-based) of how many, and a sink for progress lines (a {@link ProgressLog}
 * where status lines can be redrawn in place).
 */
public record RunContext(Plan plan, Path dataRoot, int attempt, int maxAttempts, Consumer<String> log) {
    public JobDescriptor job() {
        return plan.job();
    }

    /** A status update (see {@link ProgressLog}): redrawn in place on a terminal, one line each elsewhere. */
    public void status(String line) {
        if (log instanceof ProgressLog p) {
            p.status(line);
        } else {
            log.accept(line);
        }
    }
}
