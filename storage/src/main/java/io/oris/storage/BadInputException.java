package io.oris.storage;

import java.nio.file.Path;

/**
 * An input file that cannot become a dataset: the message names the file, the key or line, and what was
 * expected, so users can fix the input without reading code.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem in a file at a key or line ({@code where}), e.g. {@code "key 'rewards'"} or {@code "line 12"}. */
    public BadInputException(Path file, String where, String problem) {
        super(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + problem);
    }

    /** Same, keeping the underlying cause. */
    public BadInputException(Path file, String where, String problem, Throwable cause) {
        super(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + problem, cause);
    }
}
