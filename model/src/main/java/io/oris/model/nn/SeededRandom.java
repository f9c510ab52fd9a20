package io.oris.model.nn;

import java.util.random.RandomGenerator;

/**
 * A xoshiro256** random generator whose whole state is four longs, so a learner can snapshot and restore it exactly.
 * Gaussian draws use {@link RandomGenerator#nextGaussian()}'s default, which depends only on {@link #nextLong()}.
 */
public final class SeededRandom implements RandomGenerator {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** Seeds the four state words from {@code seed} with SplitMix64, as the xoshiro authors recommend. */
    public SeededRandom(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L; s0 = mix(x);
        x += 0x9E3779B97F4A7C15L; s1 = mix(x);
        x += 0x9E3779B97F4A7C15L; s2 = mix(x);
        x += 0x9E3779B97F4A7C15L; s3 = mix(x);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** The complete state (for snapshots). */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /** Restores a state returned by {@link #state()}. */
    public void setState(long[] st) {
        if (st.length != 4) {
            throw new IllegalArgumentException("xoshiro256** state has 4 words, got " + st.length);
        }
        s0 = st[0]; s1 = st[1]; s2 = st[2]; s3 = st[3];
    }

    /** Fills {@code out[0..n)} with N(0, 1) draws. */
    public void gaussians(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = nextGaussian();
        }
    }
}
