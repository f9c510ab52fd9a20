package io.oris.model.io;

import io.oris.model.nn.HostIO;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a learner's state as named entries (double arrays, float arrays, long arrays, strings) in a small binary
 * format: magic, version, then {@code name, kind, length, values} per entry. Network arrays are stored in double
 * precision whatever the ND4J data type, so a snapshot restores bit-exactly into float or double learners; float
 * entries hold data that is float to begin with (replay buffers), at half the size.
 */
public final class StateWriter {
    static final String MAGIC = "ORIS-LEARNER";
    static final int VERSION = 1;
    private final DataOutputStream out;

    public StateWriter(OutputStream out, String kind) throws IOException {
        this.out = new DataOutputStream(out);
        this.out.writeUTF(MAGIC);
        this.out.writeInt(VERSION);
        this.out.writeUTF(kind);
    }

    public StateWriter doubles(String name, double[] values) throws IOException {
        out.writeUTF(name);
        out.writeByte('D');
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
        return this;
    }

    /** The {@code count} values of {@code values} from {@code from} on, as a float entry. */
    public StateWriter floats(String name, float[] values, int from, int count) throws IOException {
        out.writeUTF(name);
        out.writeByte('F');
        out.writeInt(count);
        for (int i = from; i < from + count; i++) {
            out.writeFloat(values[i]);
        }
        return this;
    }

    public StateWriter array(String name, INDArray a) throws IOException {
        return doubles(name, HostIO.toHost(a));
    }

    public StateWriter longs(String name, long... values) throws IOException {
        out.writeUTF(name);
        out.writeByte('L');
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
        return this;
    }

    public StateWriter string(String name, String value) throws IOException {
        out.writeUTF(name);
        out.writeByte('S');
        out.writeUTF(value);
        return this;
    }

    /** Ends the entry list and flushes. */
    public void finish() throws IOException {
        out.writeUTF("");
        out.flush();
    }
}
