package io.oris.model.learner;

import io.oris.model.config.LearnerConfig;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.Batch;
import io.oris.model.replay.OfflineReplay;
import io.oris.model.replay.Transitions;
import io.oris.model.replay.UpdateInput;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** BC recovers a known linear behaviour policy a = clip(K s) from its (noise-free) demonstrations. */
class BcLearningTest {
    @Test
    void recoversALinearBehaviourPolicy() {
        int obs = 5;
        int act = 2;
        double[][] k = {{0.3, -0.2, 0.1, 0.0, 0.25}, {-0.1, 0.15, 0.2, -0.3, 0.05}};
        Random r = new Random(1);
        int n = 5000;
        float[] s = new float[n * obs];
        float[] a = new float[n * act];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obs; j++) {
                s[i * obs + j] = (float) r.nextGaussian();
            }
            for (int c = 0; c < act; c++) {
                double v = 0;
                for (int j = 0; j < obs; j++) {
                    v += k[c][j] * s[i * obs + j];
                }
                a[i * act + c] = (float) Math.max(-0.95, Math.min(0.95, v));
            }
        }
        Transitions data = new Transitions(n, obs, act, s, a, new float[n], s.clone(), new float[n]);
        OfflineReplay replay = new OfflineReplay(data);
        LearnerConfig cfg = LearnerConfig.defaults().withOverrides(Map.of("sac.hidden", List.of(64, 64),
                "bc.lr", 1e-3));
        Learner bc = Learners.create("bc", cfg, LearnerDims.of(obs, act), null, 3);
        SeededRandom rng = new SeededRandom(2);
        double first = Double.NaN;
        double last = 0;
        for (int t = 0; t < 2000; t++) {
            Batch b = replay.sample(256, rng);
            last = bc.update(UpdateInput.of(b, Batch.empty(obs, act))).get("bc_loss");
            if (t == 0) {
                first = last;
            }
        }
        // held-out states: mean absolute action error
        double err = 0;
        int m = 500;
        for (int i = 0; i < m; i++) {
            float[] x = new float[obs];
            for (int j = 0; j < obs; j++) {
                x[j] = (float) r.nextGaussian();
            }
            float[] pa = bc.act(x, true, rng);
            for (int c = 0; c < act; c++) {
                double v = 0;
                for (int j = 0; j < obs; j++) {
                    v += k[c][j] * x[j];
                }
                err += Math.abs(pa[c] - Math.max(-0.95, Math.min(0.95, v))) / (m * act);
            }
        }
        System.out.println("BC linear policy: loss " + first + " -> " + last + ", held-out mean |error| " + err);
        assertTrue(err < 0.03, "held-out mean absolute action error " + err);
    }
}
