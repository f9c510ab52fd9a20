package io.oris.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's lease: exclusive while its holder lives, taken over when stale, gone when released. */
class RunLeaseTest {
    @TempDir
    Path dir;

    @Test
    void exclusiveUntilReleased() {
        Optional<RunLease> first = RunLease.tryAcquire(dir, Duration.ofMinutes(2));
        assertTrue(first.isPresent());
        RunLease.Holder h = RunLease.holder(dir).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), h.pid());
        assertTrue(RunLease.tryAcquire(dir, Duration.ofMinutes(2)).isEmpty(), "a live holder keeps it");
        first.get().close();
        assertFalse(Files.exists(dir.resolve(RunLease.FILE)), "released");
        RunLease again = RunLease.tryAcquire(dir, Duration.ofMinutes(2)).orElseThrow();
        again.close();
    }

    @Test
    void aLeaseWithoutHeartbeatIsTakenOver() throws Exception {
        RunLease old = RunLease.tryAcquire(dir, Duration.ofHours(1)).orElseThrow(); // heartbeat every 15 min: none here
        Files.setLastModifiedTime(dir.resolve(RunLease.FILE), FileTime.from(Instant.now().minusSeconds(600)));
        RunLease taken = RunLease.tryAcquire(dir, Duration.ofMinutes(2)).orElseThrow();
        old.close();   // the old holder's release must not delete the new holder's lease
        assertTrue(Files.exists(dir.resolve(RunLease.FILE)), "the new holder keeps its lease");
        taken.close();
        assertFalse(Files.exists(dir.resolve(RunLease.FILE)));
    }

    @Test
    void aDeadHolderOnThisHostIsTakenOverAtOnce() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Files.writeString(dir.resolve(RunLease.FILE), host + "\n" + p.pid() + "\nsomeone\n");
        assertTrue(RunLease.tryAcquire(dir, Duration.ofHours(1)).isPresent(), "its pid " + p.pid() + " is gone");
    }

    @Test
    void theHeartbeatKeepsALongHolderFresh() throws Exception {
        RunLease held = RunLease.tryAcquire(dir, Duration.ofMillis(400)).orElseThrow();  // beats every 100 ms
        Thread.sleep(900);
        assertTrue(RunLease.tryAcquire(dir, Duration.ofMillis(400)).isEmpty(), "still held after twice staleAfter");
        held.close();
    }
}
