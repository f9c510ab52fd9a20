package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.logs.RobotLogIngest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobotLogIngestTest {
    /** The shipped examples (module base dir is storage/). */
    private static final Path EXAMPLES = Path.of("..", "jobs", "examples");

    @TempDir
    Path dir;

    @Test
    void shippedCsvAndJsonlExamplesGiveTheSameDataset() {
        DatasetStore store = new DatasetStore(dir);
        IngestResult csv = RobotLogIngest.ingest(store, List.of(EXAMPLES.resolve("arm-log.csv")),
                EXAMPLES.resolve("arm-mapping.yaml"), null, false);
        IngestResult jsonl = RobotLogIngest.ingest(store, List.of(EXAMPLES.resolve("arm-log.jsonl")),
                EXAMPLES.resolve("arm-mapping-jsonl.yaml"), "arm-jsonl", false);
        assertEquals("log-arm-log", csv.id());
        TransitionArrays a = store.read(csv.id());
        TransitionArrays b = store.read(jsonl.id());
        assertEquals(7, a.obsDim());
        assertEquals(4, a.actionDim());
        assertEquals(3, a.episodeCount());
        assertEquals(39 - 3, a.rows(), "one transition per row except each episode's last");
        DatasetStoreTest.assertSame(a, b);
        // episodes 0 and 1 reach the goal (terminal), episode 2 is truncated
        int terminals = 0;
        int timeouts = 0;
        for (int i = 0; i < a.rows(); i++) {
            terminals += a.terminal()[i] ? 1 : 0;
            timeouts += a.timeout()[i] ? 1 : 0;
            // the reward is the pick-and-place function of the next observation
            float[] n = java.util.Arrays.copyOfRange(a.nextObs(), i * 7, i * 7 + 7);
            double d1 = Math.sqrt(sq(n[0] - n[4]) + sq(n[1] - n[5]) + sq(n[2] - n[6]));
            double d2 = Math.sqrt(sq(n[4] - 0.5) + sq(n[5]) + sq(n[6] - 0.2));
            float expected = (float) (-0.1 + (d1 < 0.1 ? 0.1 : 0) + (d2 < 0.05 ? 20 : 0));
            assertEquals(expected, a.reward()[i], "row " + i);
        }
        assertEquals(2, terminals);
        assertEquals(1, timeouts);
        Manifest m = store.manifest(csv.id());
        assertEquals("pick-and-place", m.env());
        assertTrue(m.returns().max() > 19, "a successful episode earns the +20 bonus");
    }

    private static double sq(double v) {
        return v * v;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path mapping() throws IOException {
        return write("m.yaml", "env: pick-and-place\nepisode: ep\nstep: t\nobservation: [a, b]\naction: [u]\n"
                + "reward: r\nterminal: done\n");
    }

    @Test
    void rewardColumnAndUnsortedSteps() throws IOException {
        Path log = write("l.csv", "ep,t,a,b,u,r,done\n1,1,2.0,3.0,0.5,1.0,1\n1,0,1.0,2.0,0.25,0.5,0\n7,0,5,5,1,2,0\n"
                + "7,1,6,6,1,3,0\n7,2,7,7,1,4,1\n");
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        IngestResult r = RobotLogIngest.ingest(store, List.of(log), mapping(), "small", false);
        TransitionArrays d = store.read(r.id());
        assertEquals(3, d.rows());
        assertArrayEquals(new long[] {0, 1, 1}, d.episode());
        assertArrayEquals(new float[] {1, 2, 5, 5, 6, 6}, d.obs());
        assertArrayEquals(new float[] {2, 3, 6, 6, 7, 7}, d.nextObs());
        assertArrayEquals(new float[] {0.5f, 2, 3}, d.reward());
        assertArrayEquals(new boolean[] {true, false, true}, d.terminal(), "the final row's flag moves back");
    }

    @Test
    void badRowsAreNamedWithFileAndLine() throws IOException {
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        Path m = mapping();
        assertBad(store, write("cols.csv", "ep,t,a,b,u,r,done\n1,0,1,2,3,4,0\n1,1,1,2,3,4\n"), m, "line 3",
                "has 6 columns, expected 7");
        assertBad(store, write("nan.csv", "ep,t,a,b,u,r,done\n1,0,1,2,3,4,0\n1,1,1,NaN,3,4,0\n"), m, "line 3",
                "column 'b' holds NaN, expected a finite number");
        assertBad(store, write("text.csv", "ep,t,a,b,u,r,done\n1,0,1,x,3,4,0\n"), m, "line 2", "expected a number");
        assertBad(store, write("head.csv", "ep,t,a,u,r,done\n1,0,1,3,4,0\n"), m, "line 1", "no column 'b'");
        assertBad(store, write("dup.csv", "ep,t,a,b,u,r,done\n1,0,1,2,3,4,0\n1,0,1,2,3,4,0\n"), m, "line",
                "repeats step 0");
        assertBad(store, write("j.jsonl", "{\"ep\":1,\"t\":0,\"a\":1,\"b\":2,\"u\":3,\"r\":4,\"done\":false}\n{\"ep\":1}\n"),
                m, "line 2", "field");
        Path badMap = write("bad.yaml", "env: x\nepisode: ep\nstep: t\nobservation: [a]\naction: [u]\n");
        assertBad(store, write("ok.csv", "ep,t,a,u\n1,0,1,2\n1,1,1,2\n"), badMap, "key 'reward'",
                "give exactly one of");
        assertTrue(store.list().isEmpty());
        D4rlIngestTest.assertNothingStaged(store);
    }

    private void assertBad(DatasetStore store, Path log, Path mapping, String where, String what) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> RobotLogIngest.ingest(store, List.of(log), mapping, null, false));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
        assertTrue(e.getMessage().contains(log.getFileName().toString())
                || e.getMessage().contains(mapping.getFileName().toString()), e.getMessage());
        assertFalse(store.exists(RobotLogIngestTestIds.of(log)));
    }

    /** Default ids of the logs above. */
    static final class RobotLogIngestTestIds {
        static String of(Path log) {
            return "log-" + log.getFileName().toString().replaceAll("\\.[^.]*$", "");
        }
    }
}
