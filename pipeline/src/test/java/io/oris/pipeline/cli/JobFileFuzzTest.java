package io.oris.pipeline.cli;

import io.oris.pipeline.train.TinySweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job file corrupted seven ways: {@code oris plan} names the file and the key, exits 3 and writes nothing. */
class JobFileFuzzTest {
    @TempDir
    Path dir;

    private static final String JOB = TinySweeps.offlineJob("fuzz");

    private void assertRejected(String corruption, String text, String... mustName) throws Exception {
        Path job = dir.resolve(corruption.replace(' ', '-') + ".yaml");
        Files.writeString(job, text);
        rejected(corruption, job, mustName);
    }

    private void rejected(String corruption, Path job, String... mustName) {
        Path root = dir.resolve("data");
        String[] names = new String[mustName.length + 1];
        names[0] = job.toString();
        System.arraycopy(mustName, 0, names, 1, mustName.length);
        RejectedInput.assertRejected(corruption, root, new String[] {"plan", job.toString(), "--data-root", root.toString()},
                names);
    }

    @Test
    void theValidJobPlans() throws Exception {
        Path job = dir.resolve("valid.yaml");
        Files.writeString(job, JOB);
        CliRun ok = CliRun.of("plan", job.toString(), "--data-root", dir.resolve("data").toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void truncatedInsideAFlowMapping() throws Exception {
        assertRejected("truncated", JOB.substring(0, JOB.indexOf("steps_per_epoch") + 5),
                "truncated.yaml:10: malformed YAML", "while parsing a flow mapping");
    }

    @Test
    void garbageBytes() throws Exception {
        Path job = dir.resolve("garbage.yaml");
        RejectedInput.garbage(job, 600);
        rejected("garbage bytes", job, "line 1 (byte 0): expected UTF-8 text, found byte 0xc0");
    }

    @Test
    void wrongTypeOfAValue() throws Exception {
        assertRejected("wrong type", JOB.replace("seeds: 1", "seeds: many"), "seeds", "many");
    }

    @Test
    void missingRequiredField() throws Exception {
        assertRejected("missing field", JOB.replace("    envs: [hopper]\n", ""), "envs");
    }

    @Test
    void unknownKey() throws Exception {
        assertRejected("unknown key", JOB.replace("methods:", "methds:"), "methds");
    }

    @Test
    void wrongShapeAListAsAMap() throws Exception {
        assertRejected("wrong shape", JOB.replace("budget: {gradient_steps: 300,", "budget: [300,")
                .replace("snapshot_every: 100}", "100]"), "budget");
    }

    @Test
    void outOfRangeValue() throws Exception {
        assertRejected("negative steps", JOB.replace("gradient_steps: 300", "gradient_steps: -300"), "gradient_steps", "-300");
    }
}
