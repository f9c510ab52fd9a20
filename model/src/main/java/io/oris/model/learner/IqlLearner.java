package io.oris.model.learner;

import io.oris.model.config.IqlConfig;
import io.oris.model.config.SacConfig;
import java.util.LinkedHashMap;
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
 * CORL's MLPs do. The networks, the critics' TD loss, the weighted regression and the snapshot are
 * {@link InSampleLearner}'s, shared with SQL.
 */
public final class IqlLearner extends InSampleLearner {
    private final IqlConfig cfg;

    public IqlLearner(String method, LearnerDims dims, SacConfig sac, IqlConfig cfg, long seed) {
        super(method, dims, sac, "iql", cfg.lr(), cfg.actorLrSchedule(), cfg.maxSteps(), cfg.rewardScale(), seed);
        this.cfg = cfg;
    }

    @Override
    public Map<String, Double> lossesAndGradients() {
        int n = rows;
        writeCriticInput();
        double[] qBar = targetMin();
        double[] v = forwardValue();
        double valueLoss = 0;
        double[] dv = new double[2 * n];
        double[] weight = new double[n];
        double advMean = 0;
        for (int i = 0; i < n; i++) {
            double u = qBar[i] - v[i];
            double wt = Math.abs(cfg.expectile() - (u < 0 ? 1 : 0));
            valueLoss += wt * u * u / n;
            dv[i] = -2 * wt * u / n;
            weight[i] = Math.min(Math.exp(cfg.beta() * u), cfg.maxWeight());
            advMean += u / n;
        }
        check("value_loss", valueLoss);
        backwardValue(dv);
        double criticLoss = criticTd(v);
        double actorLoss = weightedRegression(weight);
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
        stepCriticsActorAndTargets();
        return m;
    }
}
