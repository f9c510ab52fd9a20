package io.oris.pipeline.combo;

import io.oris.model.combo.DynamicsEnsemble;
import io.oris.model.config.DynamicsConfig;
import io.oris.model.replay.Transitions;
import io.oris.orchestration.sweep.DynamicsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COMBO's dynamics model: trained into its folder (named by dataset, resolved settings and seed), loaded back. */
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
    void trainsIntoItsFolderAndLoadsBack(@TempDir Path root) {
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
        DynamicsSpec spec = new DynamicsSpec("toy", Map.of("ensembleSize", 2, "elites", 1, "hidden", List.of(8),
                "batch", 16, "weightDecay", List.of(0.0, 0.0), "maxHoldout", 100, "patience", 2, "maxEpochs", 3), 3);
        assertEquals(c, DynamicsArtifacts.config(spec), "the spec's settings over the model's defaults");
        DynamicsEnsemble a = DynamicsArtifacts.train(root, spec, d).model();
        Path dir = DynamicsArtifacts.dir(root, "toy", c, 3);
        assertEquals(dir, DynamicsArtifacts.dir(root, spec));
        assertTrue(Files.exists(DynamicsArtifacts.checkpoint(dir)) && Files.exists(dir.resolve("curve.csv"))
                && Files.exists(dir.resolve("dynamics.json")));
        assertTrue(dir.getFileName().toString().startsWith("toy-") && dir.getFileName().toString().endsWith("-s3"));
        DynamicsEnsemble b = DynamicsArtifacts.load(root, spec, "r1");
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
