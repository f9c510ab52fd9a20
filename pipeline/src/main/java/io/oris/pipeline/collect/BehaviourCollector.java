package io.oris.pipeline.collect;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import io.oris.pipeline.rollout.ActionPolicy;
import io.oris.pipeline.rollout.TransitionRecorder;
import io.oris.pipeline.rollout.UniformRandomPolicy;
import io.oris.pipeline.train.LearnerProvider;
import io.oris.model.replay.SimulatedReplay;
import io.oris.pipeline.train.SimulatedSink;
import io.oris.pipeline.train.TrainRun;
import io.oris.storage.PausePoint;
import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Step;
import io.oris.sim.env.Task;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.TransitionArrays;
import io.oris.storage.TransitionBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Makes D4RL-shaped datasets in the real environment when no D4RL file is at hand (D4RL's recipe, docs/reference.md §3):
 * {@code random} = uniform actions; {@code medium-replay} = the replay buffer of a SAC training run up to the
 * medium level; {@code medium} / {@code expert} = a SAC policy trained to a target fraction of the expert
 * return, then rolled out; {@code medium-expert} = medium ++ expert; for pick-place, {@code scripted} = the
 * rule-based policy on task-agnostic variants ({@link ScriptedCollector}). What the behaviour policies reached goes
 * into {@link #report()}, which the collect stage writes into the manifest.
 */
public final class BehaviourCollector {
    /** Default target levels as fractions of the way from the random to the expert return (D4RL: medium ≈ 1/3). */
    static final double MEDIUM_FRACTION = 1.0 / 3.0;
    static final double EXPERT_FRACTION = 1.0;

    private final Task task;
    private final long seed;
    private final LearnerProvider learners;
    private final Map<String, Object> params;
    private final Consumer<String> log;
    private final Map<String, Object> report = new LinkedHashMap<>();

    public BehaviourCollector(Task task, long seed, LearnerProvider learners, Map<String, Object> params, Consumer<String> log) {
        this.task = task;
        this.seed = seed;
        this.learners = learners;
        this.params = params;
        this.log = log;
    }

    /** What the behaviour policies did (returns, training steps), for the manifest. */
    public Map<String, Object> report() {
        return report;
    }

    /**
     * What the behaviour policies reached, in one line for the console: per SAC training its steps and final mean
     * return against the target, per roll-out its mean return, e.g. {@code medium-replay: SAC 300,000 steps, mean
     * return (last 10 episodes) 1210.4, target 1182.6 (reached)}.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (String label : List.of("random", "medium-replay", "medium", "expert")) {
            if (report.containsKey(label + "_target_return")) {
                parts.add(String.format("%s: SAC %,d steps, mean return (last 10 episodes) %.1f, target %.1f (%s)", label,
                        (Long) report.get(label + "_sac_steps"), (Double) report.get(label + "_sac_final_mean_return"),
                        (Double) report.get(label + "_target_return"),
                        Boolean.TRUE.equals(report.get(label + "_reached_target")) ? "reached" : "not reached"));
            }
            if (report.containsKey(label + "_rollout_mean_return")) {
                parts.add(String.format("%s roll-outs: mean return %.1f over %d episodes", label,
                        (Double) report.get(label + "_rollout_mean_return"), (Integer) report.get(label + "_rollout_episodes")));
            }
        }
        if (report.containsKey("scripted_episodes")) {
            parts.add(String.format("scripted: %d episodes, %d placed at the goal, mean return %.2f",
                    (Long) report.get("scripted_episodes"), (Integer) report.get("scripted_place_episodes"),
                    (Double) report.get("scripted_mean_return")));
        }
        return parts.isEmpty() ? "no behaviour report" : String.join("; ", parts);
    }

    public TransitionArrays collect(String policy, int size) {
        if (task == Task.PICK_PLACE || policy.equals("scripted")) {
            if (task != Task.PICK_PLACE || !policy.equals("scripted")) {
                throw new IllegalArgumentException("behaviour policy '" + policy + "' is not for " + task.id()
                        + ": pick-place is collected with 'scripted' (the rule-based policy), and 'scripted' only"
                        + " collects pick-place");
            }
            ScriptedCollector scripted = new ScriptedCollector(seed, params, log);
            TransitionArrays data = scripted.collect(size);
            report.putAll(scripted.report());
            return data;
        }
        return switch (policy) {
            case "random" -> rollOut(new UniformRandomPolicy(task.actionDim(), seed), size, "random");
            case "medium-replay" -> trainSac(size, fraction("target_fraction", MEDIUM_FRACTION), true).replay;
            case "medium" -> rollOut(trainSac(size, fraction("target_fraction", MEDIUM_FRACTION), false).policy, size, "medium");
            case "expert" -> rollOut(trainSac(size, fraction("expert_fraction", EXPERT_FRACTION), false).policy, size, "expert");
            case "medium-expert" -> concat(
                    rollOut(trainSac(size / 2, fraction("target_fraction", MEDIUM_FRACTION), false).policy, size / 2, "medium"),
                    rollOut(trainSac(size - size / 2, fraction("expert_fraction", EXPERT_FRACTION), false).policy,
                            size - size / 2, "expert"));
            default -> throw new IllegalArgumentException("unknown behaviour policy '" + policy
                    + "'; expected random, medium, medium-replay, expert or medium-expert");
        };
    }

    private double fraction(String key, double dflt) {
        Object v = params.get(key);
        return v instanceof Number n ? n.doubleValue() : dflt;
    }

    /**
     * Whether the replay dataset keeps the MuJoCo state (qpos, qvel) of every row, as D4RL's infos do; param
     * {@code record_state}, default true. Without it a row is about half the size (the shipped dataset drops it to
     * stay small); the transitions are the same either way.
     */
    private boolean recordState() {
        Object v = params.get("record_state");
        return !(v instanceof Boolean b) || b;
    }

    private long longParam(String key, long dflt) {
        Object v = params.get(key);
        return v instanceof Number n ? n.longValue() : dflt;
    }

    /** The raw return at {@code fraction} of the way from D4RL's random to its expert return. */
    double targetReturn(double fraction) {
        double n0 = D4rlEnvs.normalizedScore(task.id(), 0);
        double slope = D4rlEnvs.normalizedScore(task.id(), 1) - n0;
        return (100 * fraction - n0) / slope;
    }

    private TransitionArrays rollOut(ActionPolicy policy, int size, String label) {
        try (MujocoEnv env = Environments.real(task, seed + 1)) {
            TransitionRecorder recorder = new TransitionRecorder(env, 0);
            List<Double> returns = new ArrayList<>();
            while (recorder.rows() < size) {
                returns.add(recorder.recordEpisode(policy, size));
                PausePoint.reach("collect@" + returns.size());
            }
            double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            report.put(label + "_rollout_mean_return", mean);
            report.put(label + "_rollout_episodes", returns.size());
            log.accept(String.format("  %s behaviour: %d transitions, %d episodes, mean return %.1f", label, recorder.rows(),
                    returns.size(), mean));
            return recorder.build();
        }
    }

    private record Trained(ActionPolicy policy, TransitionArrays replay) {
    }

    /**
     * Trains SAC online in the real environment (one update per environment step after a random warm-up) until
     * the mean return of the last 10 episodes reaches the target or the step cap; keeps the first
     * {@code replayRows} transitions as the replay dataset when asked.
     */
    private Trained trainSac(int replayRows, double fraction, boolean keepReplay) {
        double target = targetReturn(fraction);
        long maxSteps = longParam("max_train_steps", keepReplay ? replayRows : 1_000_000L);
        long warmup = longParam("random_steps", Math.min(1000, Math.max(1, maxSteps / 10)));
        Learner learner = learners.createSac(LearnerDims.of(task.observationDim(), task.actionDim()),
                params.get("hyperparameters") instanceof Map<?, ?> m ? castMap(m) : Map.of(), seed);
        int batchSize = learner.batchSpec().simulated();
        SimulatedReplay replay = new SimulatedReplay((int) Math.min(maxSteps, 1_000_000), task.observationDim(), task.actionDim());
        SimulatedSink sink = new SimulatedSink(replay);
        TransitionBuilder kept = null;
        Batch empty = Batch.empty(task.observationDim(), task.actionDim());
        SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
        ActionPolicy random = new UniformRandomPolicy(task.actionDim(), seed + 99);
        ArrayDeque<Double> recent = new ArrayDeque<>();
        long step = 0;
        long episode = 0;
        double lastMean = Double.NaN;
        try (MujocoEnv env = Environments.real(task, seed + 2)) {
            int nq = env.model().nq();
            int nv = env.model().nv();
            if (keepReplay) {
                boolean state = recordState();
                kept = new TransitionBuilder(task.observationDim(), task.actionDim(), state ? nq : 0, state ? nv : 0);
            }
            double[] obs = env.reset();
            double episodeReturn = 0;
            int t = 0;
            while (step < maxSteps && (kept == null || kept.rows() < replayRows)) {
                ActionPolicy policy = step < warmup ? random : TrainRun.policyOf(learner, rng);
                double[] action = policy.act(obs, false);
                double[] qpos = null;
                double[] qvel = null;
                if (kept != null && recordState()) {
                    qpos = new double[nq];
                    qvel = new double[nv];
                    env.data().qpos().get(0, qpos);
                    env.data().qvel().get(0, qvel);
                }
                Step s = env.step(action);
                sink.add(obs, action, s.reward(), s.observation(), s.terminated());
                if (kept != null) {
                    kept.add(episode, t, toFloat(obs), toFloat(action), (float) s.reward(), toFloat(s.observation()),
                            s.terminated(), s.truncated(), qpos, qvel);
                }
                episodeReturn += s.reward();
                t++;
                step++;
                obs = s.observation();
                if (step >= warmup && replay.size() >= batchSize) {
                    learner.update(UpdateInput.of(empty, replay.sample(batchSize, rng)));
                }
                if (s.done()) {
                    recent.addLast(episodeReturn);
                    if (recent.size() > 10) {
                        recent.removeFirst();
                    }
                    lastMean = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                    episode++;
                    if (episode % 20 == 0) {
                        Map<String, Double> m = learner.metrics();
                        log.accept(String.format("  SAC behaviour training: step %,d, %d episodes, mean return (last 10) %.1f,"
                                + " target %.1f (alpha %.3f, log pi %.2f, Q %.1f, critic loss %.2f)", step, episode, lastMean,
                                target, m.getOrDefault("alpha", Double.NaN), m.getOrDefault("log_pi", Double.NaN),
                                m.getOrDefault("q_sim_mean", Double.NaN), m.getOrDefault("critic_loss", Double.NaN)));
                    }
                    if (recent.size() == 10 && lastMean >= target) {
                        break;
                    }
                    obs = env.reset();
                    episodeReturn = 0;
                    t = 0;
                }
            }
        }
        String label = keepReplay ? "medium-replay" : (fraction >= EXPERT_FRACTION ? "expert" : "medium");
        report.put(label + "_sac_steps", step);
        report.put(label + "_sac_final_mean_return", lastMean);
        report.put(label + "_target_return", target);
        report.put(label + "_reached_target", recent.size() == 10 && lastMean >= target);
        log.accept(String.format("  SAC behaviour (%s): %,d steps, mean return %.1f (target %.1f)", label, step, lastMean, target));
        return new Trained(TrainRun.policyOf(learner, new SplittableRandom(seed + 5)), kept == null ? null : kept.build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private TransitionArrays concat(TransitionArrays a, TransitionArrays b) {
        TransitionBuilder out = new TransitionBuilder(a.obsDim(), a.actionDim(), a.nq(), a.nv());
        long offset = 0;
        for (TransitionArrays part : List.of(a, b)) {
            long maxEpisode = 0;
            for (int i = 0; i < part.rows(); i++) {
                int o = part.obsDim();
                int d = part.actionDim();
                float[] obs = java.util.Arrays.copyOfRange(part.obs(), i * o, (i + 1) * o);
                float[] next = java.util.Arrays.copyOfRange(part.nextObs(), i * o, (i + 1) * o);
                float[] act = java.util.Arrays.copyOfRange(part.action(), i * d, (i + 1) * d);
                double[] qp = part.hasState() ? java.util.Arrays.copyOfRange(part.qpos(), i * part.nq(), (i + 1) * part.nq()) : null;
                double[] qv = part.hasState() ? java.util.Arrays.copyOfRange(part.qvel(), i * part.nv(), (i + 1) * part.nv()) : null;
                out.add(offset + part.episode()[i], part.t()[i], obs, act, part.reward()[i], next, part.terminal()[i],
                        part.timeout()[i], qp, qv);
                maxEpisode = Math.max(maxEpisode, part.episode()[i]);
            }
            offset += maxEpisode + 1;
        }
        return out.build();
    }
}
