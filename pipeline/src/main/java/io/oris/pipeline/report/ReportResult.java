package io.oris.pipeline.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished report write gives back: the report folder, its HTML page and scores file, every file
 * written (relative to the folder), and the Table-I-shaped tables as aligned text for the terminal.
 */
public record ReportResult(Path directory, Path html, Path scores, List<String> files, String terminalTables) {
    public ReportResult {
        files = List.copyOf(files);
    }
}
