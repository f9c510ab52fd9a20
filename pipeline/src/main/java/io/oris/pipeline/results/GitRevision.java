package io.oris.pipeline.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git commit a job file was run from, so a results folder names the code and job behind its numbers:
 * {@code git rev-parse HEAD} of the repository holding the job file, {@code -dirty} when {@code git status
 * --porcelain} lists anything, and the repository's top folder (to write the job's path relative to it). Git runs as
 * a child process; when it is not installed, or the folder is not in a repository, the revision is unknown and says
 * why instead of failing.
 *
 * @param commit   the full commit hash, or null when unknown
 * @param dirty    true when the work tree had changes (tracked or untracked) at the time
 * @param topLevel the repository's top folder, or null when unknown
 * @param reason   why the commit is unknown; null when it is known
 */
public record GitRevision(String commit, boolean dirty, Path topLevel, String reason) {
    private static final long TIMEOUT_SECONDS = 30;

    /** The revision of the repository containing {@code dir}. Never throws. */
    public static GitRevision of(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        try {
            Result head = git(folder, "rev-parse", "HEAD");
            if (head.code != 0) {
                String why = head.err.lines().findFirst().orElse("").strip();
                return unknown("git rev-parse HEAD failed in " + folder + (why.isEmpty() ? "" : ": " + why));
            }
            Result top = git(folder, "rev-parse", "--show-toplevel");
            Result status = git(folder, "status", "--porcelain");
            if (status.code != 0) {
                return unknown("git status failed in " + folder);
            }
            return new GitRevision(head.out.strip(), !status.out.isBlank(),
                    top.code == 0 ? Path.of(top.out.strip()) : null, null);
        } catch (IOException e) {
            return unknown("git could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown("interrupted while running git");
        }
    }

    private static GitRevision unknown(String reason) {
        return new GitRevision(null, false, null, reason);
    }

    public boolean known() {
        return commit != null;
    }

    /** {@code <hash>}, {@code <hash>-dirty}, or {@code unknown}. */
    public String text() {
        return commit == null ? "unknown" : dirty ? commit + "-dirty" : commit;
    }

    /** {@code path} relative to the repository's top folder when it lies inside it, else absolute. */
    public String relative(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (topLevel != null) {
            Path top = topLevel.toAbsolutePath().normalize();
            top = real(top);
            p = real(p);
            if (p.startsWith(top)) {
                return top.relativize(p).toString();
            }
        }
        return p.toString();
    }

    /** The real path of {@code p}, resolving the links of its nearest existing ancestor (it may not exist yet). */
    private static Path real(Path p) {
        Path existing = p;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (IOException e) {
            return p;
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = drain(p.getInputStream());
        String err = drain(p.getErrorStream());   // git's messages here are a line or two: no pipe fills up
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), out, err);
    }

    private static String drain(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
