package io.oris.storage.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.storage.BadInputException;
import io.oris.storage.TextFiles;
import io.oris.storage.csv.CsvFiles;
import io.oris.storage.csv.CsvTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses CSV (with a header row, read by {@link CsvFiles}) and JSON Lines robot logs into {@link LogRecord}s as a {@link LogMapping}
 * says. The format follows the extension ({@code .csv}; {@code .jsonl}/{@code .ndjson}/{@code .json}).
 * A row with the wrong column count, a missing field, a non-numeric or non-finite value fails naming the
 * file, line and column.
 */
final class LogParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogMapping mapping;

    LogParser(LogMapping mapping) {
        this.mapping = mapping;
    }

    List<LogRecord> parse(Path file, int fileIndex) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return parseCsv(file, fileIndex);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return parseJsonl(file, fileIndex);
        }
        throw new BadInputException(file, "file name", "unknown log format: expected .csv, .jsonl or .ndjson");
    }

    private List<LogRecord> parseCsv(Path file, int fileIndex) {
        CsvTable table = CsvFiles.read(file);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            index.put(table.header().get(i), i);
        }
        Columns cols = new Columns(file, index);
        List<LogRecord> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            out.add(record(file, fileIndex, row.line(), c -> row.cells().get(cols.at(c)).trim()));
        }
        return out;
    }

    private List<LogRecord> parseJsonl(Path file, int fileIndex) {
        List<LogRecord> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new java.io.StringReader(TextFiles.readUtf8(file)))) {
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new BadInputException(file, "line " + line, "is not valid JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new BadInputException(file, "line " + line, "expected a JSON object per line");
                }
                out.add(jsonRecord(file, fileIndex, line, node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Access to a row's cells by column name. */
    @FunctionalInterface
    private interface Cells {
        String get(String column);
    }

    private LogRecord record(Path file, int fileIndex, long line, Cells cells) {
        String episode = cells.get(mapping.episode());
        long step = parseLong(file, line, mapping.step(), cells.get(mapping.step()));
        float[] obs = floats(file, line, mapping.observation(), cells);
        float[] act = floats(file, line, mapping.action(), cells);
        float[] next = mapping.nextObservation().isEmpty() ? null : floats(file, line, mapping.nextObservation(), cells);
        float reward = mapping.reward() == null ? Float.NaN : parseFloat(file, line, mapping.reward(),
                cells.get(mapping.reward()));
        boolean terminal = mapping.terminal() != null && parseBool(file, line, mapping.terminal(),
                cells.get(mapping.terminal()));
        boolean timeout = mapping.timeout() != null && parseBool(file, line, mapping.timeout(),
                cells.get(mapping.timeout()));
        return new LogRecord(fileIndex, line, episode, step, obs, act, next, reward, terminal, timeout);
    }

    private LogRecord jsonRecord(Path file, int fileIndex, long line, JsonNode node) {
        float[] obs = jsonFloats(file, line, mapping.observation(), node);
        float[] act = jsonFloats(file, line, mapping.action(), node);
        float[] next = mapping.nextObservation().isEmpty() ? null : jsonFloats(file, line, mapping.nextObservation(), node);
        String episode = field(file, line, node, mapping.episode()).asText();
        long step = parseLong(file, line, mapping.step(), field(file, line, node, mapping.step()).asText());
        float reward = mapping.reward() == null ? Float.NaN
                : parseFloat(file, line, mapping.reward(), field(file, line, node, mapping.reward()).asText());
        boolean terminal = mapping.terminal() != null
                && parseBool(file, line, mapping.terminal(), field(file, line, node, mapping.terminal()).asText());
        boolean timeout = mapping.timeout() != null
                && parseBool(file, line, mapping.timeout(), field(file, line, node, mapping.timeout()).asText());
        return new LogRecord(fileIndex, line, episode, step, obs, act, next, reward, terminal, timeout);
    }

    private static JsonNode field(Path file, long line, JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new BadInputException(file, "line " + line, "field '" + name + "' is missing");
        }
        return v;
    }

    private static float[] jsonFloats(Path file, long line, List<String> names, JsonNode node) {
        if (names.size() == 1 && node.get(names.get(0)) != null && node.get(names.get(0)).isArray()) {
            JsonNode arr = node.get(names.get(0));
            float[] out = new float[arr.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = parseFloat(file, line, names.get(0) + "[" + k + "]", arr.get(k).asText());
            }
            return out;
        }
        float[] out = new float[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = parseFloat(file, line, names.get(k), field(file, line, node, names.get(k)).asText());
        }
        return out;
    }

    private float[] floats(Path file, long line, List<String> names, Cells cells) {
        float[] out = new float[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = parseFloat(file, line, names.get(k), cells.get(names.get(k)));
        }
        return out;
    }

    static float parseFloat(Path file, long line, String column, String text) {
        float v;
        try {
            v = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, "line " + line, "column '" + column + "' holds '" + text
                    + "', expected a number");
        }
        if (!Float.isFinite(v)) {
            throw new BadInputException(file, "line " + line, "column '" + column + "' holds " + text
                    + ", expected a finite number");
        }
        return v;
    }

    static long parseLong(Path file, long line, String column, String text) {
        try {
            double d = Double.parseDouble(text);
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return (long) d;
        } catch (NumberFormatException e) {
            throw new BadInputException(file, "line " + line, "column '" + column + "' holds '" + text
                    + "', expected an integer");
        }
    }

    static boolean parseBool(Path file, long line, String column, String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "1.0", "yes" -> {
                return true;
            }
            case "false", "0", "0.0", "no", "" -> {
                return false;
            }
            default -> throw new BadInputException(file, "line " + line, "column '" + column + "' holds '" + text
                    + "', expected true/false or 1/0");
        }
    }

    /** Header name → cell index, with the check that every mapped column exists. */
    private final class Columns {
        private final Path file;
        private final Map<String, Integer> index;

        Columns(Path file, Map<String, Integer> index) {
            this.file = file;
            this.index = index;
            List<String> needed = new ArrayList<>();
            needed.add(mapping.episode());
            needed.add(mapping.step());
            needed.addAll(mapping.observation());
            needed.addAll(mapping.action());
            needed.addAll(mapping.nextObservation());
            if (mapping.reward() != null) {
                needed.add(mapping.reward());
            }
            if (mapping.terminal() != null) {
                needed.add(mapping.terminal());
            }
            if (mapping.timeout() != null) {
                needed.add(mapping.timeout());
            }
            for (String c : needed) {
                if (!index.containsKey(c)) {
                    throw new BadInputException(file, "line 1", "header has no column '" + c + "' named in mapping "
                            + mapping.file() + " (header: " + index.keySet() + ")");
                }
            }
        }

        int at(String column) {
            return index.get(column);
        }
    }
}
