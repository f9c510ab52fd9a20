package io.oris.orchestration.runner;

import io.oris.orchestration.plan.StageTask;

/**
 * Runs one stage task (the pipeline implements one per {@link io.oris.orchestration.StageKind}). Contract:
 * return normally when the task's output is complete (written atomically, so a retry or a resumed sweep
 * sees either nothing or everything); throw to fail the attempt — the runner retries up to
 * {@code default_args.retries} times. On a timeout the runner interrupts the calling thread and moves on:
 * long work should check {@link Thread#isInterrupted()} (or cancel its Spark job group when interrupted).
 * The task's work is {@link io.oris.orchestration.plan.Plan#runs(StageTask)} /
 * {@link io.oris.orchestration.plan.Plan#datasets(StageTask)} of {@link RunContext#plan()}.
 */
@FunctionalInterface
public interface StageExecutor {
    void execute(StageTask task, RunContext context) throws Exception;
}
