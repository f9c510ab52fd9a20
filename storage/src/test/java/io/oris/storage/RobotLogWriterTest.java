package io.oris.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.logs.RobotLogIngest;
import io.oris.storage.logs.RobotLogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset written as a robot log and ingested back is the same dataset; what cannot be a log is refused. */
class RobotLogWriterTest {
    private static final RobotLogWriter WRITER = new RobotLogWriter(List.of("a", "b"), List.of("u"), 0.5,
            (node, obs) -> node.put("joint", obs[0] * 2));

    /** Three episodes: one terminal, one cut by the time limit, one cut by the dataset's end; awkward floats. */
    private static TransitionArrays trajectories() {
        SplittableRandom rng = new SplittableRandom(1);
        TransitionBuilder b = new TransitionBuilder(2, 1, 0, 0);
        int[] lengths = {4, 3, 2};
        for (int e = 0; e < 3; e++) {
            float[] obs = {(float) rng.nextGaussian(), (float) (rng.nextDouble() * 1e-7)};
            for (int t = 0; t < lengths[e]; t++) {
                float[] next = {(float) rng.nextGaussian() * 1e5f, (float) rng.nextGaussian()};
                boolean end = t == lengths[e] - 1;
                b.add(e, t, obs, new float[] {(float) rng.nextDouble(-1, 1)}, (float) rng.nextGaussian(), next,
                        end && e == 0, end && e == 1, null, null);
                obs = next;
            }
        }
        return b.build();
    }

    @Test
    void aWrittenLogIngestsToTheSameTransitions(@TempDir Path dir) throws Exception {
        TransitionArrays data = trajectories();
        Path log = dir.resolve("run.jsonl");
        WRITER.write(data, log);
        List<String> lines = Files.readAllLines(log);
        assertEquals(9 + 3, lines.size());
        assertTrue(lines.get(1).contains("\"timestamp\":0.5") && lines.get(0).contains("\"joint\""), lines.get(1));
        Path mapping = dir.resolve("m.yaml");
        Files.writeString(mapping, "env: test\nepisode: episode\nstep: step\nobservation: [a, b]\naction: [u]\n"
                + "reward: reward\nterminal: done\ntimeout: truncated\n");
        DatasetStore store = new DatasetStore(dir.resolve("root"));
        RobotLogIngest.ingest(store, List.of(log), mapping, "back", false);
        TransitionArrays back = store.read("back");
        assertArrayEquals(data.episode(), back.episode());
        assertArrayEquals(data.t(), back.t());
        assertArrayEquals(data.obs(), back.obs());
        assertArrayEquals(data.action(), back.action());
        assertArrayEquals(data.reward(), back.reward());
        assertArrayEquals(data.nextObs(), back.nextObs());
        assertArrayEquals(data.terminal(), back.terminal());
        assertArrayEquals(data.timeout(), back.timeout());
    }

    @Test
    void refusesWhatIsNotOneRecordedTrajectoryPerEpisode(@TempDir Path dir) {
        TransitionBuilder b = new TransitionBuilder(2, 1, 0, 0);
        b.add(0, 0, new float[] {0, 0}, new float[] {0}, 0f, new float[] {1, 1}, false, false, null, null);
        b.add(0, 1, new float[] {2, 2}, new float[] {0}, 0f, new float[] {3, 3}, false, false, null, null);
        String message = assertThrows(IllegalArgumentException.class, () -> WRITER.write(b.build(), dir.resolve("x.jsonl")))
                .getMessage();
        assertTrue(message.contains("row 0") && message.contains("next_obs"), message);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RobotLogWriter(List.of("a"), List.of("u"), 1,
                (n, o) -> { }).write(trajectories(), dir.resolve("y.jsonl"))).getMessage().contains("observation width 2"));
    }
}
