package io.oris.model.learner;

import io.oris.model.config.BcConfig;
import io.oris.model.config.SacConfig;
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
 * Behaviour cloning: a deterministic actor a = tanh(f(s)) (256-256 ReLU MLP, PyTorch default initialisation) fitted
 * by the mean squared error over all action entries to the offline actions, Adam 3e-4, batch 256: the loss, actor
 * and optimiser of CORL's {@code any_percent_bc.py} with {@code frac = 1} (all trajectories). Unlike CORL, whose
 * {@code normalize} defaults to true, states are not standardised here.
 */
public final class BcLearner extends OfflineBase {
    private final Mlp net;
    private final ParamGroup group;
    private final Adam adam;
    private MlpPass pass;

    public BcLearner(String method, LearnerDims dims, SacConfig sac, BcConfig cfg, long seed) {
        super(method, dims, sac.dataType(), sac.singleSourceBatch(), seed);
        this.net = new Mlp(SacLearner.sizes(obsDim, sac.hidden(), actDim));
        this.group = ParamGroup.initialised(List.of(net), dataType, false, rng, 0.0);
        this.adam = new Adam(group, cfg.lr());
    }

    @Override
    protected void allocate(int n) {
        pass = new MlpPass(net, n, dataType);
    }

    @Override
    public Map<String, Double> lossesAndGradients() {
        int n = rows;
        double[] x = new double[n * (obsDim + 1)];
        rowsOf(obs, null, n, obsDim, 0, x);
        HostIO.write(x, pass.input());
        pass.forward(group.weights(0));
        double[] out = new double[n * actDim];
        pass.readOutput(out);
        double loss = 0;
        double[] d = new double[n * actDim];
        double scale = 1.0 / (n * actDim);
        for (int i = 0; i < n * actDim; i++) {
            double a = Math.tanh(out[i]);
            double e = a - act[i];
            loss += e * e * scale;
            d[i] = 2 * e * scale * (1 - a * a);
        }
        check("bc_loss", loss);
        pass.writeOutputGrad(d);
        pass.backward(group.weights(0), group.gradients(0), 0, n, 0, n, false, false);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("bc_loss", loss);
        return m;
    }

    @Override
    protected Map<String, Double> train() {
        Map<String, Double> m = lossesAndGradients();
        adam.step();
        return m;
    }

    public ParamGroup actorGroup() {
        return group;
    }

    @Override
    protected ExportablePolicy buildPolicy() {
        return deterministicPolicy(net, group);
    }

    @Override
    protected void saveState(StateWriter w) throws IOException {
        w.array("actor", group.params());
        adam.save(w, "actor.adam");
    }

    @Override
    protected void loadState(StateReader r) throws IOException {
        r.into("actor", group.params());
        adam.load(r, "actor.adam");
    }
}
