package io.oris.model.learner;

import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.config.ComboConfig;
import io.oris.model.config.CqlConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.MlpPass;
import io.oris.model.replay.Batch;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.SimulatedReplay;
import io.oris.model.replay.Transitions;
import io.oris.model.replay.UpdateInput;
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
 * The model replay is not part of a snapshot (at the default sizes it holds over a million transitions): a restored
 * learner runs a fresh rollout round before its first update, so restore-and-continue matches an uninterrupted run
 * in everything but the model rows it samples. Model rollouts never terminate (no termination function is known to
 * the learner), as the rollouts are short (h ≤ 5 in the paper).
 */
public final class ComboLearner extends CqlLearner {
    private final ComboConfig combo;
    private final DynamicsEnsemble model;
    private final Transitions offline;
    private final SimulatedReplay modelReplay;
    private final int realRows;
    private final int modelRows;
    private final boolean modelStatesOnly;
    private int rounds;

    /**
     * @param model the trained dynamics model (the pre-training artifact)
     * @param offline the offline transitions whose states start the model rollouts
     */
    public ComboLearner(String method, LearnerDims dims, SacConfig sac, CqlConfig cql, ComboConfig combo,
                        DynamicsEnsemble model, Transitions offline, long seed) {
        super(method, dims, sac, cql, seed);
        if (model == null || offline == null) {
            throw new IllegalArgumentException(method + " needs its trained dynamics model (DynamicsTrainer) and the"
                    + " offline transitions its rollouts start from");
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
        for (int t = 0; t < combo.rolloutHorizon(); t++) {
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
                for (int j = 0; j < obsDim; j++) {
                    fs[j] = (float) s[i * obsDim + j];
                    fs2[j] = (float) s2[i * obsDim + j];
                }
                for (int j = 0; j < actDim; j++) {
                    fa[j] = (float) a[i * actDim + j];
                }
                modelReplay.add(fs, fa, r[i], fs2, false);
            }
            double[] tmp = s;
            s = s2;
            s2 = tmp;
        }
        rounds++;
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
