package io.oris.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.DatasetStats;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Learners;
import io.oris.model.learner.Policy;
import io.oris.model.learner.PolicyExport;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ONNX model of a policy, run by ONNX Runtime, gives the Java policy's deterministic actions within 1e-5 on 100
 * states, for each head (SAC's tanh-Gaussian with its mean sliced out, IQL's tanh mean, TD3+BC's and BC's tanh) and
 * with TD3+BC's observation normalisation; full-size (256-256) actors at hopper's dimensions.
 */
public class OnnxPolicyTest {
    static final int OBS = 11;
    static final int ACT = 3;

    /** Hopper-like dataset statistics (TD3+BC normalises with them, IQL reads the return range). */
    static LearnerDims dims() {
        double[] mean = new double[OBS];
        double[] std = new double[OBS];
        for (int j = 0; j < OBS; j++) {
            mean[j] = 0.1 * j - 0.4;
            std[j] = 0.2 + 0.3 * j;
        }
        return new LearnerDims(OBS, ACT, new DatasetStats(mean, std, 10.0, 3000.0));
    }

    public static float[][] states(int n, long seed) {
        Random r = new Random(seed);
        float[][] s = new float[n][OBS];
        for (float[] row : s) {
            for (int j = 0; j < OBS; j++) {
                row[j] = (float) (0.1 * j - 0.4 + (0.2 + 0.3 * j) * r.nextGaussian());
            }
        }
        return s;
    }

    /** ONNX Runtime's actions for {@code states} from the serialised model. */
    public static float[][] onnxActions(byte[] model, float[][] states) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, states);
             OrtSession.Result result = session.run(Map.of(OnnxPolicy.INPUT, input))) {
            return (float[][]) result.get(OnnxPolicy.OUTPUT).orElseThrow().getValue();
        }
    }

    /** Asserts ONNX Runtime's actions equal the policy's deterministic ones within 1e-5. */
    public static void assertSameActions(Policy policy, float[][] states, float[][] onnx, String what) {
        assertEquals(states.length, onnx.length, what);
        double worst = 0;
        for (int i = 0; i < states.length; i++) {
            float[] java = policy.act(states[i], true, null);
            assertEquals(java.length, onnx[i].length, what);
            for (int j = 0; j < java.length; j++) {
                worst = Math.max(worst, Math.abs(java[j] - onnx[i][j]));
                assertEquals(java[j], onnx[i][j], 1e-5, what + " state " + i + " action " + j);
            }
        }
        System.out.printf("[onnx] %s: %d states, largest difference %.2e%n", what, states.length, worst);
    }

    @Test
    void onnxRuntimeActsAsTheJavaPolicyForEveryHead() throws Exception {
        for (String m : List.of("sac", "iql", "td3bc", "bc")) {
            Learner l = Learners.create(m, LearnerConfig.defaults(), dims(), null, 7);
            PolicyExport export = l.policy().export();
            byte[] model = OnnxPolicy.model(export, "test", m);
            float[][] s = states(100, 11);
            assertSameActions(l.policy(), s, onnxActions(model, s), m);
            if (m.equals("td3bc")) {
                assertTrue(export.normalizer() != null, "TD3+BC's policy normalises observations");
            }
        }
    }
}
