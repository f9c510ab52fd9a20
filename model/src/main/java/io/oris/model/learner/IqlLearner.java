package io.oris.model.learner;

import io.oris.model.config.IqlConfig;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Implicit Q-learning (Kostrikov et al. 2021) for locomotion as CORL's {@code iql.py} implements it. Per update, with
 * {@code u = min(Q̄1, Q̄2)(s,a) − V(s)} (target critics, V and u before this update's steps):
 * <ul>
 *   <li>value: expectile loss {@code mean |τ − 1(u<0)| u²};</li>
 *   <li>critics: {@code (mse(Q1, y) + mse(Q2, y)) / 2} with {@code y = r + γ(1−done) V(s')};</li>
 *   <li>actor: advantage-weighted regression {@code −mean min(exp(β u), w_max) · log π(a|s)} with the Gaussian policy
 *       {@link GaussianHead} (mean tanh(f(s)), a learned state-independent log σ, no tanh correction), its learning
 *       rate annealed by a cosine over the run ({@code iql.actorLrSchedule}, {@code iql.maxSteps});</li>
 * </ul>
 * then V, Q and actor step (CORL's order) and the target critics follow by Polyak averaging. Rewards are multiplied
 * by {@code 1000 / (max − min episode return)} of the offline dataset ({@code iql.rewardScale}); the factor comes
 * from {@link LearnerDims#dataset()} and is saved in snapshots. Networks use PyTorch's default initialisation, as
 * CORL's MLPs do.
 */
public final class IqlLearner extends OfflineBase {
    /** The IQL paper's locomotion reward normalisation multiplies by this over the return range (CORL too). */
    static final double RETURN_RANGE_TARGET = 1000.0;
    private final SacConfig sac;
    private final IqlConfig cfg;
    private final boolean cosine;
    private final Mlp actorNet;
    private final Mlp criticNet;
    private final Mlp valueNet;
    private final ParamGroup actor;
    private final ParamGroup critics;
    private final ParamGroup value;
    private final double[] logStd;
    private final double[] logStdGrad;
    private final Adam actorAdam;
    private final HostAdam logStdAdam;
    private final Adam criticAdam;
    private final Adam valueAdam;
    private final GaussianHead head;
    private double rewardScale;
    private MlpPass actorPass;
    private MlpPass q1Pass;
    private MlpPass q2Pass;
    private MlpPass t1Pass;
    private MlpPass t2Pass;
    private MlpPass vPass;

    public IqlLearner(String method, LearnerDims dims, SacConfig sac, IqlConfig cfg, long seed) {
        super(method, dims, sac.dataType(), sac.singleSourceBatch(), seed);
        this.sac = sac;
        this.cfg = cfg;
        this.cosine = switch (cfg.actorLrSchedule().toLowerCase(Locale.ROOT)) {
            case "cosine" -> true;
            case "constant" -> false;
            default -> throw new IllegalArgumentException(method + ": iql.actorLrSchedule must be cosine or constant,"
                    + " got '" + cfg.actorLrSchedule() + "'");
        };
        if (cosine && cfg.maxSteps() <= 0) {
            throw new IllegalArgumentException(method + ": iql.maxSteps must be positive, got " + cfg.maxSteps());
        }
        this.rewardScale = rewardScale(cfg.rewardScale(), dims.dataset(), method, "iql.rewardScale");
        this.actorNet = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), actDim));
        this.criticNet = new Mlp(SacLearner.sizes(obsDim + actDim, sac.hidden(), 1));
        this.valueNet = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), 1));
        this.actor = ParamGroup.initialised(List.of(actorNet), dataType, false, rng, 0.0);
        this.critics = ParamGroup.initialised(List.of(criticNet, criticNet), dataType, true, rng, 0.0);
        this.value = ParamGroup.initialised(List.of(valueNet), dataType, false, rng, 0.0);
        this.logStd = new double[actDim];
        this.logStdGrad = new double[actDim];
        this.actorAdam = new Adam(actor, cfg.lr());
        this.logStdAdam = new HostAdam(actDim);
        this.criticAdam = new Adam(critics, cfg.lr());
        this.valueAdam = new Adam(value, cfg.lr());
        this.head = new GaussianHead(actDim, sac.logStdMin(), sac.logStdMax());
    }

    /**
     * The reward factor for {@code iql.rewardScale} (and SQL's {@code sql.rewardScale}, named by {@code key}): 1 for "none"; {@code 1000 / (max − min episode return)} for
     * "returns_range", or NaN when the dataset's return range is not known (then only a snapshot can supply it:
     * training without one fails).
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
            throw new IllegalStateException(method + ": iql.rewardScale = returns_range needs the offline dataset's"
                    + " episode return range (LearnerDims.dataset with at least two complete episodes of different"
                    + " returns); set iql.rewardScale to none to train on raw rewards");
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

    /** d actor_loss / d log σ of the last {@link #lossesAndGradients()}. */
    double[] logStdGradient() {
        return logStdGrad;
    }

    /** The factor the rewards are multiplied by (NaN: unknown, see {@link #rewardScale(String, DatasetStats, String, String)}). */
    public double rewardScale() {
        return rewardScale;
    }

    /** The actor's learning rate at update {@code t} (0-based) under the configured schedule. */
    public double actorLr(long t) {
        return cosine ? CosineAnnealing.lr(cfg.lr(), t, cfg.maxSteps()) : cfg.lr();
    }

    @Override
    public Map<String, Double> lossesAndGradients() {
        int n = rows;
        int inS = obsDim + 1;
        int inQ = obsDim + actDim + 1;
        double[] xq = new double[n * inQ];
        rowsOf(obs, act, n, obsDim, actDim, xq);
        HostIO.write(xq, q1Pass.input());
        q1Pass.forward(critics.weights(0));
        q2Pass.forward(critics.weights(1));
        t1Pass.forward(critics.targetWeights(0));
        t2Pass.forward(critics.targetWeights(1));
        double[] xv = new double[2 * n * inS];
        double[] half = new double[n * inS];
        rowsOf(obs, null, n, obsDim, 0, half);
        System.arraycopy(half, 0, xv, 0, n * inS);
        rowsOf(next, null, n, obsDim, 0, half);
        System.arraycopy(half, 0, xv, n * inS, n * inS);
        HostIO.write(xv, vPass.input());
        vPass.forward(value.weights(0));
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        double[] v = new double[2 * n];
        q1Pass.readOutput(q1);
        q2Pass.readOutput(q2);
        t1Pass.readOutput(t1);
        t2Pass.readOutput(t2);
        vPass.readOutput(v);
        double valueLoss = 0;
        double criticLoss = 0;
        double[] dv = new double[2 * n];
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double[] weight = new double[n];
        double advMean = 0;
        for (int i = 0; i < n; i++) {
            double u = Math.min(t1[i], t2[i]) - v[i];
            double wt = Math.abs(cfg.expectile() - (u < 0 ? 1 : 0));
            valueLoss += wt * u * u / n;
            dv[i] = -2 * wt * u / n;
            double y = rew[i] + sac.gamma() * (1 - done[i]) * v[n + i];
            criticLoss += ((q1[i] - y) * (q1[i] - y) + (q2[i] - y) * (q2[i] - y)) / (2 * n);
            d1[i] = (q1[i] - y) / n;
            d2[i] = (q2[i] - y) / n;
            weight[i] = Math.min(Math.exp(cfg.beta() * u), cfg.maxWeight());
            advMean += u / n;
        }
        double[] xa = new double[n * inS];
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
        double actorLoss = 0;
        for (int i = 0; i < n; i++) {
            actorLoss += -weight[i] * logp[i] / n;
        }
        check("value_loss", valueLoss);
        check("critic_loss", criticLoss);
        check("actor_loss", actorLoss);
        vPass.writeOutputGrad(dv);
        vPass.backward(value.weights(0), value.gradients(0), 0, n, 0, n, false, false);
        q1Pass.writeOutputGrad(d1);
        q1Pass.backward(critics.weights(0), critics.gradients(0), 0, n, 0, n, false, false);
        q2Pass.writeOutputGrad(d2);
        q2Pass.backward(critics.weights(1), critics.gradients(1), 0, n, 0, n, false, false);
        actorPass.writeOutputGrad(dOut);
        actorPass.backward(actor.weights(0), actor.gradients(0), 0, n, 0, n, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value_loss", valueLoss);
        m.put("critic_loss", criticLoss);
        m.put("actor_loss", actorLoss);
        m.put("advantage_mean", advMean);
        m.put("actor_lr", actorLr(step));
        return m;
    }

    /**
     * CORL's order: V, then Q, then the actor (network and log σ, at the scheduled learning rate), then the target
     * critics. Every loss was computed before any step (V(s') and u come from the V before its step, as CORL computes
     * them first), so the order changes no number; it is kept for readability against the reference.
     */
    @Override
    protected Map<String, Double> train() {
        Map<String, Double> m = lossesAndGradients();
        valueAdam.step();
        criticAdam.step();
        double lr = actorLr(step);
        actorAdam.step(lr);
        logStdAdam.step(logStd, logStdGrad, lr);
        critics.polyak(sac.tau());
        return m;
    }

    @Override
    protected Policy buildPolicy() {
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
