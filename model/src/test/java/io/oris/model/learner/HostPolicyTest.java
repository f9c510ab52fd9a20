package io.oris.model.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oris.model.config.LearnerConfig;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.MlpPass;
import io.oris.model.nn.ParamGroup;
import io.oris.model.replay.UpdateInput;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The policy that acts in rollouts and evaluation ({@link HostPolicy} on a plain-Java {@code HostMlp} copy of the
 * weights) is the actor the learner trains: after updates, its deterministic action equals tanh of the mean that the
 * ND4J actor ({@link MlpPass}) computes, and the folded constant columns of the hidden layers are still exactly
 * (0, …, 0, 1), which the host copy assumes when it reads the biases from the last row.
 */
class HostPolicyTest {
    @Test
    void theActingPolicyIsTheTrainedActor() {
        LearnerConfig cfg = LearnerLifecycleTest.small().withOverrides(Map.of("sac.backupEntropy", true));
        SacLearner l = (SacLearner) Learners.create("sac", cfg, LearnerLifecycleTest.dims(), null, 3);
        for (UpdateInput in : LearnerLifecycleTest.inputs(l.batchSpec(), 30, 4)) {
            l.update(in);
        }
        ParamGroup actor = l.actorGroup();
        Mlp net = actor.net(0);
        double[] flat = HostIO.toHost(actor.params());
        for (int layer = 0; layer < net.layers() - 1; layer++) {
            int in = net.size(layer);
            int out = net.size(layer + 1);
            int cols = net.cols(layer);
            int base = (int) net.offset(layer);
            for (int row = 0; row < in; row++) {
                assertEquals(0.0, flat[base + row * cols + out], "layer " + layer + " constant column, row " + row);
            }
            assertEquals(1.0, flat[base + in * cols + out], "layer " + layer + " constant column, bias row");
        }
        int obs = l.obsDim();
        int act = l.actDim();
        MlpPass pass = new MlpPass(net, 1, DataType.FLOAT);
        Policy policy = l.policy();
        Random r = new Random(5);
        for (int k = 0; k < 20; k++) {
            float[] s = new float[obs];
            double[] input = new double[obs + 1];
            for (int j = 0; j < obs; j++) {
                s[j] = (float) (2 * r.nextGaussian());
                input[j] = s[j];
            }
            input[obs] = 1;
            HostIO.write(input, pass.input());
            pass.forward(actor.weights(0));
            double[] out = new double[2 * act];
            pass.readOutput(out);
            float[] a = policy.act(s, true, null);
            for (int j = 0; j < act; j++) {
                assertEquals(Math.tanh(out[j]), a[j], 1e-5, "state " + k + ", action " + j);
            }
        }
    }
}
