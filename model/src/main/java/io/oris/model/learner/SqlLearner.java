package io.oris.model.learner;

import io.oris.model.config.SacConfig;
import io.oris.model.config.SqlConfig;
import java.util.LinkedHashMap;
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
 * {@code 1000 / (max − min episode return)} as the authors do for locomotion ({@link InSampleLearner#rewardScale}, one
 * place for that factor). The paper's PDF is not in this project's library; the equations above are quoted by
 * name, as docs/reference.md §SQL restates them.
 */
public final class SqlLearner extends InSampleLearner {
    private final SqlConfig cfg;
    private final boolean sparseWeight;
    /** min(Q̄1, Q̄2)(s, a) of the current batch (target critics, fixed during the update). */
    private double[] qTarget;

    public SqlLearner(String method, LearnerDims dims, SacConfig sac, SqlConfig cfg, long seed) {
        super(method, dims, sac, "sql", cfg.lr(), cfg.actorLrSchedule(), cfg.maxSteps(), cfg.rewardScale(), seed);
        if (!(cfg.alpha() > 0)) {
            throw new IllegalArgumentException(method + ": sql.alpha must be positive, got " + cfg.alpha());
        }
        this.cfg = cfg;
        this.sparseWeight = switch (cfg.actorWeight().toLowerCase(Locale.ROOT)) {
            case "sparse" -> true;
            case "advantage" -> false;
            default -> throw new IllegalArgumentException(method + ": sql.actorWeight must be sparse or advantage,"
                    + " got '" + cfg.actorWeight() + "'");
        };
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
        writeCriticInput();
        qTarget = targetMin();
        double[] v = forwardValue();
        double alpha = cfg.alpha();
        double valueLoss = 0;
        double uMean = 0;
        int active = 0;
        double[] dv = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] term = sparseValueTerm(qTarget[i], v[i], alpha);
            valueLoss += term[0] / n;
            dv[i] = term[1] / n;
            uMean += (qTarget[i] - v[i]) / n;
            active += 1 + (qTarget[i] - v[i]) / (2 * alpha) > 0 ? 1 : 0;
        }
        check("value_loss", valueLoss);
        backwardValue(dv);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value_loss", valueLoss);
        m.put("advantage_mean", uMean);
        m.put("sparse_active_fraction", (double) active / n);
        return m;
    }

    /** Steps 2-3: the critics' TD regression onto r + γ(1 − done)V(s') and the weighted-regression actor loss. */
    Map<String, Double> criticAndActorLossesAndGradients() {
        int n = rows;
        writeCriticInput();
        double[] v = forwardValue();
        double criticLoss = criticTd(v);
        double[] weight = new double[n];
        double weightMean = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = actorWeight(qTarget[i] - v[i]);
            weightMean += weight[i] / n;
        }
        double actorLoss = weightedRegression(weight);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("critic_loss", criticLoss);
        m.put("actor_loss", actorLoss);
        m.put("actor_weight_mean", weightMean);
        m.put("actor_lr", actorLr(step));
        return m;
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
        stepCriticsActorAndTargets();
        return m;
    }
}
