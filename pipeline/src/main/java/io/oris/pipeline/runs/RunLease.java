package io.oris.pipeline.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who is training a run: {@code runs/<id>/lease} is created exclusively (an atomic create, so of two processes on one
 * data root exactly one gets it) with the holder's host, pid and a random owner token, and its modification time is
 * the holder's heartbeat, touched every quarter of {@code staleAfter}. A lease whose heartbeat is older than
 * {@code staleAfter}, or whose holder is a dead process on this host, is stale and taken over: a crashed or killed
 * holder never blocks a run for good. The holder deletes it when the run ends ({@link #close}).
 */
public final class RunLease implements AutoCloseable {
    /** The lease file's name inside the run folder. */
    public static final String FILE = "lease";
    /** Default time without a heartbeat after which a lease is stale: long enough for a GC pause or a slow disk. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final Path file;
    private final String owner;
    private final ScheduledExecutorService heartbeat;

    private RunLease(Path file, String owner, Duration staleAfter) {
        this.file = file;
        this.owner = owner;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oris-lease-" + file.getParent().getFileName());
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, staleAfter.toMillis() / 4);
        heartbeat.scheduleAtFixedRate(this::touch, every, every, TimeUnit.MILLISECONDS);
    }

    /** What a lease file says about its holder. */
    public record Holder(String host, long pid, String owner, Instant heartbeat) {
        @Override
        public String toString() {
            return host + " pid " + pid + " (heartbeat " + heartbeat + ")";
        }
    }

    /**
     * Takes the lease of {@code runDir} if it is free or stale; empty when another live holder has it. The folder is
     * created when missing.
     */
    public static Optional<RunLease> tryAcquire(Path runDir, Duration staleAfter) {
        Path file = runDir.resolve(FILE);
        String owner = UUID.randomUUID().toString();
        try {
            Files.createDirectories(runDir);
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Files.writeString(Files.createFile(file), host() + "\n" + ProcessHandle.current().pid() + "\n" + owner
                            + "\n", StandardCharsets.UTF_8);
                    return Optional.of(new RunLease(file, owner, staleAfter));
                } catch (FileAlreadyExistsException held) {
                    Optional<Holder> holder = holder(runDir);
                    if (holder.isPresent() && !stale(holder.get(), staleAfter)) {
                        return Optional.empty();
                    }
                    if (holder.isPresent()) {
                        breakStale(file, holder.get());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lease " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves a stale lease aside under a unique name (an atomic rename: of two processes breaking it, one wins). If
     * what was moved is not the lease judged stale (its holder was replaced meanwhile), it is put back.
     */
    private static void breakStale(Path file, Holder stale) throws IOException {
        Path aside = file.resolveSibling(FILE + ".stale-" + UUID.randomUUID());
        try {
            Files.move(file, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return;
        }
        Optional<Holder> moved = holder(aside.getParent(), aside.getFileName().toString());
        if (moved.isPresent() && !moved.get().owner().equals(stale.owner())) {
            try {
                Files.move(aside, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException raced) {
                // a third process created a lease meanwhile: keep that one; the holder whose lease was moved aside
                // trains on without a lease file (needs three processes racing on one stale lease at once)
            }
        }
        Files.deleteIfExists(aside);
    }

    /** The current holder of {@code runDir}'s lease, if there is one. */
    public static Optional<Holder> holder(Path runDir) {
        return holder(runDir, FILE);
    }

    private static Optional<Holder> holder(Path runDir, String name) {
        Path file = runDir.resolve(name);
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            String host = lines.length > 0 ? lines[0] : "?";
            long pid = lines.length > 1 && lines[1].matches("\\d+") ? Long.parseLong(lines[1]) : -1;
            String owner = lines.length > 2 ? lines[2] : "";
            return Optional.of(new Holder(host, pid, owner, modified.toInstant()));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lease " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when the holder's heartbeat is older than {@code staleAfter} or it is a dead process of this host. */
    static boolean stale(Holder h, Duration staleAfter) {
        if (Duration.between(h.heartbeat(), Instant.now()).compareTo(staleAfter) > 0) {
            return true;
        }
        // a holder that has not written its pid yet (just created) is alive by definition
        return h.pid() > 0 && h.host().equals(host()) && ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    private void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException ignored) {
            // the next beat tries again; a lease left untouched for staleAfter is taken over, never corrupted
        }
    }

    /** Stops the heartbeat and deletes the lease if this holder still has it. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            Optional<Holder> h = holder(file.getParent());
            if (h.isPresent() && h.get().owner().equals(owner)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover lease without heartbeat turns stale and is taken over
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
