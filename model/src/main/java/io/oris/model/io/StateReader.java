package io.oris.model.io;

import io.oris.model.nn.HostIO;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads what {@link StateWriter} wrote; every accessor fails with the entry's name when it is missing or mis-sized. */
public final class StateReader {
    private final String kind;
    private final Map<String, Object> entries = new HashMap<>();

    public StateReader(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        String magic = d.readUTF();
        if (!StateWriter.MAGIC.equals(magic)) {
            throw new IOException("not a learner state (magic '" + magic + "')");
        }
        int version = d.readInt();
        if (version != StateWriter.VERSION) {
            throw new IOException("learner state version " + version + " is not supported");
        }
        this.kind = d.readUTF();
        while (true) {
            String name = d.readUTF();
            if (name.isEmpty()) {
                break;
            }
            int type = d.readByte();
            switch (type) {
                case 'D' -> {
                    double[] v = new double[d.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = d.readDouble();
                    }
                    entries.put(name, v);
                }
                case 'F' -> {
                    float[] v = new float[d.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = d.readFloat();
                    }
                    entries.put(name, v);
                }
                case 'L' -> {
                    long[] v = new long[d.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = d.readLong();
                    }
                    entries.put(name, v);
                }
                case 'S' -> entries.put(name, d.readUTF());
                default -> throw new IOException("corrupt learner state: entry '" + name + "' has kind " + type);
            }
        }
    }

    public String kind() {
        return kind;
    }

    public double[] doubles(String name) throws IOException {
        Object v = entries.get(name);
        if (!(v instanceof double[] d)) {
            throw new IOException("learner state has no array '" + name + "'");
        }
        return d;
    }

    public float[] floats(String name) throws IOException {
        Object v = entries.get(name);
        if (!(v instanceof float[] f)) {
            throw new IOException("learner state has no float array '" + name + "'");
        }
        return f;
    }

    /** True when the state has an entry called {@code name} (for entries older states lack). */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    public long[] longs(String name) throws IOException {
        Object v = entries.get(name);
        if (!(v instanceof long[] l)) {
            throw new IOException("learner state has no long entry '" + name + "'");
        }
        return l;
    }

    /** Copies the array entry into {@code target} (same length). */
    public void into(String name, INDArray target) throws IOException {
        double[] d = doubles(name);
        if (d.length != target.length()) {
            throw new IOException("learner state entry '" + name + "' has " + d.length + " values, expected "
                    + target.length());
        }
        if (target.isView()) {
            target.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(d).castTo(target.dataType())
                    .reshape(target.shape()));
        } else {
            HostIO.write(d, target);
        }
    }
}
