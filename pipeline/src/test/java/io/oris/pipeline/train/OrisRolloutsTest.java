package io.oris.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.config.GanConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Learners;
import io.oris.model.nn.SeededRandom;
import io.oris.model.oris.HybridRolloutPolicy;
import io.oris.model.oris.RestartSampler;
import io.oris.model.oris.StateGan;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.SimCollector;
import io.oris.sim.env.DynamicsGap;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * ORIS's collection (Algorithm 1) in the real simulator: C restarts per epoch, each an H-step rollout; C and H are
 * independent settings; the no_restart ablation changes only where rollouts start.
 */
class OrisRolloutsTest {
    private static final Task HOPPER = Task.parse("hopper");

    /** An untrained GAN whose states stay close to the hopper's standing pose (mean), so rollouts rarely fall. */
    private static RestartSampler standingRestarts() {
        int o = HOPPER.observationDim();
        double[] mean = new double[o];
        mean[0] = 1.25;
        double[] std = new double[o];
        java.util.Arrays.fill(std, 1e-3);
        GanConfig gc = GanConfig.builder()
                .generatorHidden(List.of(8, 8))
                .discriminatorHidden(List.of(8, 8))
                .noiseDim(4)
                .steps(1)
                .batch(4)
                .lr(1e-3)
                .curveEvery(1)
                .build();
        return new RestartSampler(new StateGan(o, gc, mean, std, DataType.FLOAT, new SeededRandom(3)), 0.01);
    }

    private static Learner learner() {
        return Learners.create("sac", LearnerConfig.defaults(), LearnerDims.of(HOPPER.observationDim(),
                HOPPER.actionDim()), null, 1);
    }

    /** Collects one epoch of {@code plan} and returns the length of each rollout. */
    private static List<Integer> epoch(RolloutPlan plan, List<double[]> starts) {
        List<Integer> lengths = new ArrayList<>();
        try (MujocoEnv env = Environments.create(HOPPER, DynamicsGap.parse("gravity=2.0"), 5)) {
            SimCollector collector = new SimCollector(env, plan.startStates().orElseThrow());
            ActionPolicy policy = plan.policyForEpoch(0, new SplittableRandom(2));
            for (int c = 0; c < plan.segmentsPerEpoch(); c++) {
                int[] n = {0};
                plan.collectSegment(c, collector, policy, (s, a, r, s2, terminal) -> {
                    if (n[0]++ == 0) {
                        starts.add(s.clone());
                    }
                });
                lengths.add(n[0]);
            }
        }
        return lengths;
    }

    @Test
    void anEpochIsCRestartsOfHStepsWhateverTheOtherIs() {
        for (int[] ch : new int[][] {{3, 7}, {5, 2}, {1, 12}}) {
            int c = ch[0];
            int h = ch[1];
            HybridRolloutPolicy hybrid = new HybridRolloutPolicy(0.0, HybridRolloutPolicy.Granularity.EPOCH,
                    new SplittableRandom(1));
            OrisRollouts plan = new OrisRollouts(learner(), standingRestarts(), hybrid, h, c, 9);
            List<double[]> starts = new ArrayList<>();
            List<Integer> lengths = epoch(plan, starts);
            assertEquals(c, plan.segmentsPerEpoch(), "C");
            assertEquals(c, lengths.size(), "rollouts per epoch");
            for (int len : lengths) {
                assertEquals(h, len, "each rollout runs H steps from a standing restart (C=" + c + ", H=" + h + ")");
            }
            for (double[] s : starts) {
                assertEquals(1.25, s[0], 0.05, "restarts come from the GAN (height near the generated 1.25)");
            }
        }
    }

    @Test
    void noRestartChangesOnlyTheStartDistribution() {
        HybridRolloutPolicy hybrid = new HybridRolloutPolicy(0.0, HybridRolloutPolicy.Granularity.EPOCH,
                new SplittableRandom(1));
        OrisRollouts plan = new OrisRollouts(learner(), null, hybrid, 6, 4, 9);
        assertEquals(6, plan.startStates().orElseThrow().horizon(), "the no_restart ablation keeps H");
        List<double[]> starts = new ArrayList<>();
        List<Integer> lengths = epoch(plan, starts);
        assertEquals(List.of(6, 6, 6, 6), lengths, "C rollouts of H steps from rho0");
        for (double[] s : starts) {
            // rho0 of hopper: qpos[1:] = (1.25, 0, ...) + U(+-0.005)
            assertTrue(Math.abs(s[0] - 1.25) <= 0.005 + 1e-9, "start height " + s[0] + " is not from rho0");
        }
    }
}
