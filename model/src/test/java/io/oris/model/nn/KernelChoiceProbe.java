package io.oris.model.nn;

import io.oris.model.bench.LearnerBenchmark;
import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.DatasetStats;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Learners;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link KernelChoiceTest}'s child JVM: two updates of a default SAC learner (256-256, batch 256, hopper shapes) on
 * one fixed random batch, then its deterministic actions at five fixed states, each printed as {@code value X}
 * (whatever OpenBLAS kernels {@code OPENBLAS_CORETYPE} selects for this JVM).
 */
public final class KernelChoiceProbe {
    private KernelChoiceProbe() {
    }

    public static void main(String[] args) {
        int obs = 17;
        int act = 6;
        double[] std = new double[obs];
        java.util.Arrays.fill(std, 1.0);
        LearnerDims dims = new LearnerDims(obs, act, new DatasetStats(new double[obs], std, 0.0, 1000.0));
        Learner l = Learners.create("sac", LearnerConfig.defaults(), dims, null, 1);
        SeededRandom rng = new SeededRandom(2);
        BatchSpec spec = l.batchSpec();
        UpdateInput in = UpdateInput.of(LearnerBenchmark.batch(spec.offline(), obs, act, rng),
                LearnerBenchmark.batch(spec.simulated(), obs, act, rng));
        for (int u = 0; u < 2; u++) {
            Map<String, Double> m = new TreeMap<>(l.update(in));
            m.values().forEach(v -> System.out.println("value " + v));
        }
        for (int s = 0; s < 5; s++) {
            float[] state = new float[obs];
            for (int i = 0; i < obs; i++) {
                state[i] = (float) rng.nextGaussian();
            }
            for (float a : l.policy().act(state, true, null)) {
                System.out.println("value " + a);
            }
        }
        System.exit(0);
    }
}
