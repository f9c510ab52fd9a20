package io.oris.model.learner;

import io.oris.model.config.IqlConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.nn.Adam;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.TanhGaussianHead;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implicit Q-learning (Kostrikov et al. 2021): value loss {@code mean |τ − 1(u<0)| u²} with
 * {@code u = min Q̄(s,a) − V(s)} (target critics), critic loss {@code (mse(Q1, y) + mse(Q2, y)) / 2} with
 * {@code y = r + γ(1−done) V(s')}, and advantage-weighted regression for the actor:
 * {@code −mean min(exp(β u), w_max) · log π(a|s)} (tanh-Gaussian actor, log-density at the data action). All terms
 * use the parameters before the update; the target critics follow by Polyak averaging.
 */
public final class IqlLearner extends OfflineBase {
    private final SacConfig sac;
    private final IqlConfig cfg;
    private final Mlp actorNet;
    private final Mlp criticNet;
    private final Mlp valueNet;
    private final ParamGroup actor;
    private final ParamGroup critics;
    private final ParamGroup value;
    private final Adam actorAdam;
    private final Adam criticAdam;
    private final Adam valueAdam;
    private final TanhGaussianHead head;
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
        this.actorNet = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), 2 * actDim));
        this.criticNet = new Mlp(SacLearner.sizes(obsDim + actDim, sac.hidden(), 1));
        this.valueNet = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), 1));
        this.actor = ParamGroup.initialised(List.of(actorNet), dataType, false, rng, sac.lastLayerGain());
        this.critics = ParamGroup.initialised(List.of(criticNet, criticNet), dataType, true, rng, 0.0);
        this.value = ParamGroup.initialised(List.of(valueNet), dataType, false, rng, 0.0);
        this.actorAdam = new Adam(actor, cfg.lr());
        this.criticAdam = new Adam(critics, cfg.lr());
        this.valueAdam = new Adam(value, cfg.lr());
        this.head = new TanhGaussianHead(actDim, sac.logStdMin(), sac.logStdMax());
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

    public ParamGroup criticGroup() {
        return critics;
    }

    public ParamGroup valueGroup() {
        return value;
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
        double[] raw = new double[n * 2 * actDim];
        actorPass.readOutput(raw);
        double[] logp = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = -weight[i] / n;
        }
        double[] dRaw = new double[n * 2 * actDim];
        head.logProbOf(raw, act, n, logp, scale, dRaw);
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
        actorPass.writeOutputGrad(dRaw);
        actorPass.backward(actor.weights(0), actor.gradients(0), 0, n, 0, n, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value_loss", valueLoss);
        m.put("critic_loss", criticLoss);
        m.put("actor_loss", actorLoss);
        m.put("advantage_mean", advMean);
        return m;
    }

    @Override
    protected void applyGradients() {
        valueAdam.step();
        actorAdam.step();
        criticAdam.step();
        critics.polyak(sac.tau());
    }

    @Override
    protected Mlp actorNet() {
        return actorNet;
    }

    @Override
    public ParamGroup actorGroup() {
        return actor;
    }

    @Override
    protected boolean gaussianActor() {
        return true;
    }

    @Override
    protected void saveState(StateWriter w) throws IOException {
        w.array("actor", actor.params()).array("critics", critics.params())
                .array("critics.target", critics.target()).array("value", value.params());
        actorAdam.save(w, "actor.adam");
        criticAdam.save(w, "critics.adam");
        valueAdam.save(w, "value.adam");
    }

    @Override
    protected void loadState(StateReader r) throws IOException {
        r.into("actor", actor.params());
        r.into("critics", critics.params());
        r.into("critics.target", critics.target());
        r.into("value", value.params());
        actorAdam.load(r, "actor.adam");
        criticAdam.load(r, "critics.adam");
        valueAdam.load(r, "value.adam");
    }
}
