package io.oris.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmFlagsTest {
    @Test
    void theFlagsAreTheRepositorysJvmOptionsWithoutComments() throws Exception {
        Path file = Path.of(System.getProperty("user.dir")).resolve("../jvm.options").normalize();
        List<String> fromFile = JvmFlags.parse(Files.newBufferedReader(file));
        assertEquals(fromFile, JvmFlags.FLAGS, "the packaged jvm.options must be the repository's " + file);
        assertTrue(JvmFlags.FLAGS.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), JvmFlags.FLAGS.toString());
        assertTrue(JvmFlags.FLAGS.stream().noneMatch(f -> f.startsWith("#") || f.isBlank()), JvmFlags.FLAGS.toString());
    }

    @Test
    void parseSkipsBlankLinesAndComments() throws Exception {
        List<String> flags = JvmFlags.parse(new BufferedReader(new StringReader("# a comment\n\n  -Da=b  \n-Xss4m\n")));
        assertEquals(List.of("-Da=b", "-Xss4m"), flags);
    }
}
