package io.oris.model.learner;

import io.oris.model.replay.Transitions;
import java.util.Arrays;

/**
 * Statistics of the whole offline dataset that some learners need, computed once when the dataset is loaded: the
 * per-dimension mean and (population) standard deviation of its states, and the smallest and largest return of its
 * complete episodes. H2O's u(s,a) noise and ORIS's restart noise are scaled by the state std; TD3+BC standardises
 * states with mean and std (Fujimoto and Gu 2021); IQL scales rewards by {@code 1000 / (max − min episode return)} on
 * locomotion (Kostrikov et al. 2021). The returns are NaN when unknown (no complete episode, or not computed).
 *
 * @param stateMean per-dimension mean of the offline states
 * @param stateStd per-dimension population std of the offline states (no epsilon added)
 * @param minEpisodeReturn smallest undiscounted return of a complete episode, or NaN
 * @param maxEpisodeReturn largest undiscounted return of a complete episode, or NaN
 */
public record DatasetStats(double[] stateMean, double[] stateStd, double minEpisodeReturn, double maxEpisodeReturn) {
    public DatasetStats {
        if (stateMean == null || stateStd == null || stateMean.length != stateStd.length) {
            throw new IllegalArgumentException("state mean and std must be given with the same length");
        }
        if (Double.isNaN(minEpisodeReturn) != Double.isNaN(maxEpisodeReturn) || minEpisodeReturn > maxEpisodeReturn) {
            throw new IllegalArgumentException("bad episode return range [" + minEpisodeReturn + ", "
                    + maxEpisodeReturn + "]");
        }
        stateMean = stateMean.clone();
        stateStd = stateStd.clone();
    }

    /** Zero mean, unit std, unknown returns: for tests and for learners whose statistics come from a snapshot. */
    public static DatasetStats unit(int obsDim) {
        double[] ones = new double[obsDim];
        Arrays.fill(ones, 1.0);
        return new DatasetStats(new double[obsDim], ones, Double.NaN, Double.NaN);
    }

    /**
     * The statistics of {@code data}, whose episodes end at the rows where {@code episodeEnd} is true (a terminal or
     * a time-limit row). A trailing run of rows without an end is not a complete episode and does not count towards
     * the returns, as in CORL's {@code return_reward_range}.
     */
    public static DatasetStats of(Transitions data, boolean[] episodeEnd) {
        if (episodeEnd.length != data.size()) {
            throw new IllegalArgumentException("episodeEnd has " + episodeEnd.length + " flags for " + data.size()
                    + " rows");
        }
        double[][] ms = data.stateMeanStd();
        double min = Double.NaN;
        double max = Double.NaN;
        double ret = 0;
        for (int i = 0; i < data.size(); i++) {
            ret += data.rewards()[i];
            if (episodeEnd[i]) {
                min = Double.isNaN(min) ? ret : Math.min(min, ret);
                max = Double.isNaN(max) ? ret : Math.max(max, ret);
                ret = 0;
            }
        }
        return new DatasetStats(ms[0], ms[1], min, max);
    }

    public int obsDim() {
        return stateMean.length;
    }

    /** Whether the episode returns are known and differ (so the return range can scale rewards). */
    public boolean hasReturnRange() {
        return !Double.isNaN(minEpisodeReturn) && maxEpisodeReturn > minEpisodeReturn;
    }

    /** max − min episode return (NaN when unknown). */
    public double returnRange() {
        return maxEpisodeReturn - minEpisodeReturn;
    }
}
