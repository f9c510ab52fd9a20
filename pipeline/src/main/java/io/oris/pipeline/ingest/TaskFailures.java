package io.oris.pipeline.ingest;

import io.oris.storage.BadInputException;

/**
 * Turns a Spark job failure back into the task's own error: Spark wraps a task's exception in a
 * {@code SparkException} whose message is a stack dump; the user should see "file: key: problem".
 */
final class TaskFailures {
    private TaskFailures() {
    }

    static RuntimeException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadInputException
                    || t instanceof IllegalArgumentException
                    || t instanceof IllegalStateException
                    || t instanceof java.io.UncheckedIOException) {
                return (RuntimeException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }
}
