package io.oris.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
            MAPPER.writeValue(file.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a manifest file; a malformed one fails with the file named. */
    public static Manifest read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a manifest from a stream (not closed); {@code name} says where it came from in messages. */
    public static Manifest read(InputStream in, String name) {
        try {
            return MAPPER.readValue(in, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + name + ": " + e.getMessage(), e);
        }
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
