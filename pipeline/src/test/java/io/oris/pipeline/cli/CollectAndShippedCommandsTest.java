package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.JobDescriptorParser;
import io.oris.pipeline.stages.CollectStage;
import io.oris.pipeline.stages.ShippedFixture;
import io.oris.pipeline.train.ModelLearners;
import io.oris.storage.DatasetStore;
import io.oris.storage.ShippedDatasets;
import io.oris.storage.TransitionArrays;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code oris collect} makes what the collect stage makes for the same entry; shipped datasets in list, show, install. */
class CollectAndShippedCommandsTest {
    @TempDir
    Path dir;

    private static Result run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void collectCommandMakesTheSameDatasetAsTheJobEntry() {
        Result help = run(OrisCli.commandLine().getCommand(), "collect", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("--max-train-steps") && help.out().contains("--random-steps"), help.out());

        String root = dir.resolve("cli").toString();
        Result cli = run(new CollectCommand(), "hopper", "medium-replay", "--size", "150", "--seed", "2",
                "--random-steps", "100", "--max-train-steps", "150", "--data-root", root);
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("SAC behaviour (medium-replay)"), "progress lines: " + cli.out());
        assertTrue(cli.out().contains("150 transitions") && cli.out().contains("target"), cli.out());

        DatasetSpec.Collected entry = (DatasetSpec.Collected) new JobDescriptorParser().parse("""
                j:
                  oris:
                    envs: [hopper]
                    datasets: [{collect: medium-replay, size: 150, seed: 2, params: {random_steps: 100, max_train_steps: 150}}]
                    methods: [cql]
                    seeds: 1
                """, Path.of("j.yaml")).sweep().datasets().get(0);
        CollectStage.Job job = CollectStage.Job.of(entry, null);
        Path stageRoot = dir.resolve("stage");
        CollectStage.collect(job, stageRoot, new ModelLearners(), line -> { });
        DatasetStore cliStore = new DatasetStore(Path.of(root));
        assertEquals(java.util.List.of(job.id()), cliStore.list(), "the command's default id is the job entry's");
        assertEquals(new DatasetStore(stageRoot).manifest(job.id()).fingerprint(), cliStore.manifest(job.id()).fingerprint());
        TransitionArrays a = cliStore.read(job.id());
        TransitionArrays b = new DatasetStore(stageRoot).read(job.id());
        assertArrayEquals(b.obs(), a.obs());
        assertArrayEquals(b.action(), a.action());
        assertArrayEquals(b.reward(), a.reward());
        assertArrayEquals(b.nextObs(), a.nextObs());
        assertArrayEquals(b.episode(), a.episode());

        Result again = run(new CollectCommand(), "hopper", "medium-replay", "--size", "150", "--seed", "2",
                "--random-steps", "100", "--max-train-steps", "150", "--data-root", root);
        assertTrue(again.out().contains("already collected"), again.out());
        Result bad = run(new CollectCommand(), "hoper", "medium", "--size", "10", "--data-root", root);
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("unknown env 'hoper'"), bad.err());
    }

    @Test
    void shippedDatasetsAreListedShownAndInstalled() {
        ShippedDatasets shipped = ShippedFixture.tinyShipped(dir, "hopper-tiny-shipped");
        String root = dir.resolve("root").toString();

        Result list = run(new DatasetsListCommand(shipped), "--data-root", root);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("hopper-tiny-shipped") && list.out().contains("hopper")
                && list.out().contains("[shipped, not installed: oris datasets install hopper-tiny-shipped]"), list.out());

        Result show = run(new DatasetsShowCommand(shipped), "hopper-tiny-shipped", "--data-root", root);
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("rows      40 transitions in 2 episodes") && show.out().contains("not installed"),
                show.out());

        Result install = run(new DatasetsInstallCommand(shipped), "hopper-tiny-shipped", "--data-root", root);
        assertEquals(0, install.code(), install.err());
        assertTrue(install.out().contains("hopper-tiny-shipped: installed at"), install.out());
        Result twice = run(new DatasetsInstallCommand(shipped), "hopper-tiny-shipped", "--data-root", root);
        assertTrue(twice.out().contains("already installed"), twice.out());

        Result listed = run(new DatasetsListCommand(shipped), "--data-root", root);
        assertTrue(listed.out().contains("[shipped, installed]"), listed.out());
        Result shown = run(new DatasetsShowCommand(shipped), "hopper-tiny-shipped", "--data-root", root);
        assertTrue(shown.out().contains(Path.of(root, "datasets", "hopper-tiny-shipped", "data").toString()), shown.out());

        Result unknown = run(new DatasetsShowCommand(shipped), "nope", "--data-root", root);
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no dataset 'nope'") && unknown.err().contains("shipped: hopper-tiny-shipped"),
                unknown.err());
        Result notShipped = run(new DatasetsInstallCommand(shipped), "nope", "--data-root", root);
        assertTrue(notShipped.err().contains("no shipped dataset 'nope'"), notShipped.err());
    }
}
