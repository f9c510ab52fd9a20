package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the input fuzz suites require of every corrupted input handed to the command line: exit code 3, one message
 * that names the file and the field or line with what was expected and what was found (given as the strings it
 * must contain), no Java object or class in it, and nothing left behind in the data root (its files as before).
 */
final class RejectedInput {
    /**
     * A Java object's default string ({@code LocalInputFile@1b2c3d}), a class named by its package
     * ({@code io.oris.storage.Manifest}), an exception's name or a null-pointer message.
     */
    private static final Pattern JAVA_TALK = Pattern.compile(
            "\\b[A-Z]\\w+@[0-9a-f]{4,}|\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*|Exception|Cannot invoke|`(?:long|int|double)`");

    private RejectedInput() {
    }

    /** Runs {@code args} and checks the rejection; {@code mustName} are the file and what the message must say. */
    static CliRun assertRejected(String corruption, Path dataRoot, String[] args, String... mustName) {
        Map<String, Long> before = files(dataRoot);
        CliRun run = CliRun.of(args);
        String said = run.out() + run.err();   // datasets verify lists the damaged parts on stdout
        System.out.println("[fuzz] " + corruption + " -> " + said.strip().replace("\n", " | "));
        assertEquals(3, run.code(), corruption + ": exit code 3 (bad input); printed:\n" + said);
        for (String s : mustName) {
            assertTrue(said.contains(s), corruption + ": the message must name '" + s + "'; it says:\n" + said);
        }
        assertFalse(JAVA_TALK.matcher(said.replace("(set ORIS_DEBUG=1 for the stack trace)", "")).find(),
                corruption + ": the message talks Java instead of naming the input:\n" + said);
        assertEquals(before, files(dataRoot), corruption + ": the data root's files are as before");
        return run;
    }

    /** The regular files under {@code root} with their sizes (empty when it does not exist). */
    static Map<String, Long> files(Path root) {
        Map<String, Long> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), Files.size(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code file} cut to {@code fraction} of its bytes. */
    static void truncate(Path file, double fraction) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, (int) (b.length * fraction)));
    }

    /** {@code file} replaced by {@code size} seeded random bytes. */
    static void garbage(Path file, int size) throws IOException {
        byte[] b = new byte[size];
        new java.util.Random(size).nextBytes(b);
        Files.write(file, b);
    }
}
