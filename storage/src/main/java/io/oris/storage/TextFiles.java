package io.oris.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file the user handed over (a job file, a mapping, a log) as UTF-8; bytes that are not UTF-8 fail
 * with the file, the line and the byte offset named, instead of the JDK's bare "Input length = 1".
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * The whole file as a string.
     *
     * @throws IOException          when the file cannot be read (missing, a folder, no permission)
     * @throws BadInputException    when its bytes are not UTF-8 text
     */
    public static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw notText(file, bytes, in.position());
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw notText(file, bytes, in.position());
        }
        return out.flip().toString();
    }

    /** The error for the first byte at {@code offset} that is not UTF-8. */
    private static BadInputException notText(Path file, byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        String found = offset < bytes.length ? String.format("byte 0x%02x", bytes[offset] & 0xff) : "a cut-off character";
        return new BadInputException(file, "line " + line + " (byte " + offset + ")",
                "expected UTF-8 text, found " + found + " (a binary or differently encoded file?)");
    }
}
