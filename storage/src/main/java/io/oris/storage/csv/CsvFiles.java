package io.oris.storage.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.oris.storage.BadInputException;
import io.oris.storage.TextFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's one CSV reader and writer (RFC 4180 through {@code jackson-dataformat-csv}): the report's and
 * results folder's tables are written with it (fields quoted where they hold commas, quotes or line breaks; CRLF line
 * ends), and robot logs in CSV are read with it (a UTF-8 byte-order mark is skipped, the header is checked for
 * empty and repeated names, and every data row must have the header's width, else a {@link BadInputException} names
 * the file, the line and what was expected).
 */
public final class CsvFiles {
    /** Quotes a field only where RFC 4180 needs it (separator, quote, line break), not Jackson's wider default. */
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final ObjectWriter ROW_WRITER = MAPPER.writerFor(String[].class)
            .with(CsvSchema.emptySchema().withLineSeparator("\r\n"));

    private CsvFiles() {
    }

    /** The CSV text of a header line followed by the rows; a row whose width differs from the header's is a bug. */
    public static String render(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (var writer = ROW_WRITER.writeValues(out)) {
            writer.write(header.toArray(String[]::new));
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("CSV row " + row + " has " + row.size() + " fields, the header "
                            + header + " has " + header.size());
                }
                writer.write(row.toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render CSV", e);
        }
        return out.toString();
    }

    /**
     * Reads a CSV file with a header line. Blank lines are skipped; each row keeps its 1-based line number in the
     * file (counting the header as line 1) so errors can point at it.
     */
    public static CsvTable read(Path file) {
        List<String> header = null;
        List<CsvTable.Row> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        // read as strict UTF-8 first, so that a bad byte is reported by line and offset (TextFiles)
        try (CsvParser parser = (CsvParser) mapper.getFactory().createParser(TextFiles.readUtf8(file))) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            parser.setSchema(CsvSchema.emptySchema());
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BadInputException(file, "line 1", "empty file: expected a header row of column names");
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.START_ARRAY; t = parser.nextToken()) {
                // a row's line is that of its first field (the array start is reported at the previous line's end)
                long line = -1;
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                if (header == null) {
                    header = header(file, cells);
                } else if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                    if (cells.size() != header.size()) {
                        throw new BadInputException(file, "line " + line, "has " + cells.size() + " columns, expected "
                                + header.size() + " (as in the header)");
                    }
                    rows.add(new CsvTable.Row(line, List.copyOf(cells)));
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new BadInputException(file, "line " + line, "is not valid CSV: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw new BadInputException(file, "line 1", "empty file: expected a header row of column names");
        }
        return new CsvTable(file, header, rows);
    }

    private static List<String> header(Path file, List<String> cells) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                throw new BadInputException(file, "line 1 (header), column " + (i + 1), "is empty: expected a column name");
            }
            if (!seen.add(name)) {
                throw new BadInputException(file, "line 1 (header)", "names column '" + name + "' twice");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
