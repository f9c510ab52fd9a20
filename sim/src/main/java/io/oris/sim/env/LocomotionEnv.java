package io.oris.sim.env;

import io.oris.sim.MujocoData;
import io.oris.sim.MujocoModel;
import io.oris.sim.mujoco.global.mujoco;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Shared machinery of the planar MuJoCo locomotion tasks: its own model copy with the dynamics gap applied,
 * one {@code mjData}, frame skip, time limit, action noise, and the observation layout
 * {@code qpos[1:] ++ qvel} (root x excluded, which is what makes {@link #resetTo} possible). Subclasses
 * give the task's reward, termination rule, velocity clip and reset noise.
 */
public abstract class LocomotionEnv implements MujocoEnv {
    private final Task task;
    private final DynamicsGap gap;
    private final MujocoModel model;
    private final MujocoData data;
    private final DoubleBuffer qpos;
    private final DoubleBuffer qvel;
    private final DoubleBuffer ctrl;
    private final double[] initQpos;
    private final double[] initQvel;
    private final double controlDt;
    private final int nq;
    private final int nv;
    private SplittableRandom resetRng;
    private SplittableRandom noiseRng;
    private int elapsed;

    protected LocomotionEnv(Task task, DynamicsGap gap, long seed) {
        if (gap.pickPlace() != null) {
            throw new IllegalArgumentException("dynamics gap '" + gap + "' changes the pick-place dynamics, which "
                    + task.id() + " does not have (use gravity, friction, density, action_noise)");
        }
        this.task = task;
        this.gap = gap;
        this.model = MujocoModel.fromXml(readModel(task), task.id());
        try {
            gap.applyTo(model, task.massNormalized());
            this.data = new MujocoData(model);
            mujoco.mj_setConst(model.raw(), data.raw());
            data.reset();
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        this.nq = model.nq();
        this.nv = model.nv();
        if (nq - 1 + nv != task.observationDim() || model.nu() != task.actionDim()) {
            close();
            throw new IllegalStateException("model of " + task.id() + " has nq=" + nq + ", nv=" + nv + ", nu="
                    + model.nu() + "; expected observation dim " + task.observationDim() + " and action dim "
                    + task.actionDim());
        }
        this.qpos = data.qpos();
        this.qvel = data.qvel();
        this.ctrl = data.ctrl();
        this.initQpos = new double[nq];
        this.initQvel = new double[nv];
        qpos.get(0, initQpos);
        qvel.get(0, initQvel);
        this.controlDt = model.timestep() * task.frameSkip();
        seed(seed);
    }

    private static String readModel(Task task) {
        try (InputStream in = LocomotionEnv.class.getResourceAsStream(task.modelResource())) {
            if (in == null) {
                throw new IllegalStateException("model resource " + task.modelResource() + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model resource " + task.modelResource(), e);
        }
    }

    @Override
    public final void seed(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        this.resetRng = root.split();
        this.noiseRng = root.split();
    }

    @Override
    public String name() {
        return task.id() + "[" + gap + "]";
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public DynamicsGap gap() {
        return gap;
    }

    @Override
    public int observationDim() {
        return task.observationDim();
    }

    @Override
    public int actionDim() {
        return task.actionDim();
    }

    @Override
    public int elapsedSteps() {
        return elapsed;
    }

    @Override
    public double controlDt() {
        return controlDt;
    }

    @Override
    public double[] reset() {
        data.reset();
        double[] q = initQpos.clone();
        double[] v = initQvel.clone();
        resetNoise(q, v, resetRng);
        qpos.put(0, q);
        qvel.put(0, v);
        data.forward();
        elapsed = 0;
        return observation();
    }

    @Override
    public double[] resetTo(double[] observation) {
        if (observation.length != observationDim()) {
            throw new IllegalArgumentException(name() + ": resetTo needs an observation of length "
                    + observationDim() + ", got " + observation.length);
        }
        for (int i = 0; i < observation.length; i++) {
            if (!Double.isFinite(observation[i])) {
                throw new IllegalArgumentException(name() + ": resetTo observation[" + i + "] is not finite: "
                        + observation[i]);
            }
        }
        data.reset();
        qpos.put(0, 0.0);
        qpos.put(1, observation, 0, nq - 1);
        qvel.put(0, observation, nq - 1, nv);
        data.forward();
        elapsed = 0;
        return observation();
    }

    @Override
    public Step step(double[] action) {
        if (action.length != actionDim()) {
            throw new IllegalArgumentException(name() + ": action must have " + actionDim() + " components, got "
                    + action.length);
        }
        double[] applied = action;
        if (gap.actionNoise() > 0) {
            applied = new double[action.length];
            for (int i = 0; i < action.length; i++) {
                applied[i] = action[i] + gap.actionNoise() * noiseRng.nextGaussian();
            }
        }
        for (int i = 0; i < applied.length; i++) {
            if (!Double.isFinite(applied[i])) {
                throw new IllegalArgumentException(name() + ": action[" + i + "] is not finite: " + action[i]);
            }
            ctrl.put(i, applied[i]);
        }
        double xBefore = qpos.get(0);
        int warningsBefore = data.divergenceWarnings();
        data.step(task.frameSkip());
        double xAfter = qpos.get(0);
        elapsed++;
        boolean diverged = data.divergenceWarnings() != warningsBefore;
        double reward = reward((xAfter - xBefore) / controlDt, applied);
        boolean terminated = diverged || !healthy(qpos, qvel);
        boolean truncated = !terminated && elapsed >= task.maxEpisodeSteps();
        return new Step(observation(), reward, terminated, truncated, action.clone());
    }

    @Override
    public double[] observation() {
        double[] obs = new double[nq - 1 + nv];
        qpos.get(1, obs, 0, nq - 1);
        qvel.get(0, obs, nq - 1, nv);
        double clip = velocityClip();
        if (Double.isFinite(clip)) {
            for (int i = nq - 1; i < obs.length; i++) {
                obs[i] = Math.max(-clip, Math.min(clip, obs[i]));
            }
        }
        return obs;
    }

    @Override
    public MujocoData data() {
        return data;
    }

    @Override
    public MujocoModel model() {
        return model;
    }

    /** Reward of a control step given the forward velocity Δx/dt and the action the simulator applied. */
    protected abstract double reward(double forwardVelocity, double[] appliedAction);

    /** Whether the state may continue (false ends the episode as terminated). */
    protected abstract boolean healthy(DoubleBuffer qpos, DoubleBuffer qvel);

    /** Observed velocities are clipped to ±this (infinite: no clip). */
    protected abstract double velocityClip();

    /** Adds the task's reset noise to the reference pose. */
    protected abstract void resetNoise(double[] qpos, double[] qvel, SplittableRandom rng);

    /** Uniform noise U(−scale, scale) on every entry, as the hopper and walker2d resets use. */
    protected static void uniformNoise(double[] values, double scale, SplittableRandom rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] += rng.nextDouble(-scale, scale);
        }
    }

    protected static double squaredNorm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return s;
    }

    @Override
    public void close() {
        data.close();
        model.close();
    }
}
