package io.oris.model.nn;

/** Adam on one scalar (SAC's log α), in double precision on the host; same update rule as {@link Adam}. */
public final class ScalarAdam {
    private final double lr;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double eps = 1e-8;
    private double m;
    private double v;
    private int t;

    public ScalarAdam(double lr) {
        this.lr = lr;
    }

    /** Returns {@code x} after one step with gradient {@code g}. */
    public double step(double x, double g) {
        m = beta1 * m + (1 - beta1) * g;
        v = beta2 * v + (1 - beta2) * g * g;
        t++;
        double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        return x - lrT * m / (Math.sqrt(v) + eps);
    }

    public double[] state() {
        return new double[] {m, v, t};
    }

    public void setState(double[] s) {
        m = s[0];
        v = s[1];
        t = (int) s[2];
    }
}
