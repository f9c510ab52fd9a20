package io.oris.storage.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {
    @TempDir
    Path dir;

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuotedAndReadBack() throws Exception {
        List<String> header = List.of("name", "note");
        List<List<String>> rows = List.of(List.of("a,b", "say \"hi\""), List.of("plain", "two\nlines"), List.of("", "x"), List.of("medium-replay@25%", "gravity=2.0"));
        String text = CsvFiles.render(header, rows);
        assertTrue(text.startsWith("name,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n"), text);
        assertTrue(text.endsWith("\r\nmedium-replay@25%,gravity=2.0\r\n"), "quoted only where needed: " + text);
        Path file = Files.writeString(dir.resolve("t.csv"), text, StandardCharsets.UTF_8);
        CsvTable table = CsvFiles.read(file);
        assertEquals(header, table.header());
        assertEquals(rows, table.rows().stream().map(CsvTable.Row::cells).toList());
    }

    @Test
    void aByteOrderMarkIsSkippedAndLineNumbersCountFromTheHeader() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.csv"), "\uFEFFepisode,step\n0,1\n\n0,2\n", StandardCharsets.UTF_8);
        CsvTable table = CsvFiles.read(file);
        assertEquals(List.of("episode", "step"), table.header());
        assertEquals(List.of(2L, 4L), table.rows().stream().map(CsvTable.Row::line).toList());
        assertEquals(1, table.column("step"));
    }

    @Test
    void badFilesAreNamedWithTheLineAndWhatWasExpected() throws Exception {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        BadInputException e = assertThrows(BadInputException.class, () -> CsvFiles.read(ragged));
        assertTrue(e.getMessage().contains("ragged.csv") && e.getMessage().contains("line 3")
                && e.getMessage().contains("expected 2"), e.getMessage());

        Path twice = Files.writeString(dir.resolve("twice.csv"), "a,a\n1,2\n");
        e = assertThrows(BadInputException.class, () -> CsvFiles.read(twice));
        assertTrue(e.getMessage().contains("twice.csv") && e.getMessage().contains("'a' twice"), e.getMessage());

        Path blankName = Files.writeString(dir.resolve("blank.csv"), "a,,c\n1,2,3\n");
        e = assertThrows(BadInputException.class, () -> CsvFiles.read(blankName));
        assertTrue(e.getMessage().contains("column 2") && e.getMessage().contains("empty"), e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        e = assertThrows(BadInputException.class, () -> CsvFiles.read(empty));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("header"), e.getMessage());

        Path unclosed = Files.writeString(dir.resolve("unclosed.csv"), "a,b\n\"1,2\n");
        e = assertThrows(BadInputException.class, () -> CsvFiles.read(unclosed));
        assertTrue(e.getMessage().contains("unclosed.csv"), e.getMessage());

        Path good = Files.writeString(dir.resolve("good.csv"), "a,b\n1,2\n");
        e = assertThrows(BadInputException.class, () -> CsvFiles.read(good).column("c"));
        assertTrue(e.getMessage().contains("no column 'c'") && e.getMessage().contains("[a, b]"), e.getMessage());
    }
}
