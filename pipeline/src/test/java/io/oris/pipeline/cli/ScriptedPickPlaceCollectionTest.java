package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.pipeline.collect.PickPlaceRobotLog;
import io.oris.pipeline.collect.ScriptedCollector;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.TransitionArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oris collect pick-place scripted}: the rule-based policy in the real pick-place environment with its
 * task-agnostic variants, D4RL-shaped, and the same data as a robot log that {@code oris ingest logs} with
 * {@code jobs/examples/pick-place-log-mapping.yaml} turns back into the identical dataset.
 */
class ScriptedPickPlaceCollectionTest {
    private static final String MAPPING = "../jobs/examples/pick-place-log-mapping.yaml";

    @Test
    void collectsD4rlShapedScriptedDataAndItsRobotLogIngestsToTheSameDataset(@TempDir Path root) throws Exception {
        Path log = root.resolve("logs/pick-place-log.jsonl");
        CliRun collect = CliRun.of("collect", "pick-place", "scripted", "--size", "4000", "--seed", "3", "--id", "pp",
                "--log", log.toString(), "--data-root", root.toString());
        assertEquals(0, collect.code(), collect.out() + collect.err());
        assertTrue(collect.out().contains("robot log written to"), collect.out());

        DatasetStore store = new DatasetStore(root);
        Manifest manifest = store.manifest("pp");
        assertEquals(D4rlEnvs.PICK_AND_PLACE, manifest.env());
        TransitionArrays data = store.read("pp");
        assertEquals(4000, data.rows());
        assertEquals(7, data.obsDim());
        assertEquals(4, data.actionDim());
        assertFalse(data.hasState());
        assertD4rlShaped(data);

        @SuppressWarnings("unchecked")
        Map<String, Object> behaviour = (Map<String, Object>) manifest.made().options().get("behaviour");
        for (String variant : List.of("pick_and_place", "reach_only", "pick_and_drop")) {
            Object n = behaviour.get("scripted_" + variant + "_episodes");
            assertTrue(n instanceof Number k && k.intValue() > 0, variant + " episodes: " + behaviour);
        }
        assertLowQualityButManipulating(data);

        // the log: one line per step, with a timestamp and the joint and end-effector fields
        List<String> lines = Files.readAllLines(log);
        assertEquals(data.rows() + data.episodeCount(), lines.size(), "T + 1 lines per episode");
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        for (String field : List.of("episode", "step", "timestamp", "ee_x", "gripper_opening", "block_z", "cmd_vx",
                "cmd_gripper", "finger_joint_right", "finger_joint_left", "reward", "done", "truncated")) {
            assertTrue(first.has(field), "log field " + field + " in " + lines.get(0));
        }
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        try (MujocoEnv env = Environments.create("pick-place", "real", 0)) {
            assertEquals(env.controlDt(), PickPlaceRobotLog.CONTROL_SECONDS, 1e-15);
            assertEquals(env.controlDt(), second.get("timestamp").asDouble() - first.get("timestamp").asDouble(), 1e-6);
        }

        CliRun ingest = CliRun.of("ingest", "logs", log.toString(), "--mapping", MAPPING, "--id", "from-log",
                "--data-root", root.toString());
        assertEquals(0, ingest.code(), ingest.out() + ingest.err());
        TransitionArrays back = store.read("from-log");
        assertEquals(D4rlEnvs.PICK_AND_PLACE, store.manifest("from-log").env());
        assertEquals(data.rows(), back.rows());
        assertArrayEquals(data.episode(), back.episode());
        assertArrayEquals(data.t(), back.t());
        assertArrayEquals(data.obs(), back.obs());
        assertArrayEquals(data.action(), back.action());
        assertArrayEquals(data.reward(), back.reward());
        assertArrayEquals(data.nextObs(), back.nextObs());
        assertArrayEquals(data.terminal(), back.terminal());
        assertArrayEquals(data.timeout(), back.timeout());
    }

    /** Episodes numbered from 0, t from 0 within each, next_obs = the next row's obs, flags only on last rows. */
    private static void assertD4rlShaped(TransitionArrays d) {
        int o = d.obsDim();
        for (int i = 0; i < d.rows(); i++) {
            boolean last = i + 1 == d.rows() || d.episode()[i + 1] != d.episode()[i];
            if (i == 0 || d.episode()[i] != d.episode()[i - 1]) {
                assertEquals(0, d.t()[i], "row " + i);
                assertEquals(i == 0 ? 0 : d.episode()[i - 1] + 1, d.episode()[i], "row " + i);
            } else {
                assertEquals(d.t()[i - 1] + 1, d.t()[i], "row " + i);
            }
            if (!last) {
                for (int k = 0; k < o; k++) {
                    assertEquals(d.obs()[(i + 1) * o + k], d.nextObs()[i * o + k], 0f, "row " + i);
                }
                assertFalse(d.terminal()[i] || d.timeout()[i], "row " + i + " is not an episode end");
            } else if (i + 1 < d.rows()) {
                assertTrue(d.terminal()[i] || d.timeout()[i], "row " + i + " ends an episode");
                assertEquals(d.timeout()[i], d.t()[i] == 149, "row " + i + ": the time limit is 150 steps");
            }
            for (int k = 0; k < 4; k++) {
                float a = d.action()[i * 4 + k];
                assertTrue(a >= -1 && a <= 1, "row " + i + " action " + a);
            }
        }
    }

    /** The data manipulates the block (lifted in many episodes) but rarely places it at the goal. */
    private static void assertLowQualityButManipulating(TransitionArrays d) {
        int episodes = d.episodeCount();
        boolean[] lifted = new boolean[episodes];
        int placed = 0;
        for (int i = 0; i < d.rows(); i++) {
            if (d.nextObs()[i * 7 + 6] > 0.05) {
                lifted[(int) d.episode()[i]] = true;
            }
            placed += d.reward()[i] > 10 ? 1 : 0;
        }
        int liftedEpisodes = 0;
        for (boolean b : lifted) {
            liftedEpisodes += b ? 1 : 0;
        }
        assertTrue(liftedEpisodes >= episodes / 2, liftedEpisodes + " of " + episodes + " episodes lifted the block");
        assertTrue(placed <= episodes / 5, placed + " goal placements in " + episodes + " episodes");
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        TransitionArrays a = new ScriptedCollector(5, Map.of(), s -> { }).collect(400);
        TransitionArrays b = new ScriptedCollector(5, Map.of(), s -> { }).collect(400);
        TransitionArrays c = new ScriptedCollector(6, Map.of(), s -> { }).collect(400);
        assertArrayEquals(a.obs(), b.obs());
        assertArrayEquals(a.action(), b.action());
        assertNotEquals(a.obs()[4], c.obs()[4]);
    }

    @Test
    void scriptedIsForPickPlaceOnlyAndItsParamsAreChecked(@TempDir Path root) {
        CliRun hopper = CliRun.of("collect", "hopper", "scripted", "--size", "10", "--data-root", root.toString());
        assertNotEquals(0, hopper.code(), hopper.out() + hopper.err());
        CliRun random = CliRun.of("collect", "pick-place", "random", "--size", "10", "--data-root", root.toString());
        assertNotEquals(0, random.code(), random.out() + random.err());
        assertTrue((random.out() + random.err()).contains("collected with 'scripted'"), random.err());
        CliRun logHopper = CliRun.of("collect", "hopper", "random", "--size", "10", "--log", "x.jsonl",
                "--data-root", root.toString());
        assertNotEquals(0, logHopper.code(), logHopper.err());
        assertTrue(logHopper.err().contains("pick-place data only"), logHopper.err());
        assertTrue(assertThrowsMessage(() -> new ScriptedCollector(0, Map.of("reach_only_share", 1.5), s -> { }))
                .contains("reach_only_share"));
        assertTrue(assertThrowsMessage(() -> new ScriptedCollector(0, Map.of("speed", 1), s -> { }))
                .contains("unknown param 'speed'"));
    }

    private static String assertThrowsMessage(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
