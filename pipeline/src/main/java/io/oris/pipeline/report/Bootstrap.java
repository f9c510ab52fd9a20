package io.oris.pipeline.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over seeds: the confidence interval of a mean, and the share of resamples in which one
 * method's mean beats another's. Every call starts its own generator from the fixed seed, so the same sample
 * always gives the same numbers, whatever else was computed before (a results README is reproducible bit for
 * bit). With few seeds (2 to 5) a percentile interval is narrower than a true 95 % interval; it describes the
 * spread of the seeds at hand, it does not correct for having few of them.
 */
public final class Bootstrap {
    /** Resamples of the results README. */
    public static final int RESAMPLES = 10_000;
    /** Seed of the results README's generator. */
    public static final long SEED = 20_240_229L;

    private final int resamples;
    private final long seed;

    /** A bootstrap drawing {@code resamples} resamples from a generator seeded with {@code seed}. */
    public Bootstrap(int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** {@value #RESAMPLES} resamples, seed {@value #SEED}: what the results README states. */
    public static Bootstrap standard() {
        return new Bootstrap(RESAMPLES, SEED);
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /** A two-sided interval at {@code level} (0.95 for 95 %). */
    public record Interval(double lower, double upper, double level) {
        /** True when {@code x} lies in the closed interval. */
        public boolean contains(double x) {
            return x >= lower && x <= upper;
        }
    }

    /**
     * The percentile interval of the mean of {@code sample}: the {@code (1 − level)/2} and {@code (1 + level)/2}
     * quantiles (linear interpolation between order statistics) of the means of resamples drawn with replacement.
     * Degenerate for a constant sample or a single value.
     *
     * @throws IllegalArgumentException for an empty sample or a level outside (0, 1)
     */
    public Interval meanInterval(double[] sample, double level) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("cannot bootstrap the mean of an empty sample");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            means[i] = resampledMean(sample, rng);
        }
        Arrays.sort(means);
        return new Interval(quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2), level);
    }

    /**
     * The share of resamples in which the mean of a resample of {@code a} exceeds the mean of a resample of
     * {@code b} (each drawn with replacement from its own sample; a tie counts half): a bootstrap estimate of how
     * often {@code a} comes out ahead, not a p-value. 1.0 when every value of {@code a} exceeds every value of
     * {@code b}; about 0.5 for identical samples.
     *
     * @throws IllegalArgumentException when either sample is empty
     */
    public double shareAhead(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("cannot compare an empty sample (sizes " + a.length + " and " + b.length + ")");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double ahead = 0;
        for (int i = 0; i < resamples; i++) {
            double ma = resampledMean(a, rng);
            double mb = resampledMean(b, rng);
            ahead += ma > mb ? 1 : ma == mb ? 0.5 : 0;
        }
        return ahead / resamples;
    }

    private static double resampledMean(double[] sample, SplittableRandom rng) {
        double sum = 0;
        for (int j = 0; j < sample.length; j++) {
            sum += sample[rng.nextInt(sample.length)];
        }
        return sum / sample.length;
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }
}
