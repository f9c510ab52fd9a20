package io.oris.pipeline.collect;

import io.oris.sim.env.DynamicsGap;
import io.oris.sim.env.PickPlaceEnv;
import io.oris.sim.env.ScriptedPickPlacePolicy;
import io.oris.sim.env.Step;
import io.oris.storage.TransitionArrays;
import io.oris.storage.TransitionBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The offline data of ORIS Table III: the rule-based policy ({@link ScriptedPickPlacePolicy}) run in the real
 * pick-place environment, mostly on tasks other than the one to learn, which is what makes the paper's dataset "low
 * quality, with many task-agnostic trajectories" (docs/reference.md §8). Each episode starts the block at a random
 * spot and plays one of these variants, drawn per episode:
 *
 * <ul>
 *   <li>{@link Variant#PICK_AND_PLACE}: pick the block and put it down at a random target, release it, then idle
 *       or wander (random hand moves) until the time limit. About 1.5 % of the targets fall within 0.05 of the
 *       goal, so a few episodes earn the +20 and end there;</li>
 *   <li>{@link Variant#REACH_ONLY}: go to the block and stay there, never closing the gripper;</li>
 *   <li>{@link Variant#PICK_AND_DROP}: pick the block, lift it to a random height above its start and let it
 *       fall.</li>
 * </ul>
 *
 * Gaussian noise is added to the hand part of every action, and the noisy action is what is recorded (it is what
 * the robot was commanded). Rows carry no MuJoCo state (a robot log has none; pick-place restarts use the 7-d state).
 *
 * <p>Params (job entry {@code params}, or {@code oris collect} options), with their defaults and why:
 * {@code pick_and_place_share} 0.7, {@code reach_only_share} 0.15 (pick-and-drop takes the rest): mostly complete
 * manipulation, as the paper's rule-based policy "placing the object at various positions"; {@code action_noise}
 * 0.1: σ on a[0:3], enough to vary the paths without breaking the grasp.
 */
public final class ScriptedCollector {
    /** The fact-based size: 100 episodes of up to 150 steps (docs/reference.md §8). */
    public static final int DEFAULT_SIZE = (int) io.oris.orchestration.descriptor.DatasetSpec.SCRIPTED_DEFAULT_SIZE;
    /** Block starts: wider than the evaluation grid, x ∈ [−0.15, 0.15], y ∈ [0.55, 0.75]. */
    static final double[] BLOCK_LOW = {-0.15, 0.55};
    static final double[] BLOCK_HIGH = {0.15, 0.75};
    /** Place targets: x ∈ [−0.2, 0.2], y ∈ [0.55, 0.9], z ∈ [0.05, 0.3]. */
    static final double[] TARGET_LOW = {-0.2, 0.55, 0.05};
    static final double[] TARGET_HIGH = {0.2, 0.9, 0.3};
    /** Drop heights of pick-and-drop (block centre above the table). */
    static final double DROP_LOW = 0.08;
    static final double DROP_HIGH = 0.25;

    /** The task-agnostic variants of an episode. */
    public enum Variant { PICK_AND_PLACE, REACH_ONLY, PICK_AND_DROP }

    private final long seed;
    private final double pickAndPlaceShare;
    private final double reachOnlyShare;
    private final double actionNoise;
    private final Consumer<String> log;
    private final Map<String, Object> report = new LinkedHashMap<>();

    /**
     * @param seed   seeds the variants, block starts, targets, noise and the environment
     * @param params the entry's params (see the class comment); unknown keys are an error
     */
    public ScriptedCollector(long seed, Map<String, Object> params, Consumer<String> log) {
        for (String key : params.keySet()) {
            if (!key.equals("pick_and_place_share") && !key.equals("reach_only_share") && !key.equals("action_noise")) {
                throw new IllegalArgumentException("unknown param '" + key + "' of collect scripted (known:"
                        + " pick_and_place_share, reach_only_share, action_noise)");
            }
        }
        this.seed = seed;
        this.pickAndPlaceShare = share(params, "pick_and_place_share", 0.7);
        this.reachOnlyShare = share(params, "reach_only_share", 0.15);
        if (pickAndPlaceShare + reachOnlyShare > 1.0 + 1e-12) {
            throw new IllegalArgumentException("pick_and_place_share + reach_only_share must be at most 1, got "
                    + pickAndPlaceShare + " + " + reachOnlyShare);
        }
        Object noise = params.getOrDefault("action_noise", 0.1);
        if (!(noise instanceof Number n) || !(n.doubleValue() >= 0) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("param action_noise must be a number >= 0, got " + noise);
        }
        this.actionNoise = ((Number) noise).doubleValue();
        this.log = log;
    }

    private static double share(Map<String, Object> params, String key, double dflt) {
        Object v = params.getOrDefault(key, dflt);
        if (!(v instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
            throw new IllegalArgumentException("param " + key + " must be a number in [0, 1], got " + v);
        }
        return n.doubleValue();
    }

    /** Episodes per variant, Place successes and the mean return, for the manifest. */
    public Map<String, Object> report() {
        return report;
    }

    /** Records {@code size} transitions (the last episode is cut at the size, flagged neither terminal nor timeout). */
    public TransitionArrays collect(int size) {
        SplittableRandom rng = new SplittableRandom(seed);
        TransitionBuilder out = new TransitionBuilder(7, 4, 0, 0);
        Map<Variant, Integer> counts = new LinkedHashMap<>();
        int placed = 0;
        double returns = 0;
        long episode = 0;
        try (PickPlaceEnv env = new PickPlaceEnv(DynamicsGap.REAL, seed + 1)) {
            while (out.rows() < size) {
                Variant variant = drawVariant(rng);
                counts.merge(variant, 1, Integer::sum);
                returns += episode(env, variant, rng, out, episode, size);
                placed += env.successSoFar().place() ? 1 : 0;
                episode++;
            }
        }
        report.put("scripted_episodes", episode);
        counts.forEach((v, n) -> report.put("scripted_" + v.name().toLowerCase(java.util.Locale.ROOT) + "_episodes", n));
        report.put("scripted_place_episodes", placed);
        report.put("scripted_mean_return", returns / episode);
        log.accept(String.format("  scripted behaviour: %d transitions, %d episodes %s, %d placed at the goal, mean"
                + " return %.2f", out.rows(), episode, counts, placed, returns / episode));
        return out.build();
    }

    Variant drawVariant(SplittableRandom rng) {
        double u = rng.nextDouble();
        return u < pickAndPlaceShare ? Variant.PICK_AND_PLACE
                : u < pickAndPlaceShare + reachOnlyShare ? Variant.REACH_ONLY : Variant.PICK_AND_DROP;
    }

    private double episode(PickPlaceEnv env, Variant variant, SplittableRandom rng, TransitionBuilder out, long id,
            int size) {
        double bx = rng.nextDouble(BLOCK_LOW[0], BLOCK_HIGH[0]);
        double by = rng.nextDouble(BLOCK_LOW[1], BLOCK_HIGH[1]);
        ScriptedPickPlacePolicy policy = switch (variant) {
            case PICK_AND_PLACE -> new ScriptedPickPlacePolicy(new double[] {rng.nextDouble(TARGET_LOW[0], TARGET_HIGH[0]),
                    rng.nextDouble(TARGET_LOW[1], TARGET_HIGH[1]), rng.nextDouble(TARGET_LOW[2], TARGET_HIGH[2])},
                    true, true);
            case REACH_ONLY -> new ScriptedPickPlacePolicy(new double[] {bx, by, 0.2}, false, false);
            case PICK_AND_DROP -> new ScriptedPickPlacePolicy(new double[] {bx, by, rng.nextDouble(DROP_LOW, DROP_HIGH)},
                    true, true);
        };
        boolean wander = variant == Variant.PICK_AND_PLACE && rng.nextBoolean();
        double[] obs = env.resetWithBlockAt(bx, by);
        double ret = 0;
        int t = 0;
        while (out.rows() < size) {
            double[] action = policy.act(obs);
            if (wander && policy.phase() == ScriptedPickPlacePolicy.Phase.IDLE) {
                for (int k = 0; k < 3; k++) {
                    action[k] = rng.nextDouble(-1, 1);
                }
            }
            for (int k = 0; k < 3; k++) {
                action[k] = Math.max(-1, Math.min(1, action[k] + actionNoise * rng.nextGaussian()));
            }
            Step s = env.step(action);
            out.add(id, t, toFloat(obs), toFloat(action), (float) s.reward(), toFloat(s.observation()), s.terminated(),
                    s.truncated(), null, null);
            ret += s.reward();
            t++;
            obs = s.observation();
            if (s.done()) {
                break;
            }
        }
        return ret;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
