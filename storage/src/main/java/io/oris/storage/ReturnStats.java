package io.oris.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Collection;

/**
 * Summary of the undiscounted per-episode returns of a dataset (what {@code datasets show} prints and what
 * tells a medium dataset from an expert one), with the D4RL normalized mean where the env has reference
 * scores.
 *
 * @param episodes        number of episodes
 * @param mean            mean return
 * @param std             population standard deviation
 * @param min             smallest return
 * @param p25             25th percentile (nearest rank)
 * @param median          median (nearest rank)
 * @param p75             75th percentile
 * @param max             largest return
 * @param normalizedMean  D4RL normalized score of the mean return, null when undefined for the env
 * @param meanLength      mean episode length in transitions
 * @param minLength       shortest episode
 * @param maxLength       longest episode
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnStats(long episodes, double mean, double std, double min, double p25, double median, double p75,
        double max, Double normalizedMean, double meanLength, int minLength, int maxLength)
        implements java.io.Serializable {

    /** Statistics of the given episode returns and lengths (same order); env may be null. */
    public static ReturnStats of(Collection<Double> returns, Collection<Integer> lengths, String env) {
        double[] r = returns.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int[] len = lengths.stream().mapToInt(Integer::intValue).toArray();
        if (r.length == 0) {
            return new ReturnStats(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0);
        }
        double mean = Arrays.stream(r).average().orElse(0);
        double var = Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / r.length;
        Double normalized = D4rlEnvs.hasReferenceScores(env) ? D4rlEnvs.normalizedScore(env, mean) : null;
        return new ReturnStats(r.length, mean, Math.sqrt(var), r[0], rank(r, 0.25), rank(r, 0.5), rank(r, 0.75),
                r[r.length - 1], normalized, Arrays.stream(len).average().orElse(0),
                Arrays.stream(len).min().orElse(0), Arrays.stream(len).max().orElse(0));
    }

    private static double rank(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
