package io.oris.orchestration.retrain;

import io.oris.orchestration.Fingerprints;
import io.oris.storage.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * Content fingerprints of retraining inputs: a file's SHA-256, or for a folder the SHA-256 over its
 * files' relative paths, sizes and contents in path order — so a new, removed, renamed or edited log file
 * changes it, and touching a file without changing it does not.
 */
public final class InputFingerprints {
    private InputFingerprints() {
    }

    public static String of(Path input) {
        if (!Files.exists(input)) {
            throw new IllegalStateException("retrain_on input " + input + " does not exist");
        }
        try {
            MessageDigest all = Fingerprints.sha256();
            if (Files.isRegularFile(input)) {
                all.update(fileHash(input).getBytes(StandardCharsets.UTF_8));
            } else {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(input)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    String rel = input.relativize(f).toString().replace('\\', '/');
                    all.update((rel + "\0" + Files.size(f) + "\0" + fileHash(f) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return java.util.HexFormat.of().formatHex(all.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint " + input + ": " + e.getMessage(), e);
        }
    }

    private static String fileHash(Path f) {
        return Sha256.ofFile(f);
    }
}
