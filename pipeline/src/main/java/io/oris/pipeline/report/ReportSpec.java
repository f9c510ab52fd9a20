package io.oris.pipeline.report;

import java.util.List;

/**
 * Options of one sweep report: its name (the report folder), how many of the last evaluation points make
 * a run's final score, the column order of the tables and the number of decimals shown.
 *
 * @param sweepName   sweep name; the report goes to {@code reports/<sweepName>/}; letters, digits, {@code ._-}
 * @param lastK       final score of a run = mean normalized score of its last {@code lastK} evaluations
 * @param methodOrder preferred column order (method or method-variant names); columns not named here
 *                    follow in the default order (offline baselines, SAC, DARC, H2O, ORIS)
 * @param decimals    decimals shown for scores in the tables (the paper uses 1)
 */
public record ReportSpec(String sweepName, int lastK, List<String> methodOrder, int decimals) {
    public ReportSpec {
        if (sweepName == null || !sweepName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("sweep name '" + sweepName
                    + "' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
        }
        if (lastK < 1) {
            throw new IllegalArgumentException("lastK must be >= 1, got " + lastK);
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be in [0, 6], got " + decimals);
        }
        methodOrder = methodOrder == null ? List.of() : List.copyOf(methodOrder);
    }

    /** A spec with the default column order and one decimal. */
    public static ReportSpec of(String sweepName, int lastK) {
        return new ReportSpec(sweepName, lastK, List.of(), 1);
    }
}
