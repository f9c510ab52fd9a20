package io.oris.orchestration.runner;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.JobDescriptor;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Retries, retry delay and timeouts for the local runner, from the job's {@code default_args} (and
 * {@code oris.stage_timeouts_sec} per stage), plus how many tasks may run at once in the JVM
 * (default 1: each stage already spreads its work over Spark's cores).
 */
public record RunnerSettings(int retries, Duration retryDelay, Duration defaultTimeout,
                             Map<StageKind, Duration> stageTimeouts, int parallelism) {
    public RunnerSettings {
        stageTimeouts = stageTimeouts.isEmpty() ? Map.of() : new EnumMap<>(stageTimeouts);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
    }

    public static RunnerSettings from(JobDescriptor job, int parallelism) {
        Map<StageKind, Duration> timeouts = new EnumMap<>(StageKind.class);
        job.sweep().stageTimeoutsSec().forEach((stage, sec) ->
                timeouts.put(StageKind.byCliName(stage).orElseThrow(), Duration.ofSeconds(sec)));
        Long t = job.defaultArgs().executionTimeoutSec();
        return new RunnerSettings(job.defaultArgs().retries(), Duration.ofSeconds(job.defaultArgs().retryDelaySec()),
                t == null ? null : Duration.ofSeconds(t), timeouts, parallelism);
    }

    /** The timeout of one attempt of a task of {@code kind}, or {@code null} for none. */
    public Duration timeout(StageKind kind) {
        return stageTimeouts.getOrDefault(kind, defaultTimeout);
    }
}
