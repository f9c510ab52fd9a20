package io.oris.model.nn;

import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import java.io.IOException;

/**
 * Adam on a small parameter vector held on the host in double precision (IQL's state-independent log σ), with the
 * same update rule as {@link Adam} and the learning rate given per step (so a schedule can drive it).
 */
public final class HostAdam {
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double eps = 1e-8;
    private final double[] m;
    private final double[] v;
    private int t;

    public HostAdam(int size) {
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One step of {@code x} (in place) with gradient {@code g} and learning rate {@code lr}. */
    public void step(double[] x, double[] g, double lr) {
        t++;
        double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < m.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            x[i] -= lrT * m[i] / (Math.sqrt(v[i]) + eps);
        }
    }

    public int steps() {
        return t;
    }

    /** Writes moments and step count under {@code prefix}. */
    public void save(StateWriter w, String prefix) throws IOException {
        w.doubles(prefix + ".m", m).doubles(prefix + ".v", v).longs(prefix + ".t", t);
    }

    /** Reads what {@link #save} wrote. */
    public void load(StateReader r, String prefix) throws IOException {
        double[] mm = r.doubles(prefix + ".m");
        double[] vv = r.doubles(prefix + ".v");
        if (mm.length != m.length || vv.length != v.length) {
            throw new IOException("Adam state '" + prefix + "' has " + mm.length + " values, expected " + m.length);
        }
        System.arraycopy(mm, 0, m, 0, m.length);
        System.arraycopy(vv, 0, v, 0, v.length);
        t = (int) r.longs(prefix + ".t")[0];
    }
}
