package io.oris.model.learner;

import io.oris.model.config.SacConfig;
import io.oris.model.replay.Batch;
import java.util.function.IntToDoubleFunction;

/**
 * Independent double-precision recomputation of the SAC-core losses of one update from the learner's parameters,
 * batch and drawn noise (see {@link Ref}); hooks give the per-row TD coefficients, reward corrections and a per-critic
 * regulariser, as each method defines them.
 */
final class SacRef {
    interface Regulariser {
        double value(int critic, double[] qData);
    }

    final int n;
    final double[] q1;
    final double[] q2;
    final double[] y;
    final double[] logp;
    double criticLoss;
    double actorLoss;
    double alphaLoss;

    SacRef(SacLearner l, SacConfig cfg, Batch off, Batch sim, IntToDoubleFunction coef, IntToDoubleFunction corr,
           Regulariser reg) {
        int o = l.obsDim();
        int a = l.actDim();
        int nOff = off.size();
        n = nOff + sim.size();
        int[] as = Ref.sizes(o, cfg.hidden(), 2 * a);
        int[] qs = Ref.sizes(o + a, cfg.hidden(), 1);
        double[] ap = Ref.params(l.actorGroup());
        double[] cp = Ref.params(l.criticGroup());
        double[] tp = io.oris.model.nn.HostIO.toHost(l.criticGroup().target());
        int qn = Ref.paramCount(qs);
        double[] eps = l.actorNoise();
        double alpha = Math.exp(l.logAlpha());
        double h = cfg.targetEntropy() != null ? cfg.targetEntropy() : -a;
        q1 = new double[n];
        q2 = new double[n];
        y = new double[n];
        logp = new double[n];
        double actor = 0;
        double logpSum = 0;
        for (int i = 0; i < n; i++) {
            Batch b = i < nOff ? off : sim;
            int r = i < nOff ? i : i - nOff;
            double[] s = Ref.row(b.obs(), r, o);
            double[] s2 = Ref.row(b.nextObs(), r, o);
            double[] act = Ref.row(b.actions(), r, a);
            double[] pi = new double[a];
            double[] pi2 = new double[a];
            double lp = sample(Ref.forward(ap, 0, as, s), eps, i, a, cfg, pi, l.head().multiplier(),
                    l.head().offset());
            sample(Ref.forward(ap, 0, as, s2), eps, n + i, a, cfg, pi2, l.head().multiplier(), l.head().offset());
            logp[i] = lp;
            q1[i] = Ref.forward(cp, 0, qs, Ref.concat(s, act))[0];
            q2[i] = Ref.forward(cp, qn, qs, Ref.concat(s, act))[0];
            double qp1 = Ref.forward(cp, 0, qs, Ref.concat(s, pi))[0];
            double qp2 = Ref.forward(cp, qn, qs, Ref.concat(s, pi))[0];
            double t1 = Ref.forward(tp, 0, qs, Ref.concat(s2, pi2))[0];
            double t2 = Ref.forward(tp, qn, qs, Ref.concat(s2, pi2))[0];
            y[i] = b.rewards()[r] + corr.applyAsDouble(i) + cfg.gamma() * (1 - b.done()[r]) * Math.min(t1, t2);
            actor += alpha * lp - Math.min(qp1, qp2);
            logpSum += lp;
        }
        actorLoss = actor / n;
        alphaLoss = -l.logAlpha() * (logpSum / n + h);
        double c = 0;
        for (int k = 0; k < 2; k++) {
            double[] q = k == 0 ? q1 : q2;
            for (int i = 0; i < n; i++) {
                c += coef.applyAsDouble(i) * (q[i] - y[i]) * (q[i] - y[i]);
            }
            c += reg.value(k, q);
        }
        criticLoss = c;
    }

    /**
     * tanh-Gaussian sample from a raw output row with the learner's noise row {@code row}, log σ = clamp(m·ℓ + o);
     * returns log π.
     */
    static double sample(double[] raw, double[] eps, int row, int a, SacConfig cfg, double[] act, double m,
                         double o) {
        double lp = 0;
        for (int j = 0; j < a; j++) {
            double ls = Math.max(cfg.logStdMin(), Math.min(cfg.logStdMax(), m * raw[a + j] + o));
            double e = eps[row * a + j];
            double u = raw[j] + Math.exp(ls) * e;
            act[j] = Math.tanh(u);
            // log N(u; μ, σ) − log(1 − tanh²u), the latter written directly (double precision suffices here)
            lp += -0.5 * e * e - ls - 0.5 * Math.log(2 * Math.PI) - Math.log(1 - Math.tanh(u) * Math.tanh(u));
        }
        return lp;
    }
}
