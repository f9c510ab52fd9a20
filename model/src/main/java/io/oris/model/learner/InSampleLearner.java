package io.oris.model.learner;

import io.oris.model.config.SacConfig;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.nn.Adam;
import io.oris.model.nn.CosineAnnealing;
import io.oris.model.nn.GaussianHead;
import io.oris.model.nn.HostAdam;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.HostMlp;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * What the in-sample value learners IQL and SQL share: they evaluate only dataset actions, with a state value V(s),
 * twin critics Q1, Q2 and target critics, and extract the policy by weighted regression on the dataset actions with
 * a Gaussian actor ({@link GaussianHead}: mean tanh(f(s)), a learned state-independent log σ) whose learning rate may
 * follow a cosine over the run; rewards are scaled by the dataset's return range. The subclasses differ in the value
 * objective (IQL's expectile, SQL's sparse χ² one), the actor weights and the order of the steps, so each keeps its
 * update readable top to bottom; this class holds the networks, optimisers, forward passes, the two shared loss
 * pieces ({@link #criticTd}, {@link #weightedRegression}), the policy and the snapshot.
 */
abstract class InSampleLearner extends OfflineBase {
    /** The IQL paper's locomotion reward normalisation multiplies by this over the return range (CORL too). */
    static final double RETURN_RANGE_TARGET = 1000.0;
    protected final SacConfig sac;
    private final String prefix;
    private final double lr;
    private final boolean cosine;
    private final long maxSteps;
    private final Mlp actorNet;
    private final Mlp criticNet;
    private final Mlp valueNet;
    protected final ParamGroup actor;
    protected final ParamGroup critics;
    protected final ParamGroup value;
    private final double[] logStd;
    private final double[] logStdGrad;
    private final Adam actorAdam;
    private final HostAdam logStdAdam;
    private final Adam criticAdam;
    protected final Adam valueAdam;
    private final GaussianHead head;
    private double rewardScale;
    protected MlpPass actorPass;
    protected MlpPass q1Pass;
    protected MlpPass q2Pass;
    protected MlpPass t1Pass;
    protected MlpPass t2Pass;
    protected MlpPass vPass;

    /**
     * @param prefix         the config group of the subclass ({@code iql}, {@code sql}), for error messages
     * @param lr             learning rate of every network
     * @param actorSchedule  {@code cosine} or {@code constant}
     * @param maxSteps       the cosine schedule's length
     * @param rewardScaling  {@code returns_range} or {@code none}
     */
    InSampleLearner(String method, LearnerDims dims, SacConfig sac, String prefix, double lr, String actorSchedule,
                    long maxSteps, String rewardScaling, long seed) {
        super(method, dims, sac.dataType(), sac.singleSourceBatch(), seed);
        this.sac = sac;
        this.prefix = prefix;
        this.lr = lr;
        this.maxSteps = maxSteps;
        this.cosine = switch (actorSchedule.toLowerCase(Locale.ROOT)) {
            case "cosine" -> true;
            case "constant" -> false;
            default -> throw new IllegalArgumentException(method + ": " + prefix + ".actorLrSchedule must be cosine or"
                    + " constant, got '" + actorSchedule + "'");
        };
        if (cosine && maxSteps <= 0) {
            throw new IllegalArgumentException(method + ": " + prefix + ".maxSteps must be positive, got " + maxSteps);
        }
        this.rewardScale = rewardScale(rewardScaling, dims.dataset(), method, prefix + ".rewardScale");
        this.actorNet = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), actDim));
        this.criticNet = new Mlp(SacLearner.sizes(obsDim + actDim, sac.hidden(), 1));
        this.valueNet = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), 1));
        this.actor = ParamGroup.initialised(List.of(actorNet), dataType, false, rng, 0.0);
        this.critics = ParamGroup.initialised(List.of(criticNet, criticNet), dataType, true, rng, 0.0);
        this.value = ParamGroup.initialised(List.of(valueNet), dataType, false, rng, 0.0);
        this.logStd = new double[actDim];
        this.logStdGrad = new double[actDim];
        this.actorAdam = new Adam(actor, lr);
        this.logStdAdam = new HostAdam(actDim);
        this.criticAdam = new Adam(critics, lr);
        this.valueAdam = new Adam(value, lr);
        this.head = new GaussianHead(actDim, sac.logStdMin(), sac.logStdMax());
    }

    /**
     * The reward factor for {@code <prefix>.rewardScale} (named by {@code key}): 1 for "none";
     * {@code 1000 / (max − min episode return)} for "returns_range", or NaN when the dataset's return range is not
     * known (then only a snapshot can supply it: training without one fails).
     */
    static double rewardScale(String mode, DatasetStats data, String method, String key) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "none" -> 1.0;
            case "returns_range" -> data != null && data.hasReturnRange()
                    ? RETURN_RANGE_TARGET / data.returnRange() : Double.NaN;
            default -> throw new IllegalArgumentException(method + ": " + key + " must be returns_range or none,"
                    + " got '" + mode + "'");
        };
    }

    @Override
    protected void allocate(int n) {
        actorPass = new MlpPass(actorNet, n, dataType);
        q1Pass = new MlpPass(criticNet, n, dataType);
        q2Pass = new MlpPass(criticNet, n, dataType, q1Pass.input());
        t1Pass = new MlpPass(criticNet, n, dataType, q1Pass.input());
        t2Pass = new MlpPass(criticNet, n, dataType, q1Pass.input());
        vPass = new MlpPass(valueNet, 2 * n, dataType);
    }

    /** Scales the batch's rewards by the dataset's factor. */
    @Override
    protected void preprocessBatch() {
        if (Double.isNaN(rewardScale)) {
            throw new IllegalStateException(method + ": " + prefix + ".rewardScale = returns_range needs the offline"
                    + " dataset's episode return range (LearnerDims.dataset with at least two complete episodes of"
                    + " different returns); set " + prefix + ".rewardScale to none to train on raw rewards");
        }
        for (int i = 0; i < rows; i++) {
            rew[i] *= rewardScale;
        }
    }

    public ParamGroup actorGroup() {
        return actor;
    }

    public ParamGroup criticGroup() {
        return critics;
    }

    public ParamGroup valueGroup() {
        return value;
    }

    /** The learned log σ before the clamp (live: the tests perturb it). */
    double[] logStd() {
        return logStd;
    }

    /** d actor_loss / d log σ of the last actor loss computed. */
    double[] logStdGradient() {
        return logStdGrad;
    }

    /** The factor the rewards are multiplied by (NaN: unknown, see {@link #rewardScale(String, DatasetStats, String, String)}). */
    public double rewardScale() {
        return rewardScale;
    }

    /** The actor's learning rate at update {@code t} (0-based) under the configured schedule. */
    public double actorLr(long t) {
        return cosine ? CosineAnnealing.lr(lr, t, maxSteps) : lr;
    }

    /** Writes the batch's (s, a) rows into the critics' shared input. */
    protected void writeCriticInput() {
        double[] xq = new double[rows * (obsDim + actDim + 1)];
        rowsOf(obs, act, rows, obsDim, actDim, xq);
        HostIO.write(xq, q1Pass.input());
    }

    /** min(Q̄1, Q̄2)(s, a) of the target critics ({@link #writeCriticInput} first). */
    protected double[] targetMin() {
        int n = rows;
        t1Pass.forward(critics.targetWeights(0));
        t2Pass.forward(critics.targetWeights(1));
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        t1Pass.readOutput(t1);
        t2Pass.readOutput(t2);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = Math.min(t1[i], t2[i]);
        }
        return q;
    }

    /** V on [s; s'] (rows [0, n) and [n, 2n)). */
    protected double[] forwardValue() {
        int n = rows;
        int inS = obsDim + 1;
        double[] xv = new double[2 * n * inS];
        double[] half = new double[n * inS];
        rowsOf(obs, null, n, obsDim, 0, half);
        System.arraycopy(half, 0, xv, 0, n * inS);
        rowsOf(next, null, n, obsDim, 0, half);
        System.arraycopy(half, 0, xv, n * inS, n * inS);
        HostIO.write(xv, vPass.input());
        vPass.forward(value.weights(0));
        double[] v = new double[2 * n];
        vPass.readOutput(v);
        return v;
    }

    /** Back-propagates d L_V / d V(s) (rows [0, n); V(s') gets no gradient) into V's gradients. */
    protected void backwardValue(double[] dv) {
        vPass.writeOutputGrad(dv);
        vPass.backward(value.weights(0), value.gradients(0), 0, rows, 0, rows, false, false);
    }

    /**
     * The critics' in-sample TD regression {@code (mse(Q1, y) + mse(Q2, y)) / 2} with
     * {@code y = r + γ(1 − done)·V(s')} ({@code v} from {@link #forwardValue}; {@link #writeCriticInput} first): runs
     * the online critics forward and backward and returns the loss.
     */
    protected double criticTd(double[] v) {
        int n = rows;
        q1Pass.forward(critics.weights(0));
        q2Pass.forward(critics.weights(1));
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        q1Pass.readOutput(q1);
        q2Pass.readOutput(q2);
        double loss = 0;
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            double y = rew[i] + sac.gamma() * (1 - done[i]) * v[n + i];
            loss += ((q1[i] - y) * (q1[i] - y) + (q2[i] - y) * (q2[i] - y)) / (2 * n);
            d1[i] = (q1[i] - y) / n;
            d2[i] = (q2[i] - y) / n;
        }
        check("critic_loss", loss);
        q1Pass.writeOutputGrad(d1);
        q1Pass.backward(critics.weights(0), critics.gradients(0), 0, n, 0, n, false, false);
        q2Pass.writeOutputGrad(d2);
        q2Pass.backward(critics.weights(1), critics.gradients(1), 0, n, 0, n, false, false);
        return loss;
    }

    /**
     * The policy extraction {@code L_π = −mean[ w·log π(a|s) ]} on the dataset actions with the given per-row weights:
     * runs the actor forward and backward (log σ's gradient included) and returns the loss.
     */
    protected double weightedRegression(double[] weight) {
        int n = rows;
        double[] xa = new double[n * (obsDim + 1)];
        rowsOf(obs, null, n, obsDim, 0, xa);
        HostIO.write(xa, actorPass.input());
        actorPass.forward(actor.weights(0));
        double[] out = new double[n * actDim];
        actorPass.readOutput(out);
        double[] logp = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = -weight[i] / n;
        }
        double[] dOut = new double[n * actDim];
        head.logProb(out, logStd, act, n, logp, scale, dOut, logStdGrad);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss += -weight[i] * logp[i] / n;
        }
        check("actor_loss", loss);
        actorPass.writeOutputGrad(dOut);
        actorPass.backward(actor.weights(0), actor.gradients(0), 0, n, 0, n, false, false);
        return loss;
    }

    /** The critics' and the actor's steps (the actor's at the scheduled rate), then the target critics' Polyak step. */
    protected void stepCriticsActorAndTargets() {
        criticAdam.step();
        double a = actorLr(step);
        actorAdam.step(a);
        logStdAdam.step(logStd, logStdGrad, a);
        critics.polyak(sac.tau());
    }

    @Override
    protected ExportablePolicy buildPolicy() {
        return new GaussianPolicy(new HostMlp(actorNet, HostIO.toHost(actor.params()), 0), logStd, head);
    }

    @Override
    protected void saveState(StateWriter w) throws IOException {
        w.array("actor", actor.params()).doubles("actor.log_std", logStd).array("critics", critics.params())
                .array("critics.target", critics.target()).array("value", value.params())
                .doubles("reward_scale", new double[] {rewardScale});
        actorAdam.save(w, "actor.adam");
        logStdAdam.save(w, "actor.log_std.adam");
        criticAdam.save(w, "critics.adam");
        valueAdam.save(w, "value.adam");
    }

    /** Restores everything, the reward factor included (a learner built without dataset statistics gets it here). */
    @Override
    protected void loadState(StateReader r) throws IOException {
        r.into("actor", actor.params());
        double[] ls = r.doubles("actor.log_std");
        if (ls.length != actDim) {
            throw new IOException("learner state entry 'actor.log_std' has " + ls.length + " values, expected " + actDim);
        }
        System.arraycopy(ls, 0, logStd, 0, actDim);
        r.into("critics", critics.params());
        r.into("critics.target", critics.target());
        r.into("value", value.params());
        rewardScale = r.doubles("reward_scale")[0];
        actorAdam.load(r, "actor.adam");
        logStdAdam.load(r, "actor.log_std.adam");
        criticAdam.load(r, "critics.adam");
        valueAdam.load(r, "value.adam");
    }
}
