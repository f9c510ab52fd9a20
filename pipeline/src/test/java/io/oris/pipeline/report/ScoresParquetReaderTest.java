package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report's scores.parquet read back gives the runs it was written from, and the same scores. */
class ScoresParquetReaderTest {

    @Test
    void readingBackGivesTheSameRunsAndScores(@TempDir Path root) {
        List<RunResult> runs = SyntheticSweep.runs();
        ReportSpec spec = ReportSpec.of("round-trip", 2);
        ReportResult written = new ReportWriter(List.of()).write(runs, spec, root.resolve("report"));
        ScoresParquetReader.Contents back = ScoresParquetReader.read(written.scores(), "fallback");
        assertEquals("round-trip", back.sweepName());
        assertEquals(2, back.lastK());
        assertEquals(runs.size(), back.runs().size());
        for (int i = 0; i < runs.size(); i++) {
            RunResult a = runs.get(i);
            RunResult b = back.runs().get(i);
            assertEquals(List.of(a.runId(), a.column(), a.task(), a.dataset(), a.gap(), a.status()),
                    List.of(b.runId(), b.column(), b.task(), b.dataset(), b.gap(), b.status()));
            assertEquals(a.seed(), b.seed());
            assertEquals(a.error(), b.error());
            assertEquals(a.curve().size(), b.curve().size());
            for (int k = 0; k < a.curve().size(); k++) {
                EvalPoint p = a.curve().get(k);
                EvalPoint q = b.curve().get(k);
                assertEquals(List.of(p.step(), p.meanReturn(), p.meanNormalizedScore()),
                        List.of(q.step(), q.meanReturn(), q.meanNormalizedScore()));
            }
        }
        SweepScores before = ScoreAggregator.aggregate(runs, spec);
        SweepScores after = ScoreAggregator.aggregate(back.runs(), back.spec());
        assertEquals(before.cells().keySet(), after.cells().keySet());
        before.cells().forEach((k, c) -> {
            CellStats d = after.cells().get(k);
            assertEquals(c.mean(), d.mean(), 0.0, k.toString());
            assertEquals(c.failed(), d.failed());
            assertEquals(c.missing(), d.missing());
        });
    }

    @Test
    void aMissingFileNamesIt(@TempDir Path dir) {
        Path none = dir.resolve("scores.parquet");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ScoresParquetReader.read(none, "x"));
        assertTrue(e.getMessage().contains(none.toString()), e.getMessage());
    }
}
