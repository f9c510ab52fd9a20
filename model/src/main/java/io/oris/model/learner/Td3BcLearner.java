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
 * TD3+BC (Fujimoto and Gu 2021) as the authors' code and CORL's {@code td3_bc.py} run it: states and next states
 * standardised with the offline dataset's mean and std + 1e-3 ({@link StateNormalizer}, switch
 * {@code td3bc.normalizeStates}); a deterministic actor {@code π(s) = tanh(f(s))}; twin critics trained on
 * {@code mse(Q1, y) + mse(Q2, y)} with {@code y = r + γ(1−done)·min Q̄(s', a')} and target policy smoothing
 * {@code a' = clip(π̄(s') + clip(N(0,σ²), ±c), ±1)}; every {@code policyDelay} updates the actor loss
 * {@code −λ·mean Q1(s, π(s)) + mean (π(s) − a)²} with {@code λ = α / mean|Q1(s, π(s))|} (detached), evaluated with
 * the critics after this update's critic step (the reference's order), then Polyak updates of target critics and
 * target actor. The policy handed out ({@link #policy()}) standardises raw observations itself, and the normaliser
 * is saved in snapshots, so the evaluator can feed it raw environment observations.
 *
 * <p>A non-finite actor loss is detected after the critic step of that update (actor and targets are unchanged).
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
    private StateNormalizer normalizer;
    private MlpPass actorPass;
    private MlpPass targetActorPass;
    private MlpPass q1Pass;
    private MlpPass q2Pass;
    private MlpPass piPass;
    private MlpPass t1Pass;
    private MlpPass t2Pass;
    private double[] smoothing;
    private boolean actorStep;
    private double lambda;

    public Td3BcLearner(String method, LearnerDims dims, SacConfig sac, Td3BcConfig cfg, long seed) {
        super(method, dims, sac.dataType(), sac.singleSourceBatch(), seed);
        this.sac = sac;
        this.cfg = cfg;
        if (cfg.normalizeStates() && dims.dataset() == null) {
            throw new IllegalArgumentException(method + ": td3bc.normalizeStates needs the offline dataset's state"
                    + " mean and std (LearnerDims.dataset)");
        }
        this.normalizer = cfg.normalizeStates() ? StateNormalizer.of(dims.dataset()) : StateNormalizer.identity(obsDim);
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
        q1Pass = new MlpPass(criticNet, n, dataType);
        q2Pass = new MlpPass(criticNet, n, dataType, q1Pass.input());
        piPass = new MlpPass(criticNet, n, dataType);
        t1Pass = new MlpPass(criticNet, n, dataType);
        t2Pass = new MlpPass(criticNet, n, dataType, t1Pass.input());
        smoothing = new double[n * actDim];
    }

    /** Standardises the batch's states and next states (identity when {@code td3bc.normalizeStates} is off). */
    @Override
    protected void preprocessBatch() {
        normalizer.applyInPlace(obs, rows);
        normalizer.applyInPlace(next, rows);
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

    public ParamGroup actorGroup() {
        return actor;
    }

    /** The state normaliser in use (the dataset's, the identity, or a restored snapshot's). */
    public StateNormalizer normalizer() {
        return normalizer;
    }

    /** Whether the current update also trains the actor (delayed policy update). */
    public boolean isActorStep() {
        return actorStep;
    }

    /** λ of the last actor-loss evaluation. */
    public double lambda() {
        return lambda;
    }

    /**
     * Critic and actor losses and gradients both at the current parameters (the actor part only on actor steps);
     * {@link #update} instead evaluates the actor loss after the critic step.
     */
    @Override
    public Map<String, Double> lossesAndGradients() {
        Map<String, Double> m = criticLossAndGradients();
        m.putAll(actorLoss(actorStep));
        return m;
    }

    /**
     * Critic step, then on actor steps only (every {@code policyDelay}-th update) the actor loss with the stepped
     * critics, the actor step and the target updates. The actor metrics ({@code actor_loss}, {@code bc_loss},
     * {@code lambda}, {@code q_mean}) are therefore reported on actor steps only, as the reference logs them; a
     * critic-only update evaluates no actor loss, which would cost an actor and a critic forward pass and change
     * nothing.
     */
    @Override
    protected Map<String, Double> train() {
        Map<String, Double> m = criticLossAndGradients();
        criticAdam.step();
        if (actorStep) {
            m.putAll(actorLoss(true));
            actorAdam.step();
            critics.polyak(sac.tau());
            actor.polyak(sac.tau());
        }
        return m;
    }

    /** {@code mse(Q1, y) + mse(Q2, y)} and its gradients for both critics. */
    private Map<String, Double> criticLossAndGradients() {
        int n = rows;
        double[] xn = new double[n * (obsDim + 1)];
        rowsOf(next, null, n, obsDim, 0, xn);
        HostIO.write(xn, targetActorPass.input());
        targetActorPass.forward(actor.targetWeights(0));
        double[] nextA = new double[n * actDim];
        targetActorPass.readOutput(nextA);
        for (int i = 0; i < n * actDim; i++) {
            nextA[i] = Math.max(-1, Math.min(1, Math.tanh(nextA[i]) + smoothing[i]));
        }
        int inQ = obsDim + actDim + 1;
        double[] xt = new double[n * inQ];
        double[] xq = new double[n * inQ];
        rowsOf(next, nextA, n, obsDim, actDim, xt);
        rowsOf(obs, act, n, obsDim, actDim, xq);
        HostIO.write(xt, t1Pass.input());
        HostIO.write(xq, q1Pass.input());
        t1Pass.forward(critics.targetWeights(0));
        t2Pass.forward(critics.targetWeights(1));
        q1Pass.forward(critics.weights(0));
        q2Pass.forward(critics.weights(1));
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        t1Pass.readOutput(t1);
        t2Pass.readOutput(t2);
        q1Pass.readOutput(q1);
        q2Pass.readOutput(q2);
        double loss = 0;
        double targetMean = 0;
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            double y = rew[i] + sac.gamma() * (1 - done[i]) * Math.min(t1[i], t2[i]);
            loss += ((q1[i] - y) * (q1[i] - y) + (q2[i] - y) * (q2[i] - y)) / n;
            d1[i] = 2 * (q1[i] - y) / n;
            d2[i] = 2 * (q2[i] - y) / n;
            targetMean += y / n;
        }
        check("critic_loss", loss);
        q1Pass.writeOutputGrad(d1);
        q1Pass.backward(critics.weights(0), critics.gradients(0), 0, n, 0, n, false, false);
        q2Pass.writeOutputGrad(d2);
        q2Pass.backward(critics.weights(1), critics.gradients(1), 0, n, 0, n, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("critic_loss", loss);
        m.put("target_q_mean", targetMean);
        return m;
    }

    /**
     * {@code −λ·mean Q1(s, π(s)) + mean (π(s) − a)²} with the current critics; with {@code gradients}, checks it and
     * fills the actor's gradient (λ detached; the critics get none).
     */
    private Map<String, Double> actorLoss(boolean gradients) {
        int n = rows;
        double[] xs = new double[n * (obsDim + 1)];
        rowsOf(obs, null, n, obsDim, 0, xs);
        HostIO.write(xs, actorPass.input());
        actorPass.forward(actor.weights(0));
        double[] pi = new double[n * actDim];
        actorPass.readOutput(pi);
        for (int i = 0; i < n * actDim; i++) {
            pi[i] = Math.tanh(pi[i]);
        }
        int inQ = obsDim + actDim + 1;
        double[] xp = new double[n * inQ];
        rowsOf(obs, pi, n, obsDim, actDim, xp);
        HostIO.write(xp, piPass.input());
        piPass.forward(critics.weights(0));
        double[] q = new double[n];
        piPass.readOutput(q);
        double absMean = 0;
        double qMean = 0;
        for (int i = 0; i < n; i++) {
            absMean += Math.abs(q[i]) / n;
            qMean += q[i] / n;
        }
        lambda = cfg.alpha() / absMean;
        double bc = 0;
        for (int i = 0; i < n * actDim; i++) {
            bc += (pi[i] - act[i]) * (pi[i] - act[i]) / (n * actDim);
        }
        double loss = -lambda * qMean + bc;
        if (gradients) {
            check("actor_loss", loss);
            double[] dq = new double[n];
            java.util.Arrays.fill(dq, -lambda / n);
            piPass.writeOutputGrad(dq);
            piPass.backward(critics.weights(0), null, 0, n, 0, n, false, true);
            double[] dx = new double[n * inQ];
            HostIO.read(piPass.inputGrad(), dx, dx.length);
            double[] dOut = new double[n * actDim];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < actDim; j++) {
                    double a = pi[i * actDim + j];
                    double g = dx[i * inQ + obsDim + j] + 2 * (a - act[i * actDim + j]) / (n * actDim);
                    dOut[i * actDim + j] = g * (1 - a * a);
                }
            }
            actorPass.writeOutputGrad(dOut);
            actorPass.backward(actor.weights(0), actor.gradients(0), 0, n, 0, n, false, false);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("actor_loss", loss);
        m.put("bc_loss", bc);
        m.put("lambda", lambda);
        m.put("q_mean", qMean);
        return m;
    }

    /** The deterministic actor behind the state normaliser: acts on raw observations. */
    @Override
    protected ExportablePolicy buildPolicy() {
        return new NormalizingPolicy(deterministicPolicy(actorNet, actor), normalizer);
    }

    @Override
    protected void saveState(StateWriter w) throws IOException {
        w.array("actor", actor.params()).array("actor.target", actor.target()).array("critics", critics.params())
                .array("critics.target", critics.target());
        actorAdam.save(w, "actor.adam");
        criticAdam.save(w, "critics.adam");
        normalizer.save(w, "state_normalizer");
    }

    /** Restores everything, the state normaliser included (a learner built with unit statistics gets the saved one). */
    @Override
    protected void loadState(StateReader r) throws IOException {
        r.into("actor", actor.params());
        r.into("actor.target", actor.target());
        r.into("critics", critics.params());
        r.into("critics.target", critics.target());
        actorAdam.load(r, "actor.adam");
        criticAdam.load(r, "critics.adam");
        normalizer = StateNormalizer.load(r, "state_normalizer", obsDim);
    }
}
