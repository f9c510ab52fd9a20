package io.oris.orchestration.descriptor;

import java.nio.file.Path;

/**
 * A job descriptor that cannot be used, with the file, the key path (e.g. {@code quickstart.oris.gaps[1]}),
 * the 1-based YAML line and what was expected, so a user can fix the file without reading code.
 */
public final class DescriptorException extends RuntimeException {
    private final String file;
    private final String keyPath;
    private final int line;

    /** {@code line} is 1-based; 0 when no line is known (e.g. a file that cannot be read). */
    public DescriptorException(String file, String keyPath, int line, String problem) {
        super(format(file, keyPath, line, problem));
        this.file = file;
        this.keyPath = keyPath;
        this.line = line;
    }

    public DescriptorException(Path file, String keyPath, int line, String problem) {
        this(String.valueOf(file), keyPath, line, problem);
    }

    private static String format(String file, String keyPath, int line, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            sb.append(": ").append(keyPath);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public String keyPath() {
        return keyPath;
    }

    public int line() {
        return line;
    }
}
