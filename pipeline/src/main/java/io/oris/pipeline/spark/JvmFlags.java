package io.oris.pipeline.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags every oris JVM needs on Java 17 (Spark reflects into closed {@code java.base} packages), read from
 * the repository's {@code jvm.options}, which the build packages beside this class. The launcher, Surefire and the
 * shaded jar's manifest read the same file, so the list lives in one place; {@code oris submit} and the tests that
 * start JVMs take it from here.
 */
public final class JvmFlags {
    /** The flags of {@code jvm.options}, in file order. */
    public static final List<String> FLAGS = load();

    private JvmFlags() {
    }

    /** The flags joined by spaces, as Spark's {@code extraJavaOptions} take them. */
    public static String joined() {
        return String.join(" ", FLAGS);
    }

    private static List<String> load() {
        try (InputStream in = JvmFlags.class.getResourceAsStream("jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("jvm.options is missing from the class path beside "
                        + JvmFlags.class.getName() + "; the pipeline jar was built without it (rebuild with mvn package)");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jvm.options from the class path", e);
        }
    }

    /** Parses a Java launcher argument file of one flag per line; blank lines and {@code #} comments are skipped. */
    static List<String> parse(BufferedReader reader) throws IOException {
        List<String> flags = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String flag = line.strip();
            if (!flag.isEmpty() && !flag.startsWith("#")) {
                flags.add(flag);
            }
        }
        return List.copyOf(flags);
    }
}
