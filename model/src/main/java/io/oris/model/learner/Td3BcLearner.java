package io.oris.model.learner;

import io.oris.model.config.SacConfig;
import io.oris.model.config.Td3BcConfig;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.nn.Adam;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TD3+BC (Fujimoto and Gu 2021): TD3 with twin critics, target policy smoothing ({@code a' = clip(π'(s') +
 * clip(N(0,σ²), ±c), ±1)}) and a delayed actor whose loss is {@code −λ·mean Q1(s, π(s)) + mean (π(s) − a)²} with
 * {@code λ = α / mean|Q1(s, π(s))|} (detached). Targets move with the actor, every {@code policyDelay} updates.
 * State normalisation (as in the paper) is the data pipeline's job.
 */
public final class Td3BcLearner extends OfflineBase {
    private final SacConfig sac;
    private final Td3BcConfig cfg;
    private final Mlp actorNet;
    private final Mlp criticNet;
    private final ParamGroup actor;
    private final ParamGroup critics;
    private final Adam actorAdam;
    private final Adam criticAdam;
    private MlpPass actorPass;
    private MlpPass targetActorPass;
    private MlpPass q1Pass;
    private MlpPass q2Pass;
    private MlpPass t1Pass;
    private MlpPass t2Pass;
    private double[] smoothing;
    private boolean actorStep;
    private double lambda;

    public Td3BcLearner(String method, LearnerDims dims, SacConfig sac, Td3BcConfig cfg, long seed) {
        super(method, dims, sac.dataType(), sac.singleSourceBatch(), seed);
        this.sac = sac;
        this.cfg = cfg;
        this.actorNet = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), actDim));
        this.criticNet = new Mlp(SacLearner.sizes(obsDim + actDim, sac.hidden(), 1));
        this.actor = ParamGroup.initialised(List.of(actorNet), dataType, true, rng, 0.0);
        this.critics = ParamGroup.initialised(List.of(criticNet, criticNet), dataType, true, rng, 0.0);
        this.actorAdam = new Adam(actor, cfg.lr());
        this.criticAdam = new Adam(critics, cfg.lr());
    }

    @Override
    protected void allocate(int n) {
        actorPass = new MlpPass(actorNet, n, dataType);
        targetActorPass = new MlpPass(actorNet, n, dataType);
        q1Pass = new MlpPass(criticNet, 2 * n, dataType);
        q2Pass = new MlpPass(criticNet, 2 * n, dataType, q1Pass.input());
        t1Pass = new MlpPass(criticNet, n, dataType);
        t2Pass = new MlpPass(criticNet, n, dataType, t1Pass.input());
        smoothing = new double[n * actDim];
    }

    @Override
    protected void drawNoise() {
        for (int i = 0; i < smoothing.length; i++) {
            smoothing[i] = Math.max(-cfg.noiseClip(), Math.min(cfg.noiseClip(), cfg.policyNoise() * rng.nextGaussian()));
        }
        actorStep = (step + 1) % cfg.policyDelay() == 0;
    }

    /** Target smoothing noise of the current update (already clipped). */
    public double[] smoothingNoise() {
        return smoothing;
    }

    public ParamGroup criticGroup() {
        return critics;
    }

    /** Whether the current update also trains the actor (delayed policy update). */
    public boolean isActorStep() {
        return actorStep;
    }

    @Override
    public Map<String, Double> lossesAndGradients() {
        int n = rows;
        int inA = obsDim + 1;
        int inQ = obsDim + actDim + 1;
        double[] xs = new double[n * inA];
        double[] xn = new double[n * inA];
        rowsOf(obs, null, n, obsDim, 0, xs);
        rowsOf(next, null, n, obsDim, 0, xn);
        HostIO.write(xs, actorPass.input());
        HostIO.write(xn, targetActorPass.input());
        actorPass.forward(actor.weights(0));
        targetActorPass.forward(actor.targetWeights(0));
        double[] pi = new double[n * actDim];
        double[] nextA = new double[n * actDim];
        actorPass.readOutput(pi);
        targetActorPass.readOutput(nextA);
        for (int i = 0; i < n * actDim; i++) {
            pi[i] = Math.tanh(pi[i]);
            nextA[i] = Math.max(-1, Math.min(1, Math.tanh(nextA[i]) + smoothing[i]));
        }
        double[] xq = new double[2 * n * inQ];
        double[] xt = new double[n * inQ];
        rowsOf(obs, act, n, obsDim, actDim, xq);
        double[] tail = new double[n * inQ];
        rowsOf(obs, pi, n, obsDim, actDim, tail);
        System.arraycopy(tail, 0, xq, n * inQ, n * inQ);
        rowsOf(next, nextA, n, obsDim, actDim, xt);
        HostIO.write(xq, q1Pass.input());
        HostIO.write(xt, t1Pass.input());
        q1Pass.forward(critics.weights(0));
        q2Pass.forward(critics.weights(1));
        t1Pass.forward(critics.targetWeights(0));
        t2Pass.forward(critics.targetWeights(1));
        double[] q1 = new double[2 * n];
        double[] q2 = new double[2 * n];
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        q1Pass.readOutput(q1);
        q2Pass.readOutput(q2);
        t1Pass.readOutput(t1);
        t2Pass.readOutput(t2);
        double criticLoss = 0;
        double[] d1 = new double[2 * n];
        double[] d2 = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double y = rew[i] + sac.gamma() * (1 - done[i]) * Math.min(t1[i], t2[i]);
            criticLoss += ((q1[i] - y) * (q1[i] - y) + (q2[i] - y) * (q2[i] - y)) / n;
            d1[i] = 2 * (q1[i] - y) / n;
            d2[i] = 2 * (q2[i] - y) / n;
        }
        double absMean = 0;
        double qMean = 0;
        for (int i = 0; i < n; i++) {
            absMean += Math.abs(q1[n + i]) / n;
            qMean += q1[n + i] / n;
        }
        lambda = cfg.alpha() / absMean;
        double bc = 0;
        for (int i = 0; i < n * actDim; i++) {
            bc += (pi[i] - act[i]) * (pi[i] - act[i]) / (n * actDim);
        }
        double actorLoss = -lambda * qMean + bc;
        check("critic_loss", criticLoss);
        if (actorStep) {
            check("actor_loss", actorLoss);
            for (int i = 0; i < n; i++) {
                d1[n + i] = -lambda / n;
            }
        }
        q1Pass.writeOutputGrad(d1);
        q2Pass.writeOutputGrad(d2);
        q1Pass.backward(critics.weights(0), critics.gradients(0), 0, actorStep ? 2 * n : n, 0, n, false, actorStep);
        q2Pass.backward(critics.weights(1), critics.gradients(1), 0, n, 0, n, false, false);
        if (actorStep) {
            double[] dx = new double[2 * n * inQ];
            HostIO.read(q1Pass.inputGrad(), dx, dx.length);
            double[] dOut = new double[n * actDim];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < actDim; j++) {
                    double a = pi[i * actDim + j];
                    double g = dx[(n + i) * inQ + obsDim + j] + 2 * (a - act[i * actDim + j]) / (n * actDim);
                    dOut[i * actDim + j] = g * (1 - a * a);
                }
            }
            actorPass.writeOutputGrad(dOut);
            actorPass.backward(actor.weights(0), actor.gradients(0), 0, n, 0, n, false, false);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("critic_loss", criticLoss);
        m.put("actor_loss", actorLoss);
        m.put("bc_loss", bc);
        m.put("lambda", lambda);
        m.put("q_mean", qMean);
        return m;
    }

    /** λ of the current update. */
    public double lambda() {
        return lambda;
    }

    @Override
    protected void applyGradients() {
        criticAdam.step();
        if (actorStep) {
            actorAdam.step();
            critics.polyak(sac.tau());
            actor.polyak(sac.tau());
        }
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
        return false;
    }

    @Override
    protected void saveState(StateWriter w) throws IOException {
        w.array("actor", actor.params()).array("actor.target", actor.target()).array("critics", critics.params())
                .array("critics.target", critics.target());
        actorAdam.save(w, "actor.adam");
        criticAdam.save(w, "critics.adam");
    }

    @Override
    protected void loadState(StateReader r) throws IOException {
        r.into("actor", actor.params());
        r.into("actor.target", actor.target());
        r.into("critics", critics.params());
        r.into("critics.target", critics.target());
        actorAdam.load(r, "actor.adam");
        criticAdam.load(r, "critics.adam");
    }
}
