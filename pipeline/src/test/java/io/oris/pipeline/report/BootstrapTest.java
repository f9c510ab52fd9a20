package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The percentile bootstrap of the results README on samples whose answers are known. */
class BootstrapTest {
    private static final double[] SEEDS = {41.2, 47.9, 44.0, 52.3, 39.8};
    private final Bootstrap bootstrap = Bootstrap.standard();

    @Test
    void theIntervalOfAConstantSampleIsDegenerate() {
        Bootstrap.Interval ci = bootstrap.meanInterval(new double[] {7.5, 7.5, 7.5, 7.5}, 0.95);
        assertEquals(7.5, ci.lower(), 0.0);
        assertEquals(7.5, ci.upper(), 0.0);
        Bootstrap.Interval one = bootstrap.meanInterval(new double[] {3.25}, 0.95);
        assertEquals(one.lower(), one.upper(), 0.0, "one value: every resample is that value");
    }

    @Test
    void theIntervalCoversTheMeanAndLiesWithinTheSample() {
        double mean = Stats.mean(SEEDS);
        Bootstrap.Interval ci = bootstrap.meanInterval(SEEDS, 0.95);
        assertTrue(ci.contains(mean), ci + " does not cover " + mean);
        assertTrue(ci.lower() > 39.8 && ci.upper() < 52.3, "inside the sample's range: " + ci);
        assertTrue(ci.upper() - ci.lower() > 1.0, "not degenerate: " + ci);
        // about mean ± 1.96 · sd/√n (the normal approximation; the plug-in sd uses n, as the bootstrap does)
        double plugInSd = Stats.sampleStd(SEEDS) * Math.sqrt((SEEDS.length - 1.0) / SEEDS.length);
        double half = 1.96 * plugInSd / Math.sqrt(SEEDS.length);
        assertEquals(mean - half, ci.lower(), 0.6);
        assertEquals(mean + half, ci.upper(), 0.6);
        Bootstrap.Interval narrow = bootstrap.meanInterval(SEEDS, 0.5);
        assertTrue(narrow.lower() > ci.lower() && narrow.upper() < ci.upper(), "a 50 % interval lies inside the 95 % one");
    }

    @Test
    void aFixedSeedGivesTheSameNumbersEveryTime() {
        Bootstrap.Interval a = bootstrap.meanInterval(SEEDS, 0.95);
        bootstrap.shareAhead(SEEDS, new double[] {45, 46});   // other calls in between change nothing
        Bootstrap.Interval b = Bootstrap.standard().meanInterval(SEEDS, 0.95);
        assertEquals(a, b);
        double[] other = {43.0, 45.5, 49.1};
        assertEquals(bootstrap.shareAhead(SEEDS, other), Bootstrap.standard().shareAhead(SEEDS, other), 0.0);
        Bootstrap.Interval reseeded = new Bootstrap(Bootstrap.RESAMPLES, Bootstrap.SEED + 1).meanInterval(SEEDS, 0.95);
        assertNotEquals(a, reseeded, "another seed draws other resamples");
    }

    @Test
    void theShareAheadIsOneForSeparatedSamplesAndAboutAHalfForIdenticalOnes() {
        double[] low = {10, 12, 11, 13};
        double[] high = {20, 21, 19.5};
        assertEquals(1.0, bootstrap.shareAhead(high, low), 0.0);
        assertEquals(0.0, bootstrap.shareAhead(low, high), 0.0);
        assertEquals(0.5, bootstrap.shareAhead(SEEDS, SEEDS.clone()), 0.02);
        assertEquals(0.5, bootstrap.shareAhead(new double[] {4, 4}, new double[] {4, 4, 4}), 0.0, "ties count half");
        double ab = bootstrap.shareAhead(SEEDS, low);
        assertEquals(1.0, ab, 0.0);
    }

    @Test
    void quantilesInterpolateLikeNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.0, Bootstrap.quantile(sorted, 0.0));
        assertEquals(4.0, Bootstrap.quantile(sorted, 1.0));
        assertEquals(2.5, Bootstrap.quantile(sorted, 0.5));
        assertEquals(1.075, Bootstrap.quantile(sorted, 0.025), 1e-12);   // numpy.quantile([1,2,3,4], 0.025)
    }

    @Test
    void badInputsAreClearErrors() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> bootstrap.meanInterval(new double[0], 0.95));
        assertTrue(empty.getMessage().contains("empty sample"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bootstrap.meanInterval(SEEDS, 1.0));
        assertThrows(IllegalArgumentException.class, () -> bootstrap.shareAhead(SEEDS, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 1));
    }
}
