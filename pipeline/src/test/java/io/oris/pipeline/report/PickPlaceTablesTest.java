package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table III from hand-made runs: returns as mean ± std over seeds of the final return, success rates pooled over the
 * final evaluations' episodes of all seeds with the std of the per-seed rates; pick-place stays out of Table I.
 */
class PickPlaceTablesTest {
    private static RunResult run(String id, String method, String gap, long seed, EvalPoint... curve) {
        return RunResult.succeeded(id, method, "", PickPlaceTables.TASK, method.equals("sac") ? "" : "scripted", gap, seed,
                List.of(curve));
    }

    @Test
    void ratesArePooledOverSeedsTimesGridPositionsOfTheFinalEvaluation() {
        List<RunResult> runs = List.of(
                // step 0 and an earlier point never count (last_k 1): only each run's last point
                run("b0", "bc", null, 0, new EvalPoint(0, -15, Double.NaN, 25, 25, 25, 25),
                        new EvalPoint(100, -6.0, Double.NaN, 25, 25, 10, 0)),
                run("b1", "bc", null, 1, new EvalPoint(100, -8.0, Double.NaN, 25, 24, 5, 0)),
                run("s0", "sac", "sim", 0, new EvalPoint(100, 4.0, Double.NaN, 25, 25, 8, 7)),
                run("o0", "oris", "sim", 0, new EvalPoint(100, 18.0, Double.NaN, 25, 25, 25, 25)),
                RunResult.failed("o1", "oris", "", PickPlaceTables.TASK, "scripted", "sim", 1, "boom"));
        SweepScores s = ScoreAggregator.aggregate(runs, ReportSpec.of("t3", 1));
        List<ReportTable> tables = PickPlaceTables.tables(s);
        assertEquals(1, tables.size());
        ReportTable t = tables.get(0);
        assertEquals("table3_scripted_sim", t.id());
        assertEquals(List.of("Metric", "BC", "SAC", "ORIS"), t.header());
        ReportTable.Score bcReturn = (ReportTable.Score) t.rows().get(0).values().get(1);
        assertEquals(-7.0, bcReturn.mean(), 1e-12);
        assertEquals(Math.sqrt(2), bcReturn.std(), 1e-12);
        ReportTable.Score bcReach = (ReportTable.Score) t.rows().get(1).values().get(1);
        assertEquals(100.0 * 49 / 50, bcReach.mean(), 1e-12, "49 of 2 seeds x 25 positions");
        assertEquals(Math.sqrt(8), bcReach.std(), 1e-12, "per-seed rates 100 and 96");
        ReportTable.Score bcPick = (ReportTable.Score) t.rows().get(2).values().get(1);
        assertEquals(30.0, bcPick.mean(), 1e-12);
        ReportTable.Score sacPlace = (ReportTable.Score) t.rows().get(3).values().get(2);
        assertEquals(28.0, sacPlace.mean(), 1e-12);
        assertTrue(Double.isNaN(sacPlace.std()), "one seed: no std");
        ReportTable.Score orisPlace = (ReportTable.Score) t.rows().get(3).values().get(3);
        assertEquals(100.0, orisPlace.mean(), 1e-12, "the failed seed is left out");
        assertEquals("n=1/2; failed 1/2", orisPlace.note());
        assertTrue(orisPlace.best() && !sacPlace.best(), "the best rate is marked");
        assertTrue(ReportTables.tableOne(s).isEmpty(), "no normalized score, no Table I");
        assertEquals(1, PickPlaceFigures.successBars(s).size());
    }
}
