package io.oris.pipeline.report;

/** Mean and sample standard deviation as the report uses them (NaN when undefined). */
final class Stats {
    private Stats() {
    }

    /** Arithmetic mean; NaN for no values. */
    static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** Sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
    static double sampleStd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
