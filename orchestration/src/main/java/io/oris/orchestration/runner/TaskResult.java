package io.oris.orchestration.runner;

import java.time.Duration;

/**
 * How one task ended: succeeded, failed after its attempts (with the last error), or not run because a
 * task it depends on failed.
 */
public record TaskResult(String taskId, Status status, int attempts, Duration duration, String error) {
    public enum Status { SUCCEEDED, FAILED, UPSTREAM_FAILED }
}
