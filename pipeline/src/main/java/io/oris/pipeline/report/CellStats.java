package io.oris.pipeline.report;

import java.util.List;

/**
 * The seeds of one cell aggregated: mean and sample standard deviation of the final normalized score and
 * of the final return over the usable runs, and how many seeds failed or are missing. Failed and missing
 * runs never enter the mean.
 */
public record CellStats(CellKey key, List<RunScore> runs, int n, double mean, double std,
                        double returnMean, double returnStd, int failed, int missing) {
    public CellStats {
        runs = List.copyOf(runs);
    }

    /** Aggregates the runs of one cell. */
    public static CellStats of(CellKey key, List<RunScore> runs) {
        double[] scores = runs.stream().filter(RunScore::usable).mapToDouble(RunScore::finalScore).toArray();
        double[] returns = runs.stream().filter(RunScore::usable).mapToDouble(RunScore::finalReturn).toArray();
        int failed = (int) runs.stream().filter(RunScore::failed).count();
        int missing = (int) runs.stream().filter(RunScore::missing).count();
        return new CellStats(key, runs, scores.length, Stats.mean(scores), Stats.sampleStd(scores),
                Stats.mean(returns), Stats.sampleStd(returns), failed, missing);
    }

    /** All seeds the sweep planned for this cell. */
    public int total() {
        return runs.size();
    }

    /** True when at least one seed gives a score. */
    public boolean hasScore() {
        return n > 0;
    }

    /**
     * What the table shows next to the numbers: empty when every seed counted, else e.g.
     * {@code n=4/5; failed 1/5}.
     */
    public String note() {
        if (n == total()) {
            return "";
        }
        StringBuilder s = new StringBuilder("n=" + n + "/" + total());
        if (failed > 0) {
            s.append("; failed ").append(failed).append('/').append(total());
        }
        if (missing > 0) {
            s.append("; missing ").append(missing).append('/').append(total());
        }
        return s.toString();
    }

    /** What a cell without any score shows: {@code failed (5/5)}, {@code missing (2/2)} or both. */
    public String noScoreText() {
        StringBuilder s = new StringBuilder();
        if (failed > 0) {
            s.append("failed (").append(failed).append('/').append(total()).append(')');
        }
        if (missing > 0) {
            s.append(s.length() > 0 ? "; " : "").append("missing (").append(missing).append('/').append(total()).append(')');
        }
        return s.toString();
    }
}
