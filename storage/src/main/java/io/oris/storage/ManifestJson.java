package io.oris.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json} (pretty-printed, unknown keys tolerated for forward compatibility). */
public final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestJson() {
    }

    /** Writes the manifest to a file. */
    public static void write(Manifest manifest, Path file) {
        try {
            Files.write(file, MAPPER.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a manifest file. A malformed one (not JSON, a field of the wrong type, a required field missing) fails
     * with a {@link BadInputException} naming the file, the field, what was expected and what was found.
     */
    public static Manifest read(Path file) {
        try {
            return complete(MAPPER.readValue(Files.readAllBytes(file), Manifest.class), file);
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a manifest from a stream (not closed); {@code name} says where it came from in messages. */
    public static Manifest read(InputStream in, String name) {
        try {
            return complete(MAPPER.readValue(in, Manifest.class), Path.of(name));
        } catch (JsonProcessingException e) {
            throw malformed(Path.of(name), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + name + ": " + e.getMessage(), e);
        }
    }

    /** The fields every reader relies on, present and sensible. */
    private static Manifest complete(Manifest m, Path file) {
        if (m == null) {
            throw new BadInputException(file, "", "expected a JSON object (a dataset manifest), found null");
        }
        requirePresent(file, "id", m.id());
        requirePresent(file, "env", m.env());
        if (m.obsDim() <= 0 || m.actionDim() <= 0) {
            throw new BadInputException(file, m.obsDim() <= 0 ? "field 'obsDim'" : "field 'actionDim'",
                    "expected a positive integer, found " + (m.obsDim() <= 0 ? m.obsDim() : m.actionDim()) + " (or missing)");
        }
        if (m.parts() == null || m.parts().isEmpty()) {
            throw new BadInputException(file, "field 'parts'", "missing or empty; expected the list of Parquet parts"
                    + " (file, rows, bytes, sha256 each)");
        }
        for (int i = 0; i < m.parts().size(); i++) {
            Manifest.Part p = m.parts().get(i);
            if (p == null || p.file() == null || p.file().isBlank()) {
                throw new BadInputException(file, "field 'parts[" + i + "].file'", "missing; expected a part's path");
            }
        }
        return m;
    }

    private static void requirePresent(Path file, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(file, "field '" + field + "'", "missing; expected a string");
        }
    }

    /** Jackson's complaint about a manifest, told in terms of the file, its line, the field and the JSON types. */
    private static BadInputException malformed(Path file, JsonProcessingException e) {
        String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                }
            }
            String found = e instanceof InvalidFormatException f ? "found " + MAPPER.valueToTree(f.getValue())
                    : "found something else";
            Class<?> type = e instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            return new BadInputException(file, "field '" + field + "'" + at, "expected " + jsonType(type) + ", " + found, e);
        }
        return new BadInputException(file, at.isEmpty() ? "" : at.substring(2, at.length() - 1),
                "is not valid JSON: " + e.getOriginalMessage(), e);
    }

    /** How a Java field type reads in a JSON file. */
    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** The manifest as pretty JSON text. */
    public static String toJson(Manifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
