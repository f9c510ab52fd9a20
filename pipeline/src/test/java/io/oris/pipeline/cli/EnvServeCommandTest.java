package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.sim.env.EnvBridge;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code oris env serve}: connects to a waiting client and serves it; bad options are usage errors naming them. */
class EnvServeCommandTest {
    @Test
    void servesAWaitingClientUntilItQuits() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String where = "127.0.0.1:" + server.getLocalPort();
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.of("env", "serve", "hopper", "--gap", "gravity=2.0", "--connect", where));
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                assertEquals(EnvBridge.MAGIC, in.readInt());
                in.readInt();
                assertEquals(11, in.readInt());
                assertEquals(3, in.readInt());
                out.writeByte('R');
                out.flush();
                assertEquals(0, in.readByte());
                assertEquals(1.25, in.readDouble(), 0.01, "the hopper starts at its reference height");
                out.writeByte('Q');
                out.flush();
            }
            assertEquals(0, run.get().code());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun r = CliRun.of("env", "serve", "hopper", "--connect", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--connect must be HOST:PORT, got 'nope'"), r.err());
        CliRun t = CliRun.of("env", "serve", "hoppr", "--connect", "127.0.0.1:1");
        assertEquals(2, t.code());
        assertTrue(t.err().contains("unknown task 'hoppr'"), t.err());
    }
}
