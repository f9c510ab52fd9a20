package io.oris.model.learner;

import io.oris.model.config.SacConfig;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.nn.Adam;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.HostMlp;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.ScalarAdam;
import io.oris.model.nn.SeededRandom;
import io.oris.model.nn.TanhGaussianHead;
import io.oris.model.replay.Batch;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Soft actor-critic (Haarnoja et al.) as H2O's implementation runs it (docs/reference.md §4): tanh-Gaussian actor whose log σ is
 * {@code m·ℓ + o} with a trainable scalar multiplier m and offset o (H2O's TanhGaussianPolicy; both step with the
 * actor's Adam settings), twin critics
 * with Polyak targets, automatic entropy tuning, target {@code r + γ(1−done)·min Q'(s', a'~π)} without an entropy
 * term (with {@code − α log π(a'|s')} inside the bracket when {@link SacConfig#backupEntropy()} is set). Every loss and gradient of one update is computed at the same parameters, then α, actor and critics step
 * (the reference's order) and the targets move.
 *
 * <p>Rows of a learning batch are the offline rows followed by the simulated rows. Subclasses change the per-row TD
 * weights (H2O's dynamics ratio, ORIS's w(s)), the rewards (DARC), add a conservative term on the critics' outputs
 * (H2O, CQL) and do work before the losses (training discriminators). Matrix work runs in ND4J
 * ({@link MlpPass}); per-row work (policy head, losses, weights) runs on the host in double precision.
 */
public class SacLearner implements Learner {
    protected final String method;
    protected final LearnerDims dims;
    protected final SacConfig cfg;
    protected final DataType dataType;
    protected final SeededRandom rng;
    protected final int obsDim;
    protected final int actDim;
    protected final Mlp actorNet;
    protected final Mlp criticNet;
    protected final ParamGroup actor;
    protected final ParamGroup critics;
    protected final Adam actorAdam;
    protected final Adam criticAdam;
    protected final ScalarAdam alphaAdam;
    /** Adam of the head's log-std multiplier and offset (PyTorch's Adam treats each scalar parameter alike). */
    private final ScalarAdam multiplierAdam;
    private final ScalarAdam offsetAdam;
    protected final TanhGaussianHead head;
    protected final double targetEntropy;
    protected double logAlpha;
    protected long step;
    protected Map<String, Double> metrics = Collections.emptyMap();
    private final BatchSpec spec;

    // Per-batch-size work buffers (rebuilt when the number of rows changes).
    protected int rows = -1;
    protected int nOff;
    protected int nSim;
    private MlpPass actorPass;
    private MlpPass q1Pass;
    private MlpPass q2Pass;
    private MlpPass t1Pass;
    private MlpPass t2Pass;
    /** Host copies of the current batch. */
    protected double[] obs;
    protected double[] act;
    protected double[] rew;
    protected double[] next;
    protected double[] done;
    /** Noise of the actor samples: rows [0,N) for π(·|s), rows [N,2N) for π(·|s'). */
    protected double[] actorNoise;
    protected double[] actorRaw;
    protected double[] piAct;
    protected double[] piLogp;
    protected double[] q1;
    protected double[] q2;
    protected double[] qt1;
    protected double[] qt2;
    protected double[] target;
    private double[] dq;
    private double[] dx;
    private double[] dAct;
    private double[] dLogp;
    private double[] dRaw;
    private double[] actorIn;
    private double[] criticIn;
    private double[] targetIn;
    private double alphaGrad;
    private HostPolicy cachedPolicy;
    private long cachedPolicyStep = -1;

    public SacLearner(String method, LearnerDims dims, SacConfig cfg, long seed) {
        this.method = method;
        this.dims = dims;
        this.cfg = cfg;
        this.dataType = "double".equalsIgnoreCase(cfg.dataType()) ? DataType.DOUBLE : DataType.FLOAT;
        this.rng = new SeededRandom(seed);
        this.obsDim = dims.obsDim();
        this.actDim = dims.actDim();
        this.actorNet = new Mlp(sizes(obsDim, cfg.hidden(), 2 * actDim));
        this.criticNet = new Mlp(sizes(obsDim + actDim, cfg.hidden(), 1));
        this.actor = ParamGroup.initialised(List.of(actorNet), dataType, false, rng, cfg.lastLayerGain());
        this.critics = ParamGroup.initialised(List.of(criticNet, criticNet), dataType, true, rng, cfg.lastLayerGain());
        this.actorAdam = new Adam(actor, cfg.actorLr());
        this.criticAdam = new Adam(critics, cfg.criticLr());
        this.alphaAdam = new ScalarAdam(cfg.alphaLr());
        this.head = new TanhGaussianHead(actDim, cfg.logStdMin(), cfg.logStdMax(), cfg.logStdMultiplier(),
                cfg.logStdOffset());
        this.multiplierAdam = new ScalarAdam(cfg.actorLr());
        this.offsetAdam = new ScalarAdam(cfg.actorLr());
        this.targetEntropy = cfg.targetEntropy() != null ? cfg.targetEntropy() : -actDim;
        this.logAlpha = Math.log(cfg.initialAlpha());
        this.spec = defaultSpec();
    }

    /** Input size, hidden sizes, output size. */
    public static int[] sizes(int in, List<Integer> hidden, int out) {
        int[] s = new int[hidden.size() + 2];
        s[0] = in;
        for (int i = 0; i < hidden.size(); i++) {
            s[i + 1] = hidden.get(i);
        }
        s[s.length - 1] = out;
        return s;
    }

    /** SAC in the simulator only: the whole batch is simulated. Subclasses choose their split. */
    protected BatchSpec defaultSpec() {
        return new BatchSpec(0, cfg.singleSourceBatch(), 0, 0);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public BatchSpec batchSpec() {
        return spec;
    }

    @Override
    public int obsDim() {
        return obsDim;
    }

    @Override
    public int actDim() {
        return actDim;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public Map<String, Double> metrics() {
        return metrics;
    }

    public double alpha() {
        return Math.exp(logAlpha);
    }

    // ------------------------------------------------------------------ update

    @Override
    public Map<String, Double> update(UpdateInput input) {
        prepare(input);
        Map<String, Double> m = lossesAndGradients();
        applyGradients();
        step++;
        metrics = Collections.unmodifiableMap(m);
        return metrics;
    }

    /**
     * First half of an update: loads the batch, draws all noise, runs {@link #beforeLosses} (discriminator steps,
     * weights). {@link #lossesAndGradients()} is then a deterministic function of the parameters (used by the tests).
     */
    public void prepare(UpdateInput input) {
        loadBatch(input);
        drawNoise(input);
        beforeLosses(input);
    }

    /** Copies the learning batch (offline rows then simulated rows) to the host buffers. */
    public void loadBatch(UpdateInput input) {
        Batch off = input.offline() != null ? input.offline() : Batch.empty(obsDim, actDim);
        Batch sim = input.simulated() != null ? input.simulated() : Batch.empty(obsDim, actDim);
        checkDims(off);
        checkDims(sim);
        int n = off.size() + sim.size();
        if (n == 0) {
            throw new IllegalArgumentException(method + ": empty learning batch");
        }
        ensureRows(n);
        nOff = off.size();
        nSim = sim.size();
        copyRows(off, 0);
        copyRows(sim, nOff);
    }

    private void checkDims(Batch b) {
        if (b.obsDim() != obsDim || b.actDim() != actDim) {
            throw new IllegalArgumentException(method + ": batch dims (" + b.obsDim() + ", " + b.actDim()
                    + ") differ from the learner's (" + obsDim + ", " + actDim + ")");
        }
    }

    private void copyRows(Batch b, int at) {
        for (int i = 0; i < b.size() * obsDim; i++) {
            obs[at * obsDim + i] = b.obs()[i];
            next[at * obsDim + i] = b.nextObs()[i];
        }
        for (int i = 0; i < b.size() * actDim; i++) {
            act[at * actDim + i] = b.actions()[i];
        }
        for (int i = 0; i < b.size(); i++) {
            rew[at + i] = b.rewards()[i];
            done[at + i] = b.done()[i];
        }
    }

    protected void ensureRows(int n) {
        if (n == rows) {
            return;
        }
        rows = n;
        actorPass = new MlpPass(actorNet, 2 * n, dataType);
        q1Pass = new MlpPass(criticNet, 2 * n, dataType);
        q2Pass = new MlpPass(criticNet, 2 * n, dataType, q1Pass.input());
        t1Pass = new MlpPass(criticNet, n, dataType);
        t2Pass = new MlpPass(criticNet, n, dataType, t1Pass.input());
        obs = new double[n * obsDim];
        next = new double[n * obsDim];
        act = new double[n * actDim];
        rew = new double[n];
        done = new double[n];
        actorNoise = new double[2 * n * actDim];
        actorRaw = new double[2 * n * 2 * actDim];
        piAct = new double[2 * n * actDim];
        piLogp = new double[2 * n];
        q1 = new double[2 * n];
        q2 = new double[2 * n];
        qt1 = new double[n];
        qt2 = new double[n];
        target = new double[n];
        dq = new double[2 * n];
        dx = new double[2 * n * (obsDim + actDim + 1)];
        dAct = new double[n * actDim];
        dLogp = new double[n];
        dRaw = new double[2 * n * 2 * actDim];
        actorIn = new double[2 * n * (obsDim + 1)];
        criticIn = new double[2 * n * (obsDim + actDim + 1)];
        targetIn = new double[n * (obsDim + actDim + 1)];
        onRowsChanged(n);
    }

    /** Hook: a subclass allocates its own per-row buffers. */
    protected void onRowsChanged(int n) {
    }

    /** Draws every random number the update needs (so that the losses are a deterministic function afterwards). */
    public void drawNoise(UpdateInput input) {
        rng.gaussians(actorNoise, 2 * rows * actDim);
    }

    /** Hook run after the noise is drawn and before the losses (H2O: discriminator step, dynamics ratio, u). */
    protected void beforeLosses(UpdateInput input) {
    }

    /** Per-row coefficient c_i of the TD loss Σ_i c_i (Q(s_i,a_i) − y_i)²; SAC: the mean over all rows. */
    protected double tdCoefficient(int row) {
        return 1.0 / rows;
    }

    /** Added to the reward of row {@code row} in the target (DARC's correction). */
    protected double rewardCorrection(int row) {
        return 0.0;
    }

    /**
     * A conservative term on critic {@code k}'s outputs at the data rows {@code q[0..N)}: returns its value and adds
     * its gradient to {@code dq[0..N)}.
     */
    protected double regulariser(int k, double[] q, double[] dq) {
        return 0.0;
    }

    /** A term that needs its own critic evaluations (CQL): returns its value and accumulates critic gradients. */
    protected double extraCriticTerm(int k, INDArray[] weights, INDArray[] grads) {
        return 0.0;
    }

    /** Rows whose states enter the actor and α losses (all rows: offline ∪ simulated). */
    protected int actorRowsFrom() {
        return 0;
    }

    /**
     * Computes every loss of the update and fills the gradients of actor, critics and log α at the current parameters
     * (no parameter changes). Throws {@link NonFiniteLossException} on a non-finite term.
     */
    public Map<String, Double> lossesAndGradients() {
        int n = rows;
        int inA = obsDim + 1;
        int inQ = obsDim + actDim + 1;
        double alpha = Math.exp(logAlpha);

        // actor on [s; s'] (one pass)
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obsDim; j++) {
                actorIn[i * inA + j] = obs[i * obsDim + j];
                actorIn[(n + i) * inA + j] = next[i * obsDim + j];
            }
            actorIn[i * inA + obsDim] = 1;
            actorIn[(n + i) * inA + obsDim] = 1;
        }
        HostIO.write(actorIn, actorPass.input());
        actorPass.forward(actor.weights(0));
        actorPass.readOutput(actorRaw);
        head.sample(actorRaw, actorNoise, 2 * n, false, piAct, piLogp);

        // critics on [(s, a); (s, π(s))], targets on (s', π(s'))
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < obsDim; j++) {
                double s = obs[i * obsDim + j];
                criticIn[i * inQ + j] = s;
                criticIn[(n + i) * inQ + j] = s;
                targetIn[i * inQ + j] = next[i * obsDim + j];
            }
            for (int j = 0; j < actDim; j++) {
                criticIn[i * inQ + obsDim + j] = act[i * actDim + j];
                criticIn[(n + i) * inQ + obsDim + j] = piAct[i * actDim + j];
                targetIn[i * inQ + obsDim + j] = piAct[(n + i) * actDim + j];
            }
            criticIn[i * inQ + inQ - 1] = 1;
            criticIn[(n + i) * inQ + inQ - 1] = 1;
            targetIn[i * inQ + inQ - 1] = 1;
        }
        HostIO.write(criticIn, q1Pass.input());
        HostIO.write(targetIn, t1Pass.input());
        q1Pass.forward(critics.weights(0));
        q2Pass.forward(critics.weights(1));
        t1Pass.forward(critics.targetWeights(0));
        t2Pass.forward(critics.targetWeights(1));
        q1Pass.readOutput(q1);
        q2Pass.readOutput(q2);
        t1Pass.readOutput(qt1);
        t2Pass.readOutput(qt2);
        boolean soft = cfg.backupEntropy();
        for (int i = 0; i < n; i++) {
            double next = Math.min(qt1[i], qt2[i]) - (soft ? alpha * piLogp[n + i] : 0.0);
            target[i] = rew[i] + rewardCorrection(i) + cfg.gamma() * (1 - done[i]) * next;
        }

        Map<String, Double> m = new LinkedHashMap<>();
        // actor loss over rows [from, n): mean(α log π − min(Q1, Q2))
        int from = actorRowsFrom();
        int na = n - from;
        double actorLoss = 0;
        double logpMean = 0;
        for (int i = from; i < n; i++) {
            actorLoss += alpha * piLogp[i] - Math.min(q1[n + i], q2[n + i]);
            logpMean += piLogp[i];
        }
        actorLoss /= na;
        logpMean /= na;
        double alphaLoss = -logAlpha * (logpMean + targetEntropy);
        alphaGrad = cfg.autoAlpha() ? -(logpMean + targetEntropy) : 0.0;

        // critics
        java.util.Arrays.fill(dAct, 0.0);
        double criticLoss = 0;
        for (int k = 0; k < 2; k++) {
            double[] q = k == 0 ? q1 : q2;
            double[] qo = k == 0 ? q2 : q1;
            double td = 0;
            for (int i = 0; i < n; i++) {
                double c = tdCoefficient(i);
                double d = q[i] - target[i];
                td += c * d * d;
                dq[i] = 2 * c * d;
            }
            double reg = regulariser(k, q, dq);
            for (int i = 0; i < n; i++) {
                // torch.min routes the gradient to the smaller input (to Q1 on ties)
                boolean mine = k == 0 ? q[n + i] <= qo[n + i] : q[n + i] < qo[n + i];
                dq[n + i] = (i >= from && mine) ? -1.0 / na : 0.0;
            }
            check("q" + (k + 1) + "_td_loss", td);
            check("q" + (k + 1) + "_reg_loss", reg);
            MlpPass pass = k == 0 ? q1Pass : q2Pass;
            pass.writeOutputGrad(dq);
            pass.backward(critics.weights(k), critics.gradients(k), 0, 2 * n, 0, n, false, true);
            double extra = extraCriticTerm(k, critics.weights(k), critics.gradients(k));
            check("q" + (k + 1) + "_extra_loss", extra);
            HostIO.read(pass.inputGrad(), dx, 2 * n * inQ);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < actDim; j++) {
                    dAct[i * actDim + j] += dx[(n + i) * inQ + obsDim + j];
                }
            }
            m.put("q" + (k + 1) + "_td_loss", td);
            if (reg != 0.0) {
                m.put("q" + (k + 1) + "_reg_loss", reg);
            }
            if (extra != 0.0) {
                m.put("q" + (k + 1) + "_extra_loss", extra);
            }
            criticLoss += td + reg + extra;
        }
        check("actor_loss", actorLoss);
        check("alpha_loss", alphaLoss);

        // actor backward (rows [0, n) of the pass; only [from, n) carry loss)
        for (int i = 0; i < n; i++) {
            dLogp[i] = i >= from ? alpha / na : 0.0;
        }
        java.util.Arrays.fill(dRaw, 0.0);
        head.zeroGrad();
        head.backward(actorRaw, actorNoise, piAct, dAct, dLogp, n, dRaw);
        actorPass.writeOutputGrad(dRaw);
        actorPass.backward(actor.weights(0), actor.gradients(0), 0, n, 0, n, false, false);

        m.put("critic_loss", criticLoss);
        m.put("actor_loss", actorLoss);
        m.put("alpha_loss", alphaLoss);
        m.put("alpha", alpha);
        m.put("log_pi", logpMean);
        putQMeans(m);
        addMetrics(m);
        return m;
    }

    private void putQMeans(Map<String, Double> m) {
        double qOff = 0;
        double qSim = 0;
        double t = 0;
        for (int i = 0; i < rows; i++) {
            double q = 0.5 * (q1[i] + q2[i]);
            if (i < nOff) {
                qOff += q;
            } else {
                qSim += q;
            }
            t += target[i];
        }
        if (nOff > 0) {
            m.put("q_offline_mean", qOff / nOff);
        }
        if (nSim > 0) {
            m.put("q_sim_mean", qSim / nSim);
        }
        m.put("target_q_mean", t / rows);
    }

    /** Hook: subclasses add their own metrics. */
    protected void addMetrics(Map<String, Double> m) {
    }

    /** Raises {@link NonFiniteLossException} if {@code value} is NaN or infinite. */
    protected void check(String term, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(method, term, step, value);
        }
    }

    /** α, actor, critics (H2O's order), then the Polyak target update. */
    public void applyGradients() {
        if (cfg.autoAlpha()) {
            logAlpha = alphaAdam.step(logAlpha, alphaGrad);
        }
        actorAdam.step();
        if (cfg.logStdAffine()) {
            head.setAffine(multiplierAdam.step(head.multiplier(), head.multiplierGrad()),
                    offsetAdam.step(head.offset(), head.offsetGrad()));
        }
        criticAdam.step();
        critics.polyak(cfg.tau());
    }

    // ------------------------------------------------------------------ access for tests and subclasses

    public ParamGroup actorGroup() {
        return actor;
    }

    public ParamGroup criticGroup() {
        return critics;
    }

    public double logAlpha() {
        return logAlpha;
    }

    public double alphaGradient() {
        return alphaGrad;
    }

    /** The actor's tanh-Gaussian head (its log-std multiplier and offset, and their gradients). */
    public TanhGaussianHead head() {
        return head;
    }

    /** The actor noise of the current update (rows [0,N) for s, [N,2N) for s'), row stride A. */
    public double[] actorNoise() {
        return actorNoise;
    }

    public int rows() {
        return rows;
    }

    // ------------------------------------------------------------------ policy

    @Override
    public ExportablePolicy policy() {
        if (cachedPolicy == null || cachedPolicyStep != step) {
            cachedPolicy = new HostPolicy(new HostMlp(actorNet, HostIO.toHost(actor.params()), 0), actDim, true,
                    cfg.logStdMin(), cfg.logStdMax(), head.multiplier(), head.offset());
            cachedPolicyStep = step;
        }
        return cachedPolicy;
    }

    // ------------------------------------------------------------------ state

    @Override
    public void save(OutputStream out) throws IOException {
        StateWriter w = new StateWriter(out, method);
        w.array("actor", actor.params()).array("critics", critics.params())
                .array("critics.target", critics.target());
        actorAdam.save(w, "actor.adam");
        criticAdam.save(w, "critics.adam");
        w.doubles("actor.log_std_affine", new double[] {head.multiplier(), head.offset()})
                .doubles("actor.log_std_multiplier.adam", multiplierAdam.state())
                .doubles("actor.log_std_offset.adam", offsetAdam.state());
        w.doubles("log_alpha", new double[] {logAlpha}).doubles("alpha.adam", alphaAdam.state())
                .longs("step", step).longs("rng", rng.state());
        saveExtra(w);
        w.finish();
    }

    @Override
    public void load(InputStream in) throws IOException {
        StateReader r = new StateReader(in);
        if (!r.kind().equals(method)) {
            throw new IOException("snapshot is of method '" + r.kind() + "', this learner is '" + method + "'");
        }
        r.into("actor", actor.params());
        r.into("critics", critics.params());
        r.into("critics.target", critics.target());
        actorAdam.load(r, "actor.adam");
        criticAdam.load(r, "critics.adam");
        double[] affine = r.doubles("actor.log_std_affine");
        head.setAffine(affine[0], affine[1]);
        multiplierAdam.setState(r.doubles("actor.log_std_multiplier.adam"));
        offsetAdam.setState(r.doubles("actor.log_std_offset.adam"));
        logAlpha = r.doubles("log_alpha")[0];
        alphaAdam.setState(r.doubles("alpha.adam"));
        step = r.longs("step")[0];
        rng.setState(r.longs("rng"));
        loadExtra(r);
        cachedPolicy = null;
    }

    /** Hook: subclasses write their extra state (discriminators, ...). */
    protected void saveExtra(StateWriter w) throws IOException {
    }

    /** Hook: subclasses read their extra state. */
    protected void loadExtra(StateReader r) throws IOException {
    }

    /** Mean of {@code values} over the simulated rows of the current batch (rows nOff..rows-1); 0 without any. */
    protected double simRowMean(double[] values) {
        if (nSim == 0) {
            return 0;
        }
        double s = 0;
        for (int i = nOff; i < rows; i++) {
            s += values[i];
        }
        return s / nSim;
    }
}
