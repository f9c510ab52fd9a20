package io.oris.model.learner;

import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.combo.TerminationFn;
import io.oris.model.config.ComboConfig;
import io.oris.model.config.CqlConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.io.StateReader;
import io.oris.model.io.StateWriter;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.MlpPass;
import io.oris.model.replay.Batch;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.SimulatedReplay;
import io.oris.model.replay.Transitions;
import io.oris.model.replay.UpdateInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * COMBO (Yu et al., NeurIPS 2021, "COMBO: Conservative Offline Model-Based Policy Optimization", Algorithm 1) on the
 * SAC core with a learned dynamics model ({@link DynamicsEnsemble}, trained beforehand by
 * {@link io.oris.model.combo.DynamicsTrainer}):
 * <ol>
 *   <li>model rollouts (Algorithm 1, the rollout step): every {@code combo.rolloutEvery} updates, {@code rolloutBatch}
 *       dataset states start h-step rollouts of the current stochastic policy in the model (one elite member drawn
 *       per row and step); the transitions go to the model replay, which keeps the last {@code retainRounds}
 *       rounds;</li>
 *   <li>the learning batch d_f is a fraction f of dataset rows ({@link #batchSpec()}) followed by 1 − f rows
 *       from the model replay;</li>
 *   <li>critics (the paper's conservative policy evaluation, Section 4.1): the SAC TD error on d_f plus
 *       {@code β·(E_{s∼ρ, a∼exp Q}[Q(s, a)] − E_{(s,a)∼D}[Q(s, a)])}: pushed down at model states (ρ(s, a) =
 *       d_M̂(s)·π(a|s); the push-down is CQL(H)'s log-sum-exp over sampled actions, the practical form the paper
 *       uses, from {@link CqlLearner}), pushed up at the dataset (s, a);</li>
 *   <li>actor and α (the paper's policy improvement step, Section 4.1): SAC's on every state of d_f.</li>
 * </ol>
 * Model rollouts end where the task ends: a row whose transition the task's {@link TerminationFn} calls terminal is
 * stored with done = 1 and not continued (MBPO's and MOPO's termination functions; the pipeline passes the rule of
 * the run's task, the model knows no environment).
 *
 * <p>The model replay (the filled part of its ring and the ring's position) is part of the learner's state
 * ({@link #save}), so restore-and-continue equals an uninterrupted run bit for bit. At the default sizes it holds up
 * to 1.25 M transitions (stored as floats, about 135 MB for hopper); only the resume checkpoint carries it, since the
 * evaluation snapshots hold the policy alone (docs/architecture.md §7.6).
 */
public final class ComboLearner extends CqlLearner {
    /** Name prefix of the model replay's entries in the learner state. */
    static final String MODEL_REPLAY = "combo.model_replay";
    private final ComboConfig combo;
    private final DynamicsEnsemble model;
    private final Transitions offline;
    private final TerminationFn termination;
    private final SimulatedReplay modelReplay;
    private final int realRows;
    private final int modelRows;
    private final boolean modelStatesOnly;
    private int rounds;

    /**
     * @param model the trained dynamics model (the pre-training artifact)
     * @param offline the offline transitions whose states start the model rollouts
     * @param termination the task's termination rule for model transitions ({@link TerminationFn#NEVER} for a task
     *                    that never terminates)
     */
    public ComboLearner(String method, LearnerDims dims, SacConfig sac, CqlConfig cql, ComboConfig combo,
                        DynamicsEnsemble model, Transitions offline, TerminationFn termination, long seed) {
        super(method, dims, sac, cql, seed);
        if (model == null || offline == null || termination == null) {
            throw new IllegalArgumentException(method + " needs its trained dynamics model (DynamicsTrainer), the"
                    + " offline transitions its rollouts start from and the task's termination rule (TerminationFn)");
        }
        if (model.obsDim() != obsDim || model.actDim() != actDim || offline.obsDim() != obsDim
                || offline.actDim() != actDim) {
            throw new IllegalArgumentException(method + ": dynamics model or offline data dims differ from the learner's");
        }
        if (!(combo.realRatio() > 0 && combo.realRatio() <= 1) || combo.rolloutHorizon() < 1
                || combo.rolloutBatch() < 1 || combo.rolloutEvery() < 1 || combo.retainRounds() < 1) {
            throw new IllegalArgumentException(method + ": need 0 < combo.realRatio <= 1 and positive"
                    + " combo.rolloutHorizon, rolloutBatch, rolloutEvery, retainRounds; got " + combo);
        }
        this.modelStatesOnly = switch (combo.pushDownStates().toLowerCase(Locale.ROOT)) {
            case "model" -> true;
            case "mix" -> false;
            default -> throw new IllegalArgumentException(method + ": combo.pushDownStates must be model or mix, got '"
                    + combo.pushDownStates() + "'");
        };
        this.combo = combo;
        this.model = model;
        this.offline = offline;
        this.termination = termination;
        int b = sac.singleSourceBatch();
        this.realRows = Math.max(1, (int) Math.round(combo.realRatio() * b));
        this.modelRows = b - realRows;
        long capacity = (long) combo.retainRounds() * combo.rolloutBatch() * combo.rolloutHorizon();
        this.modelReplay = new SimulatedReplay((int) Math.min(Integer.MAX_VALUE / 64, capacity), obsDim, actDim);
    }

    /** f·B dataset rows per update; the other (1 − f)·B rows come from the learner's own model replay. */
    @Override
    public BatchSpec batchSpec() {
        return new BatchSpec(realRows, 0, 0, 0);
    }

    /** The model replay (tests read it). */
    public SimulatedReplay modelReplay() {
        return modelReplay;
    }

    /** Rollout rounds run so far by this instance. */
    public int rounds() {
        return rounds;
    }

    @Override
    public Map<String, Double> update(UpdateInput input) {
        if (input.offline() == null || input.offline().size() == 0) {
            throw new IllegalArgumentException(method + " trains on offline data: the offline batch is empty");
        }
        if (modelRows > 0 && (step % combo.rolloutEvery() == 0 || modelReplay.size() == 0)) {
            rollout();
        }
        Batch modelBatch = modelRows > 0 ? modelReplay.sample(modelRows, rng) : Batch.empty(obsDim, actDim);
        return super.update(new UpdateInput(input.offline(), modelBatch, null, null));
    }

    /** Algorithm 1's rollout step: h-step rollouts of the current policy in the model from dataset states. */
    void rollout() {
        int n = combo.rolloutBatch();
        int d = model.outDim();
        int[] elites = model.elites();
        double[] s = new double[n * obsDim];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(offline.size());
            for (int j = 0; j < obsDim; j++) {
                s[i * obsDim + j] = offline.obs()[k * obsDim + j];
            }
        }
        MlpPass pass = new MlpPass(actorNet, n, dataType);
        double[] x = new double[n * (obsDim + 1)];
        double[] raw = new double[n * 2 * actDim];
        double[] noise = new double[n * actDim];
        double[] a = new double[n * actDim];
        double[] eps = new double[n * d];
        int[] member = new int[n];
        double[] s2 = new double[n * obsDim];
        double[] r = new double[n];
        float[] fs = new float[obsDim];
        float[] fa = new float[actDim];
        float[] fs2 = new float[obsDim];
        double[] rowS = new double[obsDim];
        double[] rowA = new double[actDim];
        double[] rowS2 = new double[obsDim];
        boolean[] alive = new boolean[n];
        java.util.Arrays.fill(alive, true);
        int living = n;
        for (int t = 0; t < combo.rolloutHorizon() && living > 0; t++) {
            OfflineBase.rowsOf(s, null, n, obsDim, 0, x);
            HostIO.write(x, pass.input());
            pass.forward(actor.weights(0));
            pass.readOutput(raw);
            rng.gaussians(noise, noise.length);
            head.sample(raw, noise, n, false, a, null);
            for (int i = 0; i < n; i++) {
                member[i] = elites[rng.nextInt(elites.length)];
            }
            rng.gaussians(eps, eps.length);
            model.sample(s, a, n, member, eps, s2, r);
            for (int i = 0; i < n; i++) {
                if (!alive[i]) {
                    System.arraycopy(s, i * obsDim, s2, i * obsDim, obsDim);   // a finished row stays where it ended
                    continue;
                }
                System.arraycopy(s, i * obsDim, rowS, 0, obsDim);
                System.arraycopy(a, i * actDim, rowA, 0, actDim);
                System.arraycopy(s2, i * obsDim, rowS2, 0, obsDim);
                boolean done = termination.terminated(rowS, rowA, rowS2);
                for (int j = 0; j < obsDim; j++) {
                    fs[j] = (float) rowS[j];
                    fs2[j] = (float) rowS2[j];
                }
                for (int j = 0; j < actDim; j++) {
                    fa[j] = (float) rowA[j];
                }
                modelReplay.add(fs, fa, r[i], fs2, done);
                if (done) {
                    alive[i] = false;
                    living--;
                }
            }
            double[] tmp = s;
            s = s2;
            s2 = tmp;
        }
        rounds++;
    }

    /** The model replay's ring and position (the rest of the state is SAC's and CQL's). */
    @Override
    protected void saveExtra(StateWriter w) throws IOException {
        modelReplay.save(w, MODEL_REPLAY);
    }

    /**
     * Reads the model replay back; a state without it (a checkpoint or snapshot written before the replay was part
     * of the state) leaves the replay empty, so the next update runs a fresh rollout round first.
     */
    @Override
    protected void loadExtra(StateReader r) throws IOException {
        if (r.has(MODEL_REPLAY + ".position")) {
            modelReplay.load(r, MODEL_REPLAY);
        } else {
            modelReplay.clear();
        }
    }

    /** The push-down states: the model rows of the batch ("model", the paper's ρ) or every row ("mix"). */
    @Override
    protected int pushDownFrom() {
        return modelStatesOnly ? nOff : 0;
    }

    /**
     * The conservative policy evaluation's regulariser (Section 4.1): {@code β·(mean_{push-down rows} lse_i − mean_{dataset rows} Q(s_j, a_j))}; the two means
     * are over different rows, so unlike CQL there is no per-row difference (and no clip).
     */
    @Override
    protected double conservative(double[] lse, double[] q, double[] dq, double[] coef) {
        double beta = combo.beta();
        int down = lse.length;
        double loss = 0;
        for (int i = 0; i < down; i++) {
            loss += lse[i] / down;
            coef[i] = beta / down;
        }
        for (int j = 0; j < nOff; j++) {
            loss -= q[j] / nOff;
            dq[j] -= beta / nOff;
        }
        return beta * loss;
    }

    @Override
    protected String termName() {
        return "combo";
    }

    @Override
    protected void addMetrics(Map<String, Double> m) {
        super.addMetrics(m);
        m.put("model_replay_size", (double) modelReplay.size());
    }
}
