package io.oris.sim.env;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves one {@link Environment} over a byte stream, so that code outside the JVM (a PyTorch reference learner, a
 * researcher's own agent) steps exactly the MuJoCo model, dynamics gap and reward this project trains in. Used by
 * {@code oris env serve} and its Python client {@code sim/src/main/python/oris_env.py}.
 *
 * <p>Protocol (big-endian, as {@link DataOutputStream} writes): on start the server sends {@code int magic
 * 0x4F524953, int version 1, int obsDim, int actDim}. Each request is one command byte:
 * {@code 'R'} reset; {@code 'T'} + obsDim doubles: restart from that observation; {@code 'S'} + actDim doubles:
 * step; {@code 'Q'} quit. Each reply starts with a status byte, 0 (ok) or 1 (error, followed by a
 * {@link DataOutputStream#writeUTF} message; the session goes on). An ok reply to R or T carries obsDim doubles, to S
 * obsDim doubles, the reward, and two bytes: terminated and truncated.
 */
public final class EnvBridge {
    public static final int MAGIC = 0x4F524953;
    public static final int VERSION = 1;

    private final Environment env;

    public EnvBridge(Environment env) {
        this.env = env;
    }

    /** Serves requests until {@code 'Q'} or the end of the input; returns the number of steps served. */
    public long serve(InputStream rawIn, OutputStream rawOut) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(rawIn));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(rawOut));
        int o = env.observationDim();
        int a = env.actionDim();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(o);
        out.writeInt(a);
        out.flush();
        long steps = 0;
        double[] action = new double[a];
        double[] target = new double[o];
        while (true) {
            int cmd = in.read();
            if (cmd < 0 || cmd == 'Q') {
                return steps;
            }
            try {
                switch (cmd) {
                    case 'R' -> {
                        double[] obs = env.reset();
                        out.writeByte(0);
                        writeAll(out, obs);
                    }
                    case 'T' -> {
                        readAll(in, target);
                        double[] obs = env.resetTo(target);
                        out.writeByte(0);
                        writeAll(out, obs);
                    }
                    case 'S' -> {
                        readAll(in, action);
                        Step s = env.step(action);
                        steps++;
                        out.writeByte(0);
                        writeAll(out, s.observation());
                        out.writeDouble(s.reward());
                        out.writeByte(s.terminated() ? 1 : 0);
                        out.writeByte(s.truncated() ? 1 : 0);
                    }
                    default -> throw new IllegalArgumentException("unknown command byte " + cmd
                            + " (expected 'R', 'T', 'S' or 'Q')");
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                out.writeByte(1);
                out.writeUTF(String.valueOf(e.getMessage()));
            }
            out.flush();
        }
    }

    private static void readAll(DataInputStream in, double[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            try {
                into[i] = in.readDouble();
            } catch (EOFException e) {
                throw new EOFException("the client closed the stream in the middle of a request (value " + i + " of "
                        + into.length + ")");
            }
        }
    }

    private static void writeAll(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }
}
