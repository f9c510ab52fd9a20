package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void statusLinesAreRedrawnInPlaceAndClearedBeforeAnOrdinaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalProgress progress = new TerminalProgress(terminal, line -> terminal.print(line + "\n"), 40);
        progress.accept("start train");
        progress.status("  train: 0/9 runs done");
        progress.status("  train: 1/9 runs done");
        progress.accept("train done");
        progress.status("x".repeat(60));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("start train\n\r\033[Ktrain: 0/9 runs done\r\033[Ktrain: 1/9 runs done\r\033[Ktrain done\n\r\033[K"
                + "x".repeat(38) + "…", out);
    }
}
