package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A robot log (JSON Lines) and its mapping YAML, each corrupted at least five ways: {@code oris ingest logs} names
 * the file and the line or key with what it expected and found, exits 3 and publishes nothing.
 */
class RobotLogFuzzTest {
    private static final Path EXAMPLES = Path.of("..", "jobs", "examples");

    @TempDir
    Path dir;

    private Path log;
    private Path mapping;
    private Path root;

    @BeforeEach
    void copyTheExamples() throws Exception {
        log = Files.copy(EXAMPLES.resolve("arm-log.jsonl"), dir.resolve("arm-log.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        mapping = Files.copy(EXAMPLES.resolve("arm-mapping-jsonl.yaml"), dir.resolve("arm-mapping.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        root = dir.resolve("data");
    }

    private String[] ingest() {
        return new String[] {"ingest", "logs", log.toString(), "--mapping", mapping.toString(), "--data-root", root.toString()};
    }

    private void logLine(int line, String from, String to) throws Exception {
        var lines = new java.util.ArrayList<>(Files.readAllLines(log));
        String before = lines.get(line - 1);
        lines.set(line - 1, before.replace(from, to));
        org.junit.jupiter.api.Assertions.assertNotEquals(before, lines.get(line - 1), "the corruption applies");
        Files.write(log, lines);
    }

    private void mappingText(String from, String to) throws Exception {
        String text = Files.readString(mapping);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(from), from);
        Files.writeString(mapping, text.replace(from, to));
    }

    @Test
    void theExamplesIngest() {
        CliRun ok = CliRun.of(ingest());
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void logTruncatedInTheMiddleOfALine() throws Exception {
        RejectedInput.truncate(log, 0.5);
        RejectedInput.assertRejected("log truncated", root, ingest(), log.toString(), "line 20: is not valid JSON",
                "Unexpected end-of-input");
    }

    @Test
    void logOfGarbageBytes() throws Exception {
        RejectedInput.garbage(log, 3000);
        RejectedInput.assertRejected("log garbage", root, ingest(), log.toString(), "line 1 (byte 3): expected UTF-8 text, found byte 0xe6");
    }

    @Test
    void logRowWithoutTheActionField() throws Exception {
        logLine(5, "\"action\":", "\"acton\":");
        RejectedInput.assertRejected("log missing field", root, ingest(), log.toString(), "line 5: field 'action' is missing");
    }

    @Test
    void logFieldOfTheWrongType() throws Exception {
        logLine(7, "\"step\": 6", "\"step\": \"six\"");
        RejectedInput.assertRejected("log wrong type", root, ingest(), log.toString(),
                "line 7: column 'step' holds 'six', expected an integer");
    }

    @Test
    void logArrayOfTheWrongWidth() throws Exception {
        logLine(3, "[0.047593, ", "[");
        RejectedInput.assertRejected("log wrong width", root, ingest(), log.toString(), "line 3",
                "observation [state] has 6 values, expected 7");
    }

    @Test
    void logWithNonNumbers() throws Exception {
        logLine(4, "[0.05, 0.0, -0.05, 1.0]", "[0.05, \"x\", -0.05, 1.0]");
        RejectedInput.assertRejected("log non-number", root, ingest(), log.toString(), "line 4", "column 'action[1]' holds 'x', expected a number");
    }

    @Test
    void missingLogAndMappingFiles() throws Exception {
        Files.delete(log);
        RejectedInput.assertRejected("log missing", root, ingest(), log.toString(), "no such log file");
        Files.delete(mapping);
        RejectedInput.assertRejected("mapping missing", root, new String[] {"ingest", "logs",
                EXAMPLES.resolve("arm-log.jsonl").toString(), "--mapping", mapping.toString(), "--data-root", root.toString()},
                mapping.toString(), "no such mapping file");
    }

    @Test
    void mappingTruncated() throws Exception {
        mappingText("  goal: [0.5, 0.0, 0.2]", "  goal: [0.5, 0.0,");
        RejectedInput.assertRejected("mapping truncated", root, ingest(), mapping.toString(), "not valid YAML", "line");
    }

    @Test
    void mappingOfGarbageBytes() throws Exception {
        RejectedInput.garbage(mapping, 500);
        RejectedInput.assertRejected("mapping garbage", root, ingest(), mapping.toString(), "expected UTF-8 text");
    }

    @Test
    void mappingWithoutTheActionKey() throws Exception {
        mappingText("action: action ", "");
        RejectedInput.assertRejected("mapping missing key", root, ingest(), mapping.toString(), "key 'action'", "missing");
    }

    @Test
    void mappingKeyOfTheWrongType() throws Exception {
        mappingText("episode: episode", "episode: {name: episode}");
        RejectedInput.assertRejected("mapping wrong type", root, ingest(), mapping.toString(), "key 'episode'",
                "expected a column name");
    }

    @Test
    void mappingWithAnUnknownKey() throws Exception {
        mappingText("terminal: done", "terminl: done");
        RejectedInput.assertRejected("mapping unknown key", root, ingest(), mapping.toString(), "terminl", "expected one of");
    }

    @Test
    void mappingNamingAFieldTheLogLacks() throws Exception {
        mappingText("observation: state ", "observation: pose ");
        RejectedInput.assertRejected("mapping names a missing field", root, ingest(), log.toString(), "line 1: field 'pose' is missing");
    }
}
