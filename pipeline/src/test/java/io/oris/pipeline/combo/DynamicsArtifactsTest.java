package io.oris.pipeline.combo;

import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.config.DynamicsConfig;
import io.oris.model.replay.Transitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COMBO's dynamics model is trained once per (dataset, settings, seed), kept in the data root and reused. */
class DynamicsArtifactsTest {
    static Transitions data(int n) {
        Random r = new Random(1);
        float[] obs = new float[n * 2];
        float[] next = new float[n * 2];
        float[] act = new float[n];
        float[] rew = new float[n];
        for (int i = 0; i < n; i++) {
            obs[2 * i] = (float) r.nextGaussian();
            obs[2 * i + 1] = (float) r.nextGaussian();
            act[i] = (float) r.nextGaussian();
            next[2 * i] = obs[2 * i] + act[i];
            next[2 * i + 1] = obs[2 * i + 1];
            rew[i] = obs[2 * i];
        }
        return new Transitions(n, 2, 1, obs, act, rew, next, new float[n]);
    }

    @Test
    void trainsOnceThenReuses(@TempDir Path root) {
        DynamicsConfig c = DynamicsConfig.builder()
                .ensembleSize(2)
                .elites(1)
                .hidden(List.of(8))
                .batch(16)
                .weightDecay(List.of(0.0, 0.0))
                .maxHoldout(100)
                .patience(2)
                .maxEpochs(3)
                .build();
        Transitions d = data(60);
        DynamicsEnsemble a = DynamicsArtifacts.loadOrTrain(root, "toy", c, 3, d);
        Path dir = DynamicsArtifacts.dir(root, "toy", c, 3);
        assertTrue(Files.exists(DynamicsArtifacts.checkpoint(dir)) && Files.exists(dir.resolve("curve.csv")));
        assertTrue(dir.getFileName().toString().startsWith("toy-") && dir.getFileName().toString().endsWith("-s3"));
        DynamicsEnsemble b = DynamicsArtifacts.loadOrTrain(root, "toy", c, 3, null);   // no data needed: loaded
        double[] s = {0.1, 0.2};
        double[] act = {0.3};
        double[] m1 = new double[3];
        double[] m2 = new double[3];
        double[] lv = new double[3];
        a.predict(a.elites()[0], s, act, 1, m1, lv);
        b.predict(b.elites()[0], s, act, 1, m2, lv);
        assertArrayEquals(m1, m2, 0.0);
        DynamicsConfig other = c.withLr(2e-3);
        assertNotEquals(dir, DynamicsArtifacts.dir(root, "toy", other, 3), "settings are part of the folder");
        assertNotEquals(dir, DynamicsArtifacts.dir(root, "toy", c, 4), "so is the seed");
    }
}
