package io.oris.pipeline.rollout;

import io.oris.sim.env.MujocoEnv;
import io.oris.sim.env.Step;
import io.oris.storage.TransitionArrays;
import io.oris.storage.TransitionBuilder;

/**
 * Records whole episodes of a behaviour policy in an environment as D4RL-shaped transitions: terminal =
 * ended by the task's rules, timeout = cut by the time limit (kept, flagged, as D4RL files store them),
 * with the MuJoCo state (qpos, qvel) of each observation so that restarts can use true states.
 */
public final class TransitionRecorder {
    private final MujocoEnv env;
    private final TransitionBuilder builder;
    private long nextEpisode;

    public TransitionRecorder(MujocoEnv env, long firstEpisodeId) {
        this.env = env;
        this.builder = new TransitionBuilder(env.observationDim(), env.actionDim(), env.model().nq(), env.model().nv());
        this.nextEpisode = firstEpisodeId;
    }

    /** Plays one episode with {@code policy} (stochastic) and returns its undiscounted return. */
    public double recordEpisode(ActionPolicy policy, int maxRows) {
        long id = nextEpisode++;
        double[] obs = env.reset();
        double total = 0;
        int t = 0;
        int nq = env.model().nq();
        int nv = env.model().nv();
        while (builder.rows() < maxRows) {
            double[] qpos = new double[nq];
            double[] qvel = new double[nv];
            env.data().qpos().get(0, qpos);
            env.data().qvel().get(0, qvel);
            double[] action = clip(policy.act(obs, false));
            Step step = env.step(action);
            builder.add(id, t, toFloat(obs), toFloat(action), (float) step.reward(), toFloat(step.observation()),
                    step.terminated(), step.truncated(), qpos, qvel);
            total += step.reward();
            t++;
            obs = step.observation();
            if (step.done()) {
                break;
            }
        }
        return total;
    }

    public int rows() {
        return builder.rows();
    }

    public TransitionArrays build() {
        return builder.build();
    }

    private static double[] clip(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(-1.0, Math.min(1.0, a[i]));
        }
        return a;
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
