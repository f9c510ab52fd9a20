package io.oris.pipeline.report;

import java.util.List;

/**
 * One kind of figure the report draws from the scored sweep (small-data bars, robustness lines, ablation
 * bars, learning curves). The report writer runs a list of these, so a sweep without the data for a kind
 * simply gets no figure of that kind.
 */
@FunctionalInterface
public interface FigureStep {
    /** The figures of this kind for the sweep; empty when the sweep has no data for them. */
    List<Figure> draw(SweepScores scores);
}
