package io.oris.model.learner;

import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.combo.TerminationFn;
import io.oris.model.config.ComboConfig;
import io.oris.model.config.CqlConfig;
import io.oris.model.config.DynamicsConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Batch;
import io.oris.model.replay.Transitions;
import io.oris.model.replay.UpdateInput;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * COMBO: the conservative term on a hand-worked batch (push-down at the model rows or at every row, push-up at the
 * dataset rows), finite-difference gradients of the whole critic objective, the real/model batch split and the
 * rollout schedule, and the snapshot.
 */
class ComboLearnerTest {
    static DynamicsEnsemble model(int obs, int act) {
        DynamicsConfig c = DynamicsConfig.builder()
                .ensembleSize(2)
                .elites(1)
                .hidden(List.of(6))
                .batch(8)
                .weightDecay(List.of(0.0, 0.0))
                .maxHoldout(100)
                .maxEpochs(10)
                .build();
        return new DynamicsEnsemble(obs, act, c, new double[obs + act], ones(obs + act),
                DataType.DOUBLE, new SeededRandom(2));
    }

    static double[] ones(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0);
        return x;
    }

    static Transitions offline(int n, int obs, int act, long seed) {
        Batch b = Ref.randomBatch(new Random(seed), n, obs, act);
        return new Transitions(n, obs, act, b.obs(), b.actions(), b.rewards(), b.nextObs(), b.done());
    }

    static ComboConfig combo(double beta, String pushDown) {
        return ComboConfig.builder()
                .beta(beta)
                .rolloutHorizon(3)
                .rolloutBatch(5)
                .rolloutEvery(2)
                .retainRounds(2)
                .pushDownStates(pushDown)
                .build();
    }

    static Batch rows(float[] s0) {
        int n = s0.length;
        float[] obs = new float[n * 2];
        for (int i = 0; i < n; i++) {
            obs[2 * i] = s0[i];
            obs[2 * i + 1] = 0.5f * i - 1;
        }
        float[] act = new float[n];
        for (int i = 0; i < n; i++) {
            act[i] = 0.2f * i - 0.3f;
        }
        return new Batch(n, 2, 1, obs, act, new float[n], obs.clone(), new float[n]);
    }

    /**
     * Critics Q(s, a) = s₀ (linear, both the same), K = 2 samples per source, T = 1, no importance sampling: at a
     * push-down state every one of the 3K + 1 values is s₀, so T·logsumexp = s₀ + log 7. Dataset rows s₀ = (1, 3),
     * model rows s₀ = (−1, 0, 4), β = 5:
     * "model": 5·(mean(−1, 0, 4) + log 7 − mean(1, 3)) = 5·(log 7 − 1);
     * "mix": 5·(mean(1, 3, −1, 0, 4) + log 7 − 2) = 5·(log 7 − 0.6).
     */
    @Test
    void conservativeTermOnAHandWorkedBatch() {
        SacConfig lin = SqlLearnerTest.linear();
        CqlConfig cql = CqlConfig.builder().sampledActions(2).importanceSampling(false).build();
        for (String mode : List.of("model", "mix")) {
            ComboLearner l = new ComboLearner("combo", LearnerDims.of(2, 1), lin, cql, combo(5.0, mode), model(2, 1),
                    offline(10, 2, 1, 1), TerminationFn.NEVER, 3);
            SqlLearnerTest.zero(l.criticGroup());
            SqlLearnerTest.setLinear(l.criticGroup().params(), 0, new double[] {1, 0, 0}, 0);
            SqlLearnerTest.setLinear(l.criticGroup().params(), l.criticGroup().offset(1), new double[] {1, 0, 0}, 0);
            l.prepare(UpdateInput.of(rows(new float[] {1, 3}), rows(new float[] {-1, 0, 4})));
            Map<String, Double> m = l.lossesAndGradients();
            double expected = mode.equals("model") ? 5 * (Math.log(7) - 1) : 5 * (Math.log(7) - 0.6);
            assertEquals(expected, m.get("combo_q1_loss"), 1e-12, mode);
            assertEquals(expected, m.get("combo_q2_loss"), 1e-12, mode);
            assertEquals(expected, m.get("q1_reg_loss"), 1e-12, mode);
            int pushDownRows = mode.equals("model") ? 3 : 5;
            assertEquals(pushDownRows * 2, l.uniformActions().length, "uniform actions: K per push-down state");
        }
    }

    @Test
    void criticGradientsMatchFiniteDifferences() {
        SacConfig tiny = SacFamilyLossTest.tiny();
        int obs = SacFamilyLossTest.OBS;
        int act = SacFamilyLossTest.ACT;
        for (String mode : List.of("model", "mix")) {
            ComboLearner l = new ComboLearner("combo", LearnerDims.of(obs, act), tiny,
                    CqlConfig.builder().sampledActions(3).build(), combo(0.5, mode), model(obs, act),
                    offline(10, obs, act, 2), TerminationFn.NEVER, 5);
            Random r = new Random(8);
            l.prepare(UpdateInput.of(Ref.randomBatch(r, 4, obs, act), Ref.randomBatch(r, 5, obs, act)));
            Map<String, Double> m = l.lossesAndGradients();
            assertTrue(m.get("combo_q1_loss") != 0.0);
            double[] gc = Ref.grads(l.criticGroup());
            int[] qs = Ref.sizes(obs + act, tiny.hidden(), 1);
            Ref.checkGradient(l.criticGroup().params(), gc, 0, gc.length, qs, 0,
                    () -> l.lossesAndGradients().get("critic_loss"), "COMBO critics (" + mode + ")");
        }
    }

    @Test
    void batchSplitAndRolloutSchedule(@TempDir Path dir) throws Exception {
        SacConfig s = SacFamilyLossTest.tiny();   // single-source batch 9
        int obs = SacFamilyLossTest.OBS;
        int act = SacFamilyLossTest.ACT;
        ComboConfig c = ComboConfig.builder()
                .beta(1.0)
                .rolloutHorizon(3)
                .rolloutBatch(5)
                .rolloutEvery(2)
                .retainRounds(2)
                .build();
        CqlConfig cql = CqlConfig.builder().sampledActions(2).build();
        ComboLearner l = new ComboLearner("combo", LearnerDims.of(obs, act), s, cql, c, model(obs, act),
                offline(20, obs, act, 3), TerminationFn.NEVER, 7);
        assertEquals(5, l.batchSpec().offline(), "f·B = round(0.5·9) dataset rows");
        assertEquals(0, l.batchSpec().simulated());
        Random r = new Random(4);
        List<UpdateInput> in = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            in.add(UpdateInput.of(Ref.randomBatch(r, l.batchSpec().offline(), obs, act), null));
        }
        l.update(in.get(0));
        assertEquals(1, l.rounds());
        assertEquals(15, l.modelReplay().size(), "5 starts x h = 3");
        assertEquals(9, l.rows(), "5 dataset rows + 4 model rows");
        l.update(in.get(1));
        assertEquals(1, l.rounds());
        l.update(in.get(2));
        assertEquals(2, l.rounds(), "a round every 2 updates");
        assertEquals(30, l.modelReplay().size());
        l.update(in.get(3));
        Map<String, Double> m = l.update(in.get(4));
        assertEquals(3, l.rounds());
        assertEquals(30, l.modelReplay().size(), "the replay keeps retainRounds = 2 rounds");
        assertTrue(m.values().stream().allMatch(Double::isFinite), m.toString());

        l.snapshot(dir);
        ComboLearner b = new ComboLearner("combo", LearnerDims.of(obs, act), s, cql, c, model(obs, act),
                offline(20, obs, act, 3), TerminationFn.NEVER, 99);
        b.restore(dir);
        assertEquals(5, b.step());
        assertArrayEquals(state(l), state(b), "networks, optimisers, α, step, RNG and model replay come back");
        assertEquals(30, b.modelReplay().size(), "the model replay is part of the snapshot");
        b.update(in.get(0));
        assertEquals(0, b.rounds(), "step 5: no rollout round is due, and the restored replay has rows");

    }

    /**
     * N updates, snapshot, restore into a learner built with another seed, M more updates: parameters, optimiser
     * state, RNG and model replay equal those of N + M updates without stopping, bit for bit. The snapshot falls
     * between rollout rounds (rolloutEvery 3, N = 4), so the restored learner samples its model rows from the
     * restored replay, and a round after the restore writes into the ring after its restored position.
     */
    @Test
    void restoreThenContinueEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        SacConfig s = SacFamilyLossTest.tiny();
        int obs = SacFamilyLossTest.OBS;
        int act = SacFamilyLossTest.ACT;
        ComboConfig c = ComboConfig.builder()
                .beta(1.0)
                .rolloutHorizon(2)
                .rolloutBatch(4)
                .rolloutEvery(3)
                .retainRounds(2)
                .build();
        CqlConfig cql = CqlConfig.builder().sampledActions(2).build();
        TerminationFn ends = (o, a, next) -> next[0] > 0.5;
        ComboLearner a = new ComboLearner("combo", LearnerDims.of(obs, act), s, cql, c, model(obs, act),
                offline(20, obs, act, 3), ends, 7);
        Random r = new Random(6);
        List<UpdateInput> in = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            in.add(UpdateInput.of(Ref.randomBatch(r, a.batchSpec().offline(), obs, act), null));
        }
        for (int i = 0; i < 4; i++) {
            a.update(in.get(i));
        }
        a.snapshot(dir);
        for (int i = 4; i < 11; i++) {
            a.update(in.get(i));
        }
        ComboLearner b = new ComboLearner("combo", LearnerDims.of(obs, act), s, cql, c, model(obs, act),
                offline(20, obs, act, 3), ends, 99);
        b.restore(dir);
        for (int i = 4; i < 11; i++) {
            b.update(in.get(i));
        }
        assertEquals(2, b.rounds(), "rounds at steps 6 and 9 after the restore");
        assertArrayEquals(io.oris.model.nn.HostIO.toHost(a.criticGroup().params()),
                io.oris.model.nn.HostIO.toHost(b.criticGroup().params()));
        assertArrayEquals(io.oris.model.nn.HostIO.toHost(a.actorGroup().params()),
                io.oris.model.nn.HostIO.toHost(b.actorGroup().params()));
        assertEquals(a.metrics(), b.metrics());
        assertArrayEquals(state(a), state(b), "the whole state, model replay included");
    }

    /** Model rollouts stop where the task's termination rule says; the terminal transition is stored with done = 1. */
    @Test
    void rolloutsStopAtTerminalTransitions() throws Exception {
        SacConfig s = SacFamilyLossTest.tiny();
        int obs = SacFamilyLossTest.OBS;
        int act = SacFamilyLossTest.ACT;
        ComboConfig c = ComboConfig.builder().rolloutHorizon(4).rolloutBatch(6).rolloutEvery(100).retainRounds(1).build();
        CqlConfig cql = CqlConfig.builder().sampledActions(2).build();
        // every transition ends the episode: one stored transition per start, all terminal
        ComboLearner always = new ComboLearner("combo", LearnerDims.of(obs, act), s, cql, c, model(obs, act),
                offline(20, obs, act, 3), (o, a, next) -> true, 7);
        always.rollout();
        assertEquals(6, always.modelReplay().size());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, replayDone(always));
        ComboLearner never = new ComboLearner("combo", LearnerDims.of(obs, act), s, cql, c, model(obs, act),
                offline(20, obs, act, 3), TerminationFn.NEVER, 7);
        never.rollout();
        assertEquals(24, never.modelReplay().size(), "6 starts x h = 4");
        assertTrue(allZero(replayDone(never)));

        // a rule on the next state: rows end at their own step, and each row goes on from where it stopped only
        // while it lives
        List<double[][]> calls = new java.util.ArrayList<>();
        TerminationFn rule = (o, a, next) -> {
            boolean done = next[0] > 0.0;
            calls.add(new double[][] {o.clone(), next.clone(), {done ? 1 : 0}});
            return done;
        };
        ComboLearner l = new ComboLearner("combo", LearnerDims.of(obs, act), s, cql, c, model(obs, act),
                offline(20, obs, act, 3), rule, 7);
        l.rollout();
        float[] done = replayDone(l);
        assertEquals(calls.size(), l.modelReplay().size(), "one stored transition per judged transition");
        int from = 0;
        int alive = 6;
        int terminals = 0;
        for (int t = 0; t < 4 && alive > 0; t++) {
            List<double[][]> step = calls.subList(from, from + alive);
            List<double[][]> next = new java.util.ArrayList<>();
            for (int k = 0; k < step.size(); k++) {
                assertEquals(step.get(k)[2][0], done[from + k], "stored done = the rule's verdict");
                if (step.get(k)[2][0] == 0) {
                    next.add(step.get(k));
                } else {
                    terminals++;
                }
            }
            from += alive;
            alive = next.size();
            for (int k = 0; k < alive && from + k < calls.size(); k++) {
                assertArrayEquals(next.get(k)[1], calls.get(from + k)[0], "a living row goes on from its next state");
            }
        }
        assertEquals(calls.size(), from, "no transition after a row's terminal one");
        assertTrue(terminals > 0 && terminals < 6, "the rule ends some rows and not others: " + terminals);
    }

    static float[] replayDone(ComboLearner l) throws Exception {
        return new io.oris.model.io.StateReader(new java.io.ByteArrayInputStream(state(l)))
                .floats(ComboLearner.MODEL_REPLAY + ".done");
    }

    static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void rejectsWhatItCannotUse() {
        SacConfig s = SacFamilyLossTest.tiny();
        int obs = SacFamilyLossTest.OBS;
        int act = SacFamilyLossTest.ACT;
        CqlConfig q = CqlConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> new ComboLearner("combo", LearnerDims.of(obs, act), s, q,
                combo(1, "model"), null, offline(5, obs, act, 1), TerminationFn.NEVER, 1));
        assertThrows(IllegalArgumentException.class, () -> new ComboLearner("combo", LearnerDims.of(obs, act), s, q,
                combo(1, "model"), model(obs + 1, act), offline(5, obs, act, 1), TerminationFn.NEVER, 1));
        assertThrows(IllegalArgumentException.class, () -> new ComboLearner("combo", LearnerDims.of(obs, act), s, q,
                combo(1, "states"), model(obs, act), offline(5, obs, act, 1), TerminationFn.NEVER, 1));
        assertThrows(IllegalArgumentException.class, () -> Learners.create("combo",
                io.oris.model.config.LearnerConfig.defaults(), LearnerDims.of(obs, act), null, 1));
    }

    static byte[] state(Learner l) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        l.save(out);
        return out.toByteArray();
    }
}
