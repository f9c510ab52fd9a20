package io.oris.model.learner;

import io.oris.model.config.SacConfig;
import io.oris.model.config.SqlConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.ParamGroup;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL's losses: a closed-form case on linear networks with numbers worked out by hand (both branches of the sparse
 * indicator), finite-difference gradients on a random batch, and the authors' update order (critics and actor use
 * the V after its step).
 */
class SqlLearnerTest {
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    /** Linear networks (no hidden layer), double precision, γ = 0.99, log σ bounds wide, batch 3. */
    static SacConfig linear() {
        return SacConfig.builder()
                .hidden(List.of())
                .lastLayerGain(0.0)
                .offlineBatch(3)
                .simulatedBatch(3)
                .singleSourceBatch(3)
                .dataType("double")
                .build();
    }

    static SqlConfig sql(double alpha, String weight) {
        return SqlConfig.builder()
                .alpha(alpha)
                .actorLrSchedule("constant")
                .maxSteps(1000)
                .rewardScale("none")
                .actorWeight(weight)
                .build();
    }

    /** Sets a one-output linear layer (row-major [W; b], padded to two columns) to {@code w} then bias {@code b}. */
    static void setLinear(org.nd4j.linalg.api.ndarray.INDArray flat, long offset, double[] w, double b) {
        for (int j = 0; j < w.length; j++) {
            flat.putScalar(offset + 2L * j, w[j]);
        }
        flat.putScalar(offset + 2L * w.length, b);
    }

    static void zero(ParamGroup g) {
        g.params().assign(0.0);
        if (g.target() != null) {
            g.target().assign(0.0);
        }
    }

    /**
     * obs = 2, act = 1, α = 1. V(s) = s₀; target critics Q̄1(s, a) = a₀ + s₁ and Q̄2 = 2; online critics and actor
     * zero; log σ = 0. Rows (s; a; r; done; s'):
     * <pre>
     *  1: (0, 1);   0.5;  1; 0; (2, 0)   q̄ = 1.5, V = 0,  u = 1.5, z = 1 + u/2 = 1.75: term 1.75² + 0 = 3.0625
     *  2: (1, −3);  0;    0; 1; (2, 0)   q̄ = −3,  V = 1,  u = −4,  z = −1 (inactive):  term 0 + 1/1 = 1
     *  3: (−1, 0);  1;   −1; 0; (2, 0)   q̄ = 1,   V = −1, u = 2,   z = 2:               term 4 − 1 = 3
     * </pre>
     * value loss 7.0625 / 3; dL/dV per row (−z₊ + 1)/3 = (−0.25, 1/3, −1/3), so dL/dw₀ = Σ dV·s₀ = 2/3,
     * dL/dw₁ = (−0.75·1 + 1·(−3))/3 = −1.25, dL/db = −0.25. Critics: y = r + 0.99(1 − done)·V(s' = (2, 0)) =
     * (2.98, 0, 0.98); with Q = 0 the loss is mean(y²) = (2.98² + 0.98²)/3. Actor weights max(0, z) = (1.75, 0, 2);
     * log π(a|s) = −a²/2 − log √(2π) with mean tanh(0) = 0 and σ = 1.
     */
    @Test
    void closedFormLossesAndValueGradient() {
        SqlLearner l = new SqlLearner("sql", LearnerDims.of(2, 1), linear(), sql(1.0, "sparse"), 1);
        zero(l.actorGroup());
        zero(l.criticGroup());
        zero(l.valueGroup());
        setLinear(l.valueGroup().params(), 0, new double[] {1, 0}, 0);
        long q2 = l.criticGroup().offset(1);
        setLinear(l.criticGroup().target(), 0, new double[] {0, 1, 1}, 0);
        setLinear(l.criticGroup().target(), q2, new double[] {0, 0, 0}, 2);
        Batch b = new Batch(3, 2, 1, new float[] {0, 1, 1, -3, -1, 0}, new float[] {0.5f, 0, 1},
                new float[] {1, 0, -1}, new float[] {2, 0, 2, 0, 2, 0}, new float[] {0, 1, 0});
        l.prepare(UpdateInput.of(b, null));
        Map<String, Double> m = l.lossesAndGradients();
        assertEquals(7.0625 / 3, m.get("value_loss"), 1e-12);
        assertEquals((1.5 - 4 + 2) / 3, m.get("advantage_mean"), 1e-12);
        assertEquals(2.0 / 3, m.get("sparse_active_fraction"), 1e-12);
        double[] gv = HostIO.toHost(l.valueGroup().grads());
        assertEquals(2.0 / 3, gv[0], 1e-12, "dL/dw0");
        assertEquals(-1.25, gv[2], 1e-12, "dL/dw1");
        assertEquals(-0.25, gv[4], 1e-12, "dL/db");
        assertEquals((2.98 * 2.98 + 0.98 * 0.98) / 3, m.get("critic_loss"), 1e-12);
        assertEquals(3.75 / 3, m.get("actor_weight_mean"), 1e-12);
        double lp1 = -0.125 - LOG_SQRT_2PI;
        double lp2 = -LOG_SQRT_2PI;
        double lp3 = -0.5 - LOG_SQRT_2PI;
        assertEquals(-(1.75 * lp1 + 0 * lp2 + 2 * lp3) / 3, m.get("actor_loss"), 1e-12);

        // the authors' released weight max(0, q̄ − V) = (1.5, 0, 2)
        SqlLearner adv = new SqlLearner("sql", LearnerDims.of(2, 1), linear(), sql(1.0, "advantage"), 1);
        assertEquals(1.5, adv.actorWeight(1.5), 0.0);
        assertEquals(0.0, adv.actorWeight(-4), 0.0);
        assertEquals(1.75, l.actorWeight(1.5), 0.0);
        assertEquals(0.0, l.actorWeight(-4), 0.0);
        assertEquals(100.0, l.actorWeight(1e6), 0.0, "clipped at sql.maxWeight");
    }

    @Test
    void sparseValueTermMatchesItsDefinitionAndDerivative() {
        double alpha = 2.0;
        for (double[] qv : new double[][] {{3, 1}, {-5, 0.5}, {0, 0}, {1, 6}, {0.2, 4.2}}) {
            double[] t = SqlLearner.sparseValueTerm(qv[0], qv[1], alpha);
            double z = 1 + (qv[0] - qv[1]) / (2 * alpha);
            assertEquals((z > 0 ? z * z : 0) + qv[1] / alpha, t[0], 1e-12);
            double h = 1e-6;
            double fd = (SqlLearner.sparseValueTerm(qv[0], qv[1] + h, alpha)[0]
                    - SqlLearner.sparseValueTerm(qv[0], qv[1] - h, alpha)[0]) / (2 * h);
            assertEquals(fd, t[1], 1e-6, "d/dV at " + qv[0] + ", " + qv[1]);
        }
        // far below the support (z ≤ 0) only V/α remains: its gradient 1/α pushes V down
        assertEquals(1 / alpha, SqlLearner.sparseValueTerm(-100, 0, alpha)[1], 0.0);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(5);
        int obs = OfflineLossTest.OBS;
        int act = OfflineLossTest.ACT;
        SacConfig cfg = OfflineLossTest.CFG;
        SqlConfig sql = SqlConfig.builder().alpha(0.3).actorLrSchedule("constant").maxSteps(100).rewardScale("none")
                .build();
        SqlLearner l = new SqlLearner("sql", LearnerDims.of(obs, act), cfg, sql, 3);
        l.logStd()[0] = 0.1;
        l.logStd()[1] = -0.2;
        Batch b = Ref.randomBatch(r, 7, obs, act);
        l.prepare(UpdateInput.of(b, null));
        Map<String, Double> m = l.lossesAndGradients();
        double f = m.get("sparse_active_fraction");
        assertTrue(f > 0 && f < 1, "both branches of the sparse indicator should occur, active fraction " + f);
        int[] vs = Ref.sizes(obs, cfg.hidden(), 1);
        int[] qs = Ref.sizes(obs + act, cfg.hidden(), 1);
        int[] as = Ref.sizes(obs, cfg.hidden(), act);
        double[] gv = Ref.grads(l.valueGroup());
        double[] gc = Ref.grads(l.criticGroup());
        double[] ga = Ref.grads(l.actorGroup());
        assertTrue(Ref.checkGradient(l.valueGroup().params(), gv, 0, gv.length, vs, 0,
                () -> l.lossesAndGradients().get("value_loss"), "SQL value") > 0);
        Ref.checkGradient(l.criticGroup().params(), gc, 0, gc.length, qs, 0,
                () -> l.lossesAndGradients().get("critic_loss"), "SQL critics");
        Ref.checkGradient(l.actorGroup().params(), ga, 0, ga.length, as, 0,
                () -> l.lossesAndGradients().get("actor_loss"), "SQL actor");
    }

    @Test
    void criticsAndActorUseTheSteppedValue() {
        SqlLearner l = new SqlLearner("sql", LearnerDims.of(2, 1), linear(), sql(1.0, "sparse"), 1);
        Batch b = new Batch(3, 2, 1, new float[] {0, 1, 1, -3, -1, 0}, new float[] {0.5f, 0, 1},
                new float[] {1, 0, -1}, new float[] {2, 0.5f, 1, 1, -2, 0}, new float[] {0, 1, 0});
        double[] critics = HostIO.toHost(l.criticGroup().params());
        Map<String, Double> m = l.update(UpdateInput.of(b, null));
        double[] v = HostIO.toHost(l.valueGroup().params()); // V stepped once in this update
        int[] vs = Ref.sizes(2, List.of(), 1);
        int[] qs = Ref.sizes(3, List.of(), 1);
        double loss = 0;
        for (int i = 0; i < 3; i++) {
            double[] sa = Ref.concat(Ref.row(b.obs(), i, 2), Ref.row(b.actions(), i, 1));
            double y = b.rewards()[i] + 0.99 * (1 - b.done()[i]) * Ref.forward(v, 0, vs, Ref.row(b.nextObs(), i, 2))[0];
            double q1 = Ref.forward(critics, 0, qs, sa)[0];
            double q2 = Ref.forward(critics, Ref.paramCount(qs), qs, sa)[0];
            loss += ((q1 - y) * (q1 - y) + (q2 - y) * (q2 - y)) / 6;
        }
        Ref.assertRel(loss, m.get("critic_loss"), 1e-10, "critic loss on the stepped V");
    }

    @Test
    void rejectsBadSettings() {
        LearnerDims d = LearnerDims.of(2, 1);
        assertThrows(IllegalArgumentException.class, () -> new SqlLearner("sql", d, linear(), sql(0.0, "sparse"), 1));
        assertThrows(IllegalArgumentException.class, () -> new SqlLearner("sql", d, linear(), sql(1.0, "exp"), 1));
        assertThrows(IllegalStateException.class, () -> new SqlLearner("sql", d, linear(),
                SqlConfig.builder().maxSteps(10).build(), 1)
                .update(UpdateInput.of(Ref.randomBatch(new Random(1), 3, 2, 1), null)));
    }
}
