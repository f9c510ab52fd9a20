package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.model.learner.Policy;
import io.oris.model.policy.PolicyFiles;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.export.OnnxPolicyTest;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.train.ModelLearners;
import io.oris.pipeline.train.RunConfig;
import io.oris.pipeline.train.TinySweeps;
import io.oris.pipeline.train.TrainRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oris export-policy} on a trained TD3+BC run (observation normalisation, deterministic tanh head): the ONNX
 * model of the last and of a chosen step acts as the snapshot's policy under ONNX Runtime (1e-5, 100 states), the npy
 * folder reads back as the same policy, and a missing run or step fails with exit 3 naming what exists.
 */
class ExportPolicyCommandTest {
    @TempDir
    Path root;

    @TempDir
    Path out;

    private static final String JOB = """
            tiny:
              oris:
                envs: [hopper]
                datasets: [{collect: random, size: 300}]
                methods: [td3bc]
                seeds: 1
                budget: {gradient_steps: 6, steps_per_epoch: 3, eval_every: 3}
                evaluation: {episodes: 1, last_k: 1, max_episode_steps: 50}
                hyperparameters:
                  td3bc: {sac.hidden: [32, 32], sac.singleSourceBatch: 32}
            """;

    private RunConfig trainedRun() {
        RunSpec spec = TinySweeps.plan(JOB).runs().get(0);
        TinySweeps.randomHopperDataset(root, spec.datasetId(), 300, 5);
        RunConfig config = new RunConfig(spec.runId(), spec.config());
        assertFalse(new TrainRun(config, root, new ModelLearners()).execute().failed());
        return config;
    }

    @Test
    void exportsTheDeterministicPolicyAsOnnxAndNpy() throws Exception {
        RunConfig config = trainedRun();
        RunDirectory dir = RunDirectory.of(root, config.runId());
        assertEquals(List.of(0L, 3L, 6L), dir.snapshotSteps());
        float[][] states = OnnxPolicyTest.states(100, 3);

        Path last = out.resolve("last.onnx");
        CliRun r = CliRun.of("export-policy", config.runId(), "--data-root", root.toString(), "--out", last.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("step 6") && r.out().contains("observations normalised"), r.out());
        Policy step6 = PolicyFiles.read(dir.snapshotDir(6)).policy();
        OnnxPolicyTest.assertSameActions(step6, states, OnnxPolicyTest.onnxActions(Files.readAllBytes(last), states),
                "td3bc step 6 via oris export-policy");

        Path three = out.resolve("three.onnx");
        r = CliRun.of("export-policy", config.runId(), "--step", "3", "--format", "onnx", "--data-root", root.toString(),
                "--out", three.toString());
        assertEquals(0, r.code(), r.err());
        Policy step3 = PolicyFiles.read(dir.snapshotDir(3)).policy();
        OnnxPolicyTest.assertSameActions(step3, states, OnnxPolicyTest.onnxActions(Files.readAllBytes(three), states),
                "td3bc step 3 via oris export-policy");

        Path folder = out.resolve("npy");
        r = CliRun.of("export-policy", config.runId(), "--step", "3", "--format", "npy", "--data-root", root.toString(),
                "--out", folder.toString());
        assertEquals(0, r.code(), r.err());
        Policy back = PolicyFiles.read(folder).policy();
        for (float[] s : states) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(step3.act(s, true, null), back.act(s, true, null));
        }
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary files left");
        }
    }

    @Test
    void aMissingRunOrStepFailsNamingWhatExists() throws Exception {
        RunConfig config = trainedRun();
        CliRun r = CliRun.of("export-policy", config.runId(), "--step", "4", "--data-root", root.toString(), "--out",
                out.resolve("x.onnx").toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("step-4") && r.err().contains("[0, 3, 6]"), r.err());
        assertFalse(Files.exists(out.resolve("x.onnx")));

        r = CliRun.of("export-policy", "0123456789abcdef", "--data-root", root.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("0123456789abcdef") && r.err().contains("config.json"), r.err());

        r = CliRun.of("export-policy", config.runId(), "--format", "tflite", "--data-root", root.toString());
        assertEquals(2, r.code(), r.err());
    }
}
