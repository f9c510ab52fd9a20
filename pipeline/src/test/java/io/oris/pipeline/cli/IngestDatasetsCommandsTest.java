package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.storage.D4rlEnvs;
import io.oris.storage.DatasetStore;
import io.oris.storage.d4rl.D4rlSyntheticFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The ingest and datasets commands end to end through the real command line. */
class IngestDatasetsCommandsTest {
    private static final Path EXAMPLES = Path.of("..", "jobs", "examples");

    @TempDir
    Path dir;

    /** Runs the oris command line; returns exit code and what it printed (out + err). */
    private Result oris(String... args) {
        CommandLine cli = OrisCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void ingestListShowSubsetAndLogs() {
        Path file = dir.resolve("hopper_medium_replay-v2.hdf5");
        new D4rlSyntheticFile(D4rlEnvs.require("hopper"), 4000, true, true, true, 300, 0.003, 9).write(file);
        String root = dir.resolve("data").toString();

        Result ingest = oris("ingest", "d4rl", file.toString(), "--data-root", root);
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.out().contains("hopper-medium-replay-v2: written"), ingest.out());

        Result again = oris("ingest", "d4rl", file.toString(), "--data-root", root);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("unchanged"), again.out());

        Result subset = oris("datasets", "subset", "hopper-medium-replay-v2", "--fraction", "0.25", "--seed", "3",
                "--data-root", root);
        assertEquals(0, subset.code(), subset.err());
        assertTrue(subset.out().contains("hopper-medium-replay-v2-f0.25-s3: written"), subset.out());

        Result logs = oris("ingest", "logs", EXAMPLES.resolve("arm-log.csv").toString(), "--mapping",
                EXAMPLES.resolve("arm-mapping.yaml").toString(), "--data-root", root);
        assertEquals(0, logs.code(), logs.err());

        Result list = oris("datasets", "list", "--data-root", root);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("hopper-medium-replay-v2 "), list.out());
        assertTrue(list.out().contains("subset of hopper-medium-replay-v2"), list.out());
        assertTrue(list.out().contains("log-arm-log"), list.out());

        Result show = oris("datasets", "show", "hopper-medium-replay-v2", "--data-root", root);
        assertEquals(0, show.code(), show.err());
        int rows = new DatasetStore(Path.of(root)).manifest("hopper-medium-replay-v2").rows() > 0 ? 1 : 0;
        assertEquals(1, rows);
        assertTrue(show.out().contains("env       hopper (obs 11, action 3, qpos 6, qvel 6)"), show.out());
        assertTrue(show.out().contains("D4RL normalized score"), show.out());
        assertTrue(show.out().contains("float64"), show.out());
        System.out.println(show.out());

        Result json = oris("datasets", "show", "hopper-medium-replay-v2-f0.25-s3", "--json", "--data-root", root);
        assertTrue(json.out().contains("\"lineage\""), json.out());
    }

    @Test
    void errorsAreOneClearLine() {
        String root = dir.resolve("data").toString();
        Result missing = oris("datasets", "show", "nope", "--data-root", root);
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no dataset 'nope'"), missing.err());

        Result badMapping = oris("ingest", "logs", EXAMPLES.resolve("arm-log.csv").toString(), "--mapping",
                EXAMPLES.resolve("arm-log.jsonl").toString(), "--data-root", root);
        assertEquals(3, badMapping.code(), "bad input");
        assertTrue(badMapping.err().contains("arm-log.jsonl"), badMapping.err());
    }
}
