package io.oris.pipeline.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Learners;
import io.oris.model.replay.Batch;
import io.oris.model.replay.SimulatedReplay;
import io.oris.model.replay.UpdateInput;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.EpisodeResult;
import io.oris.pipeline.rollout.Evaluator;
import io.oris.pipeline.rollout.UniformRandomPolicy;
import io.oris.pipeline.train.TrainRun;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Step;
import io.oris.sim.env.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Learning check: SAC (256-256, batch 256, one update per environment step after 1,000 uniform random steps) as the SAC
 * paper has it, with the soft Bellman backup ({@code sac.backupEntropy = true}) and the SAC paper's policy head
 * (log σ = ℓ clamped to [−20, 2]: {@code sac.logStdAffine = false}, {@code sac.logStdOffset = 0}, where H2O's code
 * trains a multiplier and an offset that starts σ at e⁻¹) — the configuration of the independent PyTorch SAC
 * ({@code sac_online.py --head standard --backup-entropy}) — trained in the real hopper reaches
 * a mean deterministic return of at least 1,000 (10 episodes per seed, mean over seeds 0-2) within 100k environment
 * steps, where published SAC curves on Hopper are at roughly 1,000-2,000. At H2O's configuration (no entropy term in
 * the backup, the default of every SAC-based learner) it does not: README, "Learning checks", has both results and
 * the side-by-side run against an independent PyTorch SAC that located the cause.
 *
 * <p>Scratch-run knobs: {@code -Doris.learning.sac.steps=N}, {@code -Doris.learning.sac.seeds=0,1},
 * {@code -Doris.learning.sac.randomSteps=K}, {@code -Doris.learning.sac.overrides=sac.backupEntropy=false,...}
 * (replaces the check's overrides).
 */
@Tag("learning")
class SacRealHopperLearningTest {
    static final int RANDOM_STEPS = Integer.getInteger("oris.learning.sac.randomSteps", 1000);
    /** Scratch-run overrides of the learner's hyperparameters, e.g. {@code sac.logStdOffset=0}. */
    static final String OVERRIDES = System.getProperty("oris.learning.sac.overrides",
            "sac.backupEntropy=true,sac.logStdOffset=0,sac.logStdAffine=false");

    /** Trains one seed and returns the mean deterministic return of 10 episodes in the real hopper. */
    static double trainAndEvaluate(long seed, int steps) {
        Task task = Task.HOPPER;
        int o = task.observationDim();
        int a = task.actionDim();
        Learner sac = Learners.create("sac", config(), LearnerDims.of(o, a), null, seed);
        SimulatedReplay replay = new SimulatedReplay(steps, o, a);
        SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
        ActionPolicy random = new UniformRandomPolicy(a, seed + 99);
        Batch empty = Batch.empty(o, a);
        int batch = sac.batchSpec().simulated();
        try (MujocoEnv env = Environments.real(task, seed + 2);
             MujocoEnv eval = Environments.real(task, seed + 3)) {
            double[] obs = env.reset();
            double episodeReturn = 0;
            List<Double> returns = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                ActionPolicy policy = t < RANDOM_STEPS ? random : TrainRun.policyOf(sac, rng);
                double[] action = policy.act(obs, false);
                Step s = env.step(action);
                replay.add(toFloat(obs), toFloat(action), s.reward(), toFloat(s.observation()), s.terminated());
                episodeReturn += s.reward();
                obs = s.observation();
                if (t >= RANDOM_STEPS) {
                    sac.update(UpdateInput.of(empty, replay.sample(batch, rng)));
                }
                if (s.done()) {
                    returns.add(episodeReturn);
                    episodeReturn = 0;
                    obs = env.reset();
                }
                if ((t + 1) % 10_000 == 0) {
                    double last = returns.subList(Math.max(0, returns.size() - 10), returns.size()).stream()
                            .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                    System.out.printf("SAC hopper seed %d: step %,d, training return (last 10) %.1f, %s%n", seed,
                            t + 1, last, sac.metrics());
                }
            }
            List<EpisodeResult> episodes = new Evaluator(Task.MAX_EPISODE_STEPS)
                    .run(eval, TrainRun.policyOf(sac, new SplittableRandom(seed)), seed + 1000, 0, 10);
            return episodes.stream().mapToDouble(EpisodeResult::episodeReturn).average().orElseThrow();
        }
    }

    static LearnerConfig config() {
        java.util.Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        for (String kv : OVERRIDES.split(",")) {
            if (!kv.isBlank()) {
                String[] p = kv.split("=", 2);
                String v = p[1].trim();
                overrides.put(p[0].trim(), v.equals("true") || v.equals("false") ? Boolean.valueOf(v)
                        : v.matches("[-+0-9.eE]+") ? Double.valueOf(v) : v);   // e.g. sac.dataType=double
            }
        }
        return LearnerConfig.defaults().withOverrides(overrides);
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    @Test
    void sacReachesAThousandInTheRealHopperWithin100kSteps() throws Exception {
        int steps = Integer.getInteger("oris.learning.sac.steps", 100_000);
        String seedList = System.getProperty("oris.learning.sac.seeds", "0,1,2");
        // one thread per seed: on 2 cores the three seeds share the cores and finish together
        ExecutorService pool = Executors.newFixedThreadPool(seedList.split(",").length);
        try {
            List<Future<Double>> seeds = new ArrayList<>();
            for (String one : seedList.split(",")) {
                long seed = Long.parseLong(one.trim());
                long s = seed;
                seeds.add(pool.submit(() -> trainAndEvaluate(s, steps)));
            }
            List<Double> each = new ArrayList<>();
            for (Future<Double> f : seeds) {
                each.add(f.get());
            }
            double mean = each.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            System.out.printf("SAC hopper learning check: deterministic returns per seed %s, mean %.1f after %,d steps"
                    + " (random steps %d, overrides '%s')%n", each, mean, steps, RANDOM_STEPS, OVERRIDES);
            assertTrue(mean >= 1000, "SAC's mean return over 3 seeds after " + steps + " steps is " + mean + " " + each
                    + "; expected at least 1000");
        } finally {
            pool.shutdownNow();
        }
    }
}
