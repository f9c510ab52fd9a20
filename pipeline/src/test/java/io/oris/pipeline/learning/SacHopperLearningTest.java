package io.oris.pipeline.learning;

import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Learners;
import io.oris.model.learner.Policy;
import io.oris.model.nn.SeededRandom;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.MixedReplay;
import io.oris.model.replay.SimulatedReplay;
import io.oris.sim.env.Environment;
import io.oris.sim.env.Environments;
import io.oris.sim.env.Step;
import io.oris.sim.env.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Learning check: SAC (the model module's learner, unchanged algorithm, 64-64 networks by default to fit the time;
 * {@code -Doris.sac.hidden=256} for the papers' size) learns
 * MuJoCo hopper from scratch: after 2,000 random steps and 13,000 steps with one update per step, its deterministic
 * return in the real hopper is far above the random policy's.
 */
@Tag("slow")
class SacHopperLearningTest {
    static double evaluate(Environment env, Policy p, int episodes, SeededRandom rng) {
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            double[] o = env.reset();
            while (true) {
                float[] a = p.act(toFloat(o), true, rng);
                Step s = env.step(toDouble(a));
                total += s.reward();
                o = s.observation();
                if (s.done()) {
                    break;
                }
            }
        }
        return total / episodes;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @Test
    void sacLearnsHopper() throws Exception {
        int randomSteps = 2000;
        int trainSteps = Integer.getInteger("oris.sac.steps", 13000);
        try (Environment env = Environments.real(Task.HOPPER, 1); Environment eval = Environments.real(Task.HOPPER, 2)) {
            int o = env.observationDim();
            int a = env.actionDim();
            int width = Integer.getInteger("oris.sac.hidden", 64);
            LearnerConfig cfg = LearnerConfig.defaults().withOverrides(Map.of("sac.hidden", List.of(width, width)));
            Learner sac = Learners.create("sac", cfg, LearnerDims.of(o, a), null, 3);
            SimulatedReplay buffer = new SimulatedReplay(randomSteps + trainSteps, o, a);
            MixedReplay replay = new MixedReplay(null, buffer);
            BatchSpec spec = sac.batchSpec();
            SeededRandom rng = new SeededRandom(4);
            Policy random = new Policy() {
                @Override
                public float[] act(float[] obs, boolean deterministic, java.util.random.RandomGenerator r) {
                    float[] x = new float[a];
                    for (int j = 0; j < a; j++) {
                        x[j] = (float) (2 * r.nextDouble() - 1);
                    }
                    return x;
                }

                @Override
                public int obsDim() {
                    return o;
                }

                @Override
                public int actDim() {
                    return a;
                }
            };
            double randomReturn = evaluate(eval, random, 5, rng);
            double[] obs = env.reset();
            long t0 = System.nanoTime();
            for (int t = 0; t < randomSteps + trainSteps; t++) {
                Policy p = t < randomSteps ? random : sac.policy();
                float[] act = p.act(toFloat(obs), false, rng);
                Step s = env.step(toDouble(act));
                buffer.add(toFloat(obs), act, s.reward(), toFloat(s.observation()), s.terminated());
                obs = s.done() ? env.reset() : s.observation();
                if (t >= randomSteps) {
                    sac.update(replay.sample(spec, o, a, rng));
                }
            }
            double learned = evaluate(eval, sac.policy(), 5, rng);
            System.out.printf("SAC hopper: random policy return %.1f, after %d updates %.1f (%.0f s)%n", randomReturn,
                    trainSteps, learned, (System.nanoTime() - t0) / 1e9);
            assertTrue(learned > 200 && learned > 5 * randomReturn,
                    "SAC return " + learned + " vs random " + randomReturn);
        }
    }
}
