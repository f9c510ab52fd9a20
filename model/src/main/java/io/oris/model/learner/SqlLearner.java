package io.oris.model.learner;

import io.oris.model.config.SacConfig;
import io.oris.model.config.SqlConfig;
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
 * Sparse Q-learning (Xu et al., ICLR 2023, "Offline RL with No OOD Actions: In-Sample Learning via Implicit Value
 * Regularization", Section 4, "SQL"). Only dataset actions are ever evaluated (in-sample learning). With
 * {@code q̄ = min(Q̄1, Q̄2)(s, a)} from the target critics and {@code u = q̄ − V(s)}, one update is, in the order of
 * the authors' code ({@code ryanxhr/IVR}, {@code learner.py}):
 * <ol>
 *   <li>value (the paper's sparse value objective, the IVR value loss with the χ²-type regulariser):
 *       {@code L_V = mean[ 1(1 + u/(2α) > 0)·(1 + u/(2α))² + V(s)/α ]}; V takes its Adam step;</li>
 *   <li>critics (the paper's Q objective, a plain in-sample TD regression on the new V):
 *       {@code L_Q = (mse(Q1, y) + mse(Q2, y))/2}, {@code y = r + γ(1 − done)·V(s')};</li>
 *   <li>actor (the paper's policy extraction by weighted regression, weights from the new V):
 *       {@code L_π = −mean[ w·log π(a|s) ]}, {@code w = min(max(0, 1 + (q̄ − V(s))/(2α)), w_max)} ("sparse", the
 *       paper's density ratio π*(a|s)/μ(a|s) of SQL; {@code sql.actorWeight: advantage} uses
 *       {@code max(0, q̄ − V(s))}, as the authors' {@code actor.py});</li>
 *   <li>critics and actor step, then the target critics follow by Polyak averaging.</li>
 * </ol>
 * The actor is the Gaussian policy of {@link GaussianHead} (mean tanh(f(s)), a learned state-independent log σ,
 * no tanh correction), which is the authors' {@code NormalTanhPolicy} with {@code tanh_squash_distribution=False}
 * and a state-independent std; its learning rate follows a cosine decay over the run. Rewards are scaled by
 * {@code 1000 / (max − min episode return)} as the authors do for locomotion ({@link IqlLearner#rewardScale}, one
 * place for that factor). The paper's PDF is not in this project's library; the equations above are quoted by
 * name, as docs/reference.md §SQL restates them.
 */
public final class SqlLearner extends OfflineBase {
    private final SacConfig sac;
    private final SqlConfig cfg;
    private final boolean cosine;
    private final boolean sparseWeight;
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
    /** min(Q̄1, Q̄2)(s, a) of the current batch (target critics, fixed during the update). */
    private double[] qTarget;

    public SqlLearner(String method, LearnerDims dims, SacConfig sac, SqlConfig cfg, long seed) {
        super(method, dims, sac.dataType(), sac.singleSourceBatch(), seed);
        this.sac = sac;
        this.cfg = cfg;
        if (!(cfg.alpha() > 0)) {
            throw new IllegalArgumentException(method + ": sql.alpha must be positive, got " + cfg.alpha());
        }
        this.cosine = switch (cfg.actorLrSchedule().toLowerCase(Locale.ROOT)) {
            case "cosine" -> true;
            case "constant" -> false;
            default -> throw new IllegalArgumentException(method + ": sql.actorLrSchedule must be cosine or constant,"
                    + " got '" + cfg.actorLrSchedule() + "'");
        };
        if (cosine && cfg.maxSteps() <= 0) {
            throw new IllegalArgumentException(method + ": sql.maxSteps must be positive, got " + cfg.maxSteps());
        }
        this.sparseWeight = switch (cfg.actorWeight().toLowerCase(Locale.ROOT)) {
            case "sparse" -> true;
            case "advantage" -> false;
            default -> throw new IllegalArgumentException(method + ": sql.actorWeight must be sparse or advantage,"
                    + " got '" + cfg.actorWeight() + "'");
        };
        this.rewardScale = IqlLearner.rewardScale(cfg.rewardScale(), dims.dataset(), method, "sql.rewardScale");
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

    @Override
    protected void allocate(int n) {
        actorPass = new MlpPass(actorNet, n, dataType);
        q1Pass = new MlpPass(criticNet, n, dataType);
        q2Pass = new MlpPass(criticNet, n, dataType, q1Pass.input());
        t1Pass = new MlpPass(criticNet, n, dataType, q1Pass.input());
        t2Pass = new MlpPass(criticNet, n, dataType, q1Pass.input());
        vPass = new MlpPass(valueNet, 2 * n, dataType);
        qTarget = new double[n];
    }

    /** Scales the batch's rewards by the dataset's factor (as IQL). */
    @Override
    protected void preprocessBatch() {
        if (Double.isNaN(rewardScale)) {
            throw new IllegalStateException(method + ": sql.rewardScale = returns_range needs the offline dataset's"
                    + " episode return range (LearnerDims.dataset with at least two complete episodes of different"
                    + " returns); set sql.rewardScale to none to train on raw rewards");
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

    /** The factor the rewards are multiplied by (NaN: unknown). */
    public double rewardScale() {
        return rewardScale;
    }

    /** The actor's learning rate at update {@code t} (0-based) under the configured schedule. */
    public double actorLr(long t) {
        return cosine ? CosineAnnealing.lr(cfg.lr(), t, cfg.maxSteps()) : cfg.lr();
    }

    /**
     * One row's term of the sparse value objective, {@code 1(1 + u/(2α) > 0)·(1 + u/(2α))² + v/α} with
     * {@code u = q − v}, and its derivative with respect to v: {@code −(1/α)·max(0, 1 + u/(2α)) + 1/α}.
     *
     * @return {loss, d loss / d v}
     */
    static double[] sparseValueTerm(double q, double v, double alpha) {
        double z = 1 + (q - v) / (2 * alpha);
        double active = z > 0 ? z : 0.0;
        return new double[] {active * z + v / alpha, -active / alpha + 1 / alpha};
    }

    /** The policy-extraction weight of one row: sparse {@code max(0, 1 + u/(2α))} or {@code max(0, u)}, clipped. */
    double actorWeight(double u) {
        double w = sparseWeight ? Math.max(0.0, 1 + u / (2 * cfg.alpha())) : Math.max(0.0, u);
        return Math.min(w, cfg.maxWeight());
    }

    /** Every loss and gradient at the current parameters (value, critics and actor see the same V; a probe). */
    @Override
    public Map<String, Double> lossesAndGradients() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.putAll(valueLossAndGradient());
        m.putAll(criticAndActorLossesAndGradients());
        return m;
    }

    /** Step 1: the sparse value objective on q̄ = min of the target critics; fills V's gradient. */
    Map<String, Double> valueLossAndGradient() {
        int n = rows;
        double[] xq = new double[n * (obsDim + actDim + 1)];
        rowsOf(obs, act, n, obsDim, actDim, xq);
        HostIO.write(xq, q1Pass.input());
        t1Pass.forward(critics.targetWeights(0));
        t2Pass.forward(critics.targetWeights(1));
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        t1Pass.readOutput(t1);
        t2Pass.readOutput(t2);
        double[] v = forwardValue();
        double alpha = cfg.alpha();
        double valueLoss = 0;
        double uMean = 0;
        int active = 0;
        double[] dv = new double[2 * n];
        for (int i = 0; i < n; i++) {
            qTarget[i] = Math.min(t1[i], t2[i]);
            double[] term = sparseValueTerm(qTarget[i], v[i], alpha);
            valueLoss += term[0] / n;
            dv[i] = term[1] / n;
            uMean += (qTarget[i] - v[i]) / n;
            active += 1 + (qTarget[i] - v[i]) / (2 * alpha) > 0 ? 1 : 0;
        }
        check("value_loss", valueLoss);
        vPass.writeOutputGrad(dv);
        vPass.backward(value.weights(0), value.gradients(0), 0, n, 0, n, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value_loss", valueLoss);
        m.put("advantage_mean", uMean);
        m.put("sparse_active_fraction", (double) active / n);
        return m;
    }

    /** Steps 2-3: the critics' TD regression onto r + γ(1 − done)V(s') and the weighted-regression actor loss. */
    Map<String, Double> criticAndActorLossesAndGradients() {
        int n = rows;
        int inS = obsDim + 1;
        double[] xq = new double[n * (obsDim + actDim + 1)];
        rowsOf(obs, act, n, obsDim, actDim, xq);
        HostIO.write(xq, q1Pass.input());
        q1Pass.forward(critics.weights(0));
        q2Pass.forward(critics.weights(1));
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        q1Pass.readOutput(q1);
        q2Pass.readOutput(q2);
        double[] v = forwardValue();
        double criticLoss = 0;
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double[] weight = new double[n];
        double weightMean = 0;
        for (int i = 0; i < n; i++) {
            double y = rew[i] + sac.gamma() * (1 - done[i]) * v[n + i];
            criticLoss += ((q1[i] - y) * (q1[i] - y) + (q2[i] - y) * (q2[i] - y)) / (2 * n);
            d1[i] = (q1[i] - y) / n;
            d2[i] = (q2[i] - y) / n;
            weight[i] = actorWeight(qTarget[i] - v[i]);
            weightMean += weight[i] / n;
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
        check("critic_loss", criticLoss);
        check("actor_loss", actorLoss);
        q1Pass.writeOutputGrad(d1);
        q1Pass.backward(critics.weights(0), critics.gradients(0), 0, n, 0, n, false, false);
        q2Pass.writeOutputGrad(d2);
        q2Pass.backward(critics.weights(1), critics.gradients(1), 0, n, 0, n, false, false);
        actorPass.writeOutputGrad(dOut);
        actorPass.backward(actor.weights(0), actor.gradients(0), 0, n, 0, n, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("critic_loss", criticLoss);
        m.put("actor_loss", actorLoss);
        m.put("actor_weight_mean", weightMean);
        m.put("actor_lr", actorLr(step));
        return m;
    }

    /** V on [s; s'] (rows [0, n) and [n, 2n)). */
    private double[] forwardValue() {
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

    /**
     * The authors' order: V steps first; critics and actor then use the stepped V (for y and for the weights);
     * critics and actor step; the target critics follow.
     */
    @Override
    protected Map<String, Double> train() {
        Map<String, Double> m = new LinkedHashMap<>(valueLossAndGradient());
        valueAdam.step();
        m.putAll(criticAndActorLossesAndGradients());
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
