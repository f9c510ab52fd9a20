package io.oris.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every subcommand answers {@code --help} and {@code --version}; usage errors exit 2, bad input 3. */
class HelpAndExitCodesTest {


    /** The command paths of every subcommand, e.g. [datasets, list]. */
    private static void paths(CommandLine cmd, List<String> prefix, List<List<String>> into) {
        for (var e : cmd.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            into.add(path);
            paths(e.getValue(), path, into);
        }
    }

    @Test
    void everySubcommandAnswersHelpAndVersion() {
        List<List<String>> all = new ArrayList<>();
        paths(OrisCli.commandLine(), List.of(), all);
        assertTrue(all.size() >= 20, "subcommands found: " + all);
        for (List<String> path : all) {
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            CliRun h = CliRun.of(help.toArray(String[]::new));
            assertEquals(0, h.code(), path + " --help: " + h.err());
            assertTrue(h.out().contains("Usage: oris " + String.join(" ", path)), path + " --help printed:\n" + h.out());
            assertTrue(h.out().contains("Exit codes:") && h.out().contains("3   bad input"), h.out());

            List<String> version = new ArrayList<>(path);
            version.add("--version");
            CliRun v = CliRun.of(version.toArray(String[]::new));
            assertEquals(0, v.code(), path + " --version: " + v.err());
            assertTrue(v.out().startsWith("oris "), path + " --version printed: " + v.out());
        }
    }

    @Test
    void quietAndVerboseSetTheLogLevels() {
        org.apache.logging.log4j.Logger oris = org.apache.logging.log4j.LogManager.getLogger(Progress.LOGGER);
        try {
            assertEquals(0, CliRun.of("plan", "../jobs/quickstart.yaml", "--quiet").code());
            assertEquals(org.apache.logging.log4j.Level.WARN, oris.getLevel(), "--quiet hides progress lines");
            assertEquals(0, CliRun.of("plan", "../jobs/quickstart.yaml", "--verbose").code());
            assertEquals(org.apache.logging.log4j.Level.DEBUG, oris.getLevel());
            assertEquals(2, CliRun.of("plan", "../jobs/quickstart.yaml", "--quiet", "--verbose").code(), "they exclude each other");
        } finally {
            org.apache.logging.log4j.core.config.Configurator.setLevel("io.oris", org.apache.logging.log4j.Level.INFO);
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark", org.apache.logging.log4j.Level.WARN);
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of("no-such-command").code());
        assertEquals(2, CliRun.of("plan", "--no-such-option", "x.yaml").code());
        assertEquals(2, CliRun.of("plan").code(), "missing JOB");
    }

    @Test
    void datasetsVerifyNamesADamagedPartAndExitsThree(@TempDir Path dir) throws Exception {
        io.oris.storage.TransitionBuilder b = new io.oris.storage.TransitionBuilder(11, 3, 0, 0);
        for (int t = 0; t < 200; t++) {
            b.add(t / 50, t % 50, new float[11], new float[3], 1f, new float[11], false, t % 50 == 49, null, null);
        }
        io.oris.storage.TransitionArrays data = b.build();
        io.oris.storage.DatasetStore store = new io.oris.storage.DatasetStore(dir);
        io.oris.storage.Manifest m = store.write("tiny", data, new io.oris.storage.DatasetDescription(data.dims("hopper"),
                "fp", new io.oris.storage.Manifest.Source("collect", List.of(), "float32", null),
                new io.oris.storage.Manifest.Made("test", null, null, null), null), false);
        CliRun ok = CliRun.of("datasets", "verify", "tiny", "--data-root", dir.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("tiny: intact (1 part(s) match the manifest)"), ok.out());

        Path part = store.layout().dataset("tiny").resolve(m.parts().get(0).file());
        Files.write(part, java.util.Arrays.copyOf(Files.readAllBytes(part), 100));
        CliRun bad = CliRun.of("datasets", "verify", "tiny", "--data-root", dir.toString());
        assertEquals(3, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains("DAMAGED  " + part + ": size 100 bytes"), bad.out());
        CliRun shown = CliRun.of("datasets", "show", "tiny", "--data-root", dir.toString());
        assertTrue(shown.out().contains("integrity DAMAGED: 1 of 1 part(s)"), shown.out());
    }

    @Test
    void badInputExitsThreeNamingTheFile(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("broken.yaml");
        Files.writeString(job, "broken:\n  default_args: {retry_delay_sec: 5}\n  oris: {envs: [hopper]}\n");
        CliRun o = CliRun.of("plan", job.toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("broken.yaml") && o.err().contains("retry_delay_sec"), o.err());

        CliRun missing = CliRun.of("plan", dir.resolve("absent.yaml").toString());
        assertEquals(3, missing.code(), missing.err());
        assertTrue(missing.err().contains("absent.yaml"), missing.err());
    }
}
