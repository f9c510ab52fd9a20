package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The bridge serves exactly what the environment computes, reports bad requests and keeps the session. */
class EnvBridgeTest {
    @Test
    void servesResetStepAndRestartAsTheEnvironmentComputesThem() throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(req);
        double[] action = {0.3, -0.5, 0.9};
        r.writeByte('R');
        for (int i = 0; i < 3; i++) {
            r.writeByte('S');
            for (double v : action) {
                r.writeDouble(v);
            }
        }
        r.writeByte('X');
        double[] restart = {1.2, 0.01, -0.02, 0.03, 0.04, 0.5, -0.1, 0.2, 0.3, -0.4, 0.1};
        r.writeByte('T');
        for (double v : restart) {
            r.writeDouble(v);
        }
        r.writeByte('Q');

        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        long served;
        try (MujocoEnv env = Environments.create("hopper", "gravity=2.0", 5)) {
            served = new EnvBridge(env).serve(new ByteArrayInputStream(req.toByteArray()), reply);
        }
        assertEquals(3, served);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(reply.toByteArray()));
        assertEquals(EnvBridge.MAGIC, in.readInt());
        assertEquals(EnvBridge.VERSION, in.readInt());
        assertEquals(11, in.readInt());
        assertEquals(3, in.readInt());
        try (MujocoEnv twin = Environments.create("hopper", "gravity=2.0", 5)) {
            assertEquals(0, in.readByte());
            assertArrayEquals(twin.reset(), read(in, 11));
            for (int i = 0; i < 3; i++) {
                Step s = twin.step(action);
                assertEquals(0, in.readByte());
                assertArrayEquals(s.observation(), read(in, 11));
                assertEquals(s.reward(), in.readDouble());
                assertEquals(s.terminated() ? 1 : 0, in.readByte());
                assertEquals(s.truncated() ? 1 : 0, in.readByte());
            }
            assertEquals(1, in.readByte(), "an unknown command is answered with an error");
            assertTrue(in.readUTF().contains("unknown command byte 88"));
            assertEquals(0, in.readByte(), "the session goes on after an error");
            assertArrayEquals(twin.resetTo(restart), read(in, 11));
            assertArrayEquals(restart, twin.observation(), 1e-12);
        }
        assertEquals(-1, in.read(), "nothing after the last reply");
    }

    @Test
    void servesPickPlaceWithItsSimDynamics() throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(req);
        double[] restart = {0.0, 0.7, 0.2, 1.0, 0.05, 0.65, 0.02};
        double[] action = {0.5, 0.0, -1.0, 1.0};
        r.writeByte('T');
        for (double v : restart) {
            r.writeDouble(v);
        }
        r.writeByte('S');
        for (double v : action) {
            r.writeDouble(v);
        }
        r.writeByte('Q');
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        try (MujocoEnv env = Environments.create("pick-place", "sim", 5)) {
            assertEquals(1, new EnvBridge(env).serve(new ByteArrayInputStream(req.toByteArray()), reply));
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(reply.toByteArray()));
        assertEquals(EnvBridge.MAGIC, in.readInt());
        assertEquals(EnvBridge.VERSION, in.readInt());
        assertEquals(7, in.readInt());
        assertEquals(4, in.readInt());
        try (MujocoEnv twin = Environments.create("pick-place", "sim", 5)) {
            assertEquals(0, in.readByte());
            assertArrayEquals(twin.resetTo(restart), read(in, 7));
            Step s = twin.step(action);
            assertEquals(0, in.readByte());
            assertArrayEquals(s.observation(), read(in, 7));
            assertEquals(s.reward(), in.readDouble());
        }
    }

    @Test
    void aNonFiniteRestartIsAnErrorNamingTheValue() throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(req);
        r.writeByte('T');
        for (int i = 0; i < 11; i++) {
            r.writeDouble(Double.NaN);
        }
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        try (MujocoEnv env = Environments.create("hopper", "real", 0)) {
            new EnvBridge(env).serve(new ByteArrayInputStream(req.toByteArray()), reply);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(reply.toByteArray()));
        in.skipBytes(16);
        assertEquals(1, in.readByte());
        assertTrue(in.readUTF().contains("observation[0] is not finite"));
    }

    private static double[] read(DataInputStream in, int n) throws IOException {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = in.readDouble();
        }
        return x;
    }
}
