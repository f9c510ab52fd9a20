package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Final scores (last K points), cell statistics, and the naming rules the tables rely on. */
class ScoreAggregatorTest {
    private static RunResult run(String id, long seed, double... scores) {
        List<EvalPoint> curve = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            curve.add(new EvalPoint(100L * (scores.length - i), 10 * scores[scores.length - 1 - i],
                    scores[scores.length - 1 - i], 5));   // given out of order on purpose
        }
        return RunResult.succeeded(id, "oris", "", "hopper", "medium", "gravity=2.0", seed, curve);
    }

    @Test
    void finalScoreIsTheMeanOfTheLastKPointsByStep() {
        RunScore s = ScoreAggregator.score(run("r", 0, 0, 10, 20, 40), 2);
        assertEquals(30.0, s.finalScore(), 1e-12);
        assertEquals(300.0, s.finalReturn(), 1e-12);
        assertEquals(4, s.evalPoints());
        assertEquals(17.5, ScoreAggregator.score(run("r", 0, 0, 10, 20, 40), 10).finalScore(), 1e-12, "K > points: all");
    }

    @Test
    void theUntrainedPolicyAtStep0StartsTheCurveButNeverCountsInTheFinalScore() {
        List<EvalPoint> curve = List.of(new EvalPoint(300, 300, 30, 5), new EvalPoint(0, -50, -5, 5),
                new EvalPoint(100, 100, 10, 5), new EvalPoint(200, 200, 20, 5));
        RunResult r = RunResult.succeeded("r", "oris", "", "hopper", "medium", "gravity=2.0", 0, curve);
        assertEquals(25.0, ScoreAggregator.score(r, 2).finalScore(), 1e-12, "enough later points: the last K of them");
        assertEquals(20.0, ScoreAggregator.score(r, 3).finalScore(), 1e-12);
        assertEquals(20.0, ScoreAggregator.score(r, 10).finalScore(), 1e-12, "K > later points: all of them, not step 0");
        assertEquals(200.0, ScoreAggregator.score(r, 10).finalReturn(), 1e-12);
        assertEquals(4, ScoreAggregator.score(r, 10).evalPoints(), "step 0 is an evaluation point");
        RunResult onlyStep0 = RunResult.succeeded("u", "oris", "", "hopper", "medium", "gravity=2.0", 1,
                List.of(new EvalPoint(0, -50, -5, 5)));
        assertEquals(-5.0, ScoreAggregator.score(onlyStep0, 10).finalScore(), 1e-12, "its only point");
        SweepScores s = ScoreAggregator.aggregate(List.of(r), ReportSpec.of("t", 10));
        double[][] mean = Figures.meanCurve(s.exact("oris", "hopper", "medium", "gravity=2.0").orElseThrow());
        assertEquals(List.of(0.0, 100.0, 200.0, 300.0), java.util.Arrays.stream(mean[0]).boxed().toList(),
                "the learning curve starts at step 0");
        assertEquals(-5.0, mean[1][0], 1e-12);
    }

    @Test
    void cellIsMeanAndSampleStdOverUsableSeeds() {
        List<RunResult> runs = List.of(run("a", 0, 10), run("b", 1, 20), run("c", 2, 30),
                RunResult.failed("d", "oris", "", "hopper", "medium", "gravity=2.0", 3, "boom"),
                RunResult.missing("e", "oris", "", "hopper", "medium", "gravity=2.0", 4));
        SweepScores s = ScoreAggregator.aggregate(runs, ReportSpec.of("t", 1));
        CellStats c = s.exact("oris", "hopper", "medium", "gravity=2.0").orElseThrow();
        assertEquals(3, c.n());
        assertEquals(5, c.total());
        assertEquals(20.0, c.mean(), 1e-12);
        assertEquals(10.0, c.std(), 1e-12);
        assertEquals("n=3/5; failed 1/5; missing 1/5", c.note());
    }

    @Test
    void oneSeedHasNoStdAndDuplicatesAreRejected() {
        CellStats c = ScoreAggregator.aggregate(List.of(run("a", 0, 7)), ReportSpec.of("t", 3))
                .cells().values().iterator().next();
        assertTrue(Double.isNaN(c.std()));
        assertEquals("7.0", new ReportTable.Score(c.mean(), c.std(), c.note(), false).format(1, " ± "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreAggregator.aggregate(List.of(run("a", 0, 1), run("a", 1, 2)), ReportSpec.of("t", 1)));
        assertTrue(e.getMessage().contains("run id a appears twice"), e.getMessage());
    }

    @Test
    void inputsAreValidatedWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new RunResult("x", "oris", "", "hopper", "medium", "gravity=2.0", 0, "done", null, List.of()));
        assertTrue(e.getMessage().contains("status 'done'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportSpec.of("../escape", 1));
        assertThrows(IllegalArgumentException.class, () -> ReportSpec.of("ok", 0));
    }

    @Test
    void namesFollowThePapers() {
        assertEquals("h2o-a", Names.column("h2o", "a"));
        assertEquals("h2o-a", Names.column("h2o", "h2o-a"));
        assertEquals("ORIS (w/o restart)", Names.display("oris-no_restart"));
        assertEquals("TD3+BC", Names.display("td3bc"));
        assertEquals(25.0, Names.fraction("medium-replay@25%"));
        assertEquals("medium-replay", Names.baseDataset("medium-replay@25%"));
        assertEquals(2.0, Names.gapCoefficient("gravity=2.0"));
        assertEquals(List.of("gravity=2.0", "gravity=3.0", "friction=0.3", "action_noise=1.0", "real"),
                java.util.stream.Stream.of("real", "action_noise=1.0", "friction=0.3", "gravity=3.0", "gravity=2.0")
                        .sorted(Names.gapOrder()).toList());
        assertEquals(List.of("bc", "cql", "sac", "h2o", "h2o-a", "oris", "oris-no_restart"),
                java.util.stream.Stream.of("oris-no_restart", "h2o-a", "oris", "sac", "h2o", "cql", "bc")
                        .sorted(Names.columnOrder(List.of())).toList());
        assertEquals(List.of("h2o", "h2o-a", "h2o-dr", "h2o-a-dr", "h2o-reg", "h2o-dr-reg"),
                java.util.stream.Stream.of("h2o-dr-reg", "h2o-reg", "h2o-a-dr", "h2o-dr", "h2o-a", "h2o")
                        .sorted(Names.columnOrder(List.of())).toList());
        assertFalse(Names.isSubset("medium-replay"));
    }
}
