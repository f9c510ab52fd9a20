package io.oris.orchestration.descriptor;

import java.util.Map;

/**
 * The dag-factory {@code default_args} the orchestration reads itself (owner, retries, retry delay,
 * execution timeout in seconds) plus every entry as written, which the export passes on to Airflow.
 */
public record DefaultArgs(String owner, int retries, long retryDelaySec, Long executionTimeoutSec,
                          Map<String, Object> entries) {
    public DefaultArgs {
        entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }
}
