package io.oris.pipeline.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code spark-defaults.conf} that {@code spark-submit} reads when no properties file is named:
 * {@code $SPARK_CONF_DIR/spark-defaults.conf}, else {@code $SPARK_HOME/conf/spark-defaults.conf} (a Java properties
 * file). {@code oris submit} looks at it to leave to the user what the user already set there.
 */
public final class SparkDefaults {
    private SparkDefaults() {
    }

    /** The file's properties, empty when there is none; {@code env} is the process environment. */
    public static Properties load(Map<String, String> env) {
        Path file = file(env);
        Properties p = new Properties();
        if (file == null || !Files.isRegularFile(file)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read Spark defaults " + file + ": " + e.getMessage(), e);
        }
        p.replaceAll((k, v) -> v.toString().trim());
        return p;
    }

    private static Path file(Map<String, String> env) {
        String confDir = env.get("SPARK_CONF_DIR");
        if (confDir != null && !confDir.isBlank()) {
            return Path.of(confDir, "spark-defaults.conf");
        }
        String home = env.get("SPARK_HOME");
        return home == null || home.isBlank() ? null : Path.of(home, "conf", "spark-defaults.conf");
    }
}
