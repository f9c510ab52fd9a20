package io.oris.pipeline.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.cli.OrisCli;
import io.oris.pipeline.report.Bootstrap;
import io.oris.pipeline.report.EvalPoint;
import io.oris.pipeline.report.Figures;
import io.oris.pipeline.report.ReportSpec;
import io.oris.pipeline.report.ReportWriter;
import io.oris.pipeline.report.RunResult;
import io.oris.pipeline.report.SyntheticSweep;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.train.MetricsLog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code oris results} through the real command line on a synthetic finished sweep: the report folders written by
 * the report writer from {@link SyntheticSweep} (an older and a newer version), run folders with {@code status.json}
 * and ORIS {@code train_metrics.parquet} (all w(s) metrics, only the mean, none), and the job file committed in a git
 * repository. Every number the README shows is recomputed here from the raw curves; nothing is trained.
 */
class ResultsCommandTest {
    private static final String JOB = "unit-results";
    private static final int LAST_K = 2;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    static Path repo;
    @TempDir
    static Path root;
    static Path jobFile;
    static List<RunResult> runs;
    static Outcome first;
    static String readme;
    static Path out;
    static String commit;
    static Duration sumOfRuns = Duration.ZERO;
    static Instant lastFinish = T0;
    static int timed;

    private record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void makeFinishedSweepAndRun() throws Exception {
        jobFile = repo.resolve("jobs/" + JOB + ".yaml");
        Files.createDirectories(jobFile.getParent());
        Files.writeString(jobFile, """
                unit-results:
                  description: "Synthetic sweep for the results command test"
                  oris:
                    envs: [hopper, walker2d]
                    datasets:
                      - d4rl: [medium-replay, medium]
                    gaps: [gravity=2.0, friction=0.3]
                    methods: [bc, cql, sac, h2o, oris]
                    seeds: 3
                    budget: {gradient_steps: 5000, steps_per_epoch: 1000, sim_steps_per_epoch: 1000, eval_every: 1000}
                    evaluation: {episodes: 10, last_k: 2}
                """);
        commit = gitCommit(repo);

        runs = SyntheticSweep.runs();
        ReportSpec spec = ReportSpec.of(JOB, LAST_K);
        Path reports = ReportWriter.reportDir(root, JOB);
        new ReportWriter(List.of()).write(runs.subList(0, 12), spec, reports.resolve("v0001"));   // older, fewer runs
        new ReportWriter().write(runs, spec, reports.resolve("v0002"));
        writeRunFolders();

        out = repo.resolve("results/unit");
        first = run("results", jobFile.toString(), "--data-root", root.toString(), "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        readme = Files.readString(out.resolve("README.md"));
    }

    /** status.json for every started run (run i starts i minutes after T0 and takes i + 1 minutes); ORIS metrics. */
    private static void writeRunFolders() {
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            RunDirectory dir = RunDirectory.of(root, r.runId());
            if (r.status().equals(RunResult.MISSING)) {
                continue;
            }
            Instant start = T0.plus(Duration.ofMinutes(i));
            Instant finish = start.plus(Duration.ofMinutes(i + 1));
            dir.writeStatus(new RunStatus(r.status(), r.error(), 1, 5000, start.toString(), finish.toString()));
            sumOfRuns = sumOfRuns.plus(Duration.between(start, finish));
            lastFinish = finish.isAfter(lastFinish) ? finish : lastFinish;
            timed++;
            if (r.status().equals(RunResult.SUCCEEDED) && r.column().equals("oris")) {
                metrics(dir, r.seed(), WeightCurves.METRICS);
            } else if (r.status().equals(RunResult.SUCCEEDED) && r.column().equals("oris-no_restart")) {
                metrics(dir, r.seed(), List.of(WeightCurves.MEAN));
            }
        }
    }

    /** w(s) metrics of one seed at steps 1000…5000: value = f(metric, step) + 0.01·seed. */
    private static void metrics(RunDirectory dir, long seed, List<String> names) {
        MetricsLog log = new MetricsLog(dir.trainMetricsFile(), 0);
        for (long step = 1000; step <= 5000; step += 1000) {
            log.add(step, "critic_loss", 1.0 / step);
            for (String m : names) {
                log.add(step, m, weightValue(m, step) + 0.01 * seed);
            }
        }
        log.flush();
    }

    static double weightValue(String metric, long step) {
        double t = step / 5000.0;
        return switch (metric) {
            case WeightCurves.P10 -> 0.2 + 0.1 * t;
            case WeightCurves.P50 -> 0.5 + 0.1 * t;
            case WeightCurves.P90 -> 0.8 + 0.1 * t;
            case WeightCurves.MEAN -> 0.5 + 0.12 * t;
            case WeightCurves.STD -> 0.2;
            case WeightCurves.AT_MIN -> 0.3 * (1 - t);
            case WeightCurves.AT_MAX -> 0.05;
            default -> throw new IllegalArgumentException(metric);
        };
    }

    @Test
    void theReadmeStartsWithTheJobAndItsSweep() {
        assertTrue(readme.startsWith("# Results: unit-results\n\nJob `unit-results` (`jobs/unit-results.yaml`): Synthetic"
                + " sweep for the results command test. Methods `bc`, `cql`, `sac`, `h2o`, `oris` on `hopper`, `walker2d`"), readme);
        assertTrue(readme.contains("seeds 0, 1, 2; every run trains for 5000 gradient steps"), readme);
        assertTrue(readme.contains("The report has " + runs.size() + " runs: " + (runs.size() - 5) + " scored, 4 failed,"
                + " 1 missing or not evaluated."), readme);
        assertTrue(readme.contains("**The job file has changed since this report:**"), "synthetic runs are not the job's plan");
        assertTrue(first.out().contains("from report unit-results/v0002 (" + runs.size() + " runs)"), first.out());
    }

    @Test
    void theTableHasOneRowPerCellWithMeanStdCiAndSeeds() {
        Bootstrap b = Bootstrap.standard();
        int checked = 0;
        for (String[] cell : new String[][] {
                {"oris", "hopper", "medium-replay", SyntheticSweep.G2},
                {"h2o", "walker2d", "medium", SyntheticSweep.F03},
                {"sac", "hopper", "", SyntheticSweep.G2},
                {"bc", "hopper", "medium-replay@25%", RunResult.REAL},
                {"oris-no_restart", "hopper", "medium-replay", SyntheticSweep.G2}}) {
            List<RunResult> seeds = cell(cell[0], cell[1], cell[2], cell[3]);
            List<String> perSeed = new ArrayList<>();
            List<Double> finals = new ArrayList<>();
            for (RunResult r : seeds) {
                if (r.status().equals(RunResult.SUCCEEDED)) {
                    finals.add(finalScore(r));
                    perSeed.add("s" + r.seed() + " " + fmt(finalScore(r)));
                } else {
                    perSeed.add("s" + r.seed() + " missing");
                }
            }
            double[] v = finals.stream().mapToDouble(Double::doubleValue).toArray();
            Bootstrap.Interval ci = b.meanInterval(v, 0.95);
            assertTrue(ci.contains(mean(v)), "the CI covers the mean");
            String runsText = seeds.size() + (v.length < seeds.size() ? " (1 missing)" : "");
            String row = "| " + (cell[2].isEmpty() ? cell[1] + " (sim only)" : cell[1] + "-" + cell[2]) + " | "
                    + gapText(cell[3]) + " | " + display(cell[0]) + " | " + fmt(mean(v)) + " ± " + fmt(std(v)) + " | ["
                    + fmt(ci.lower()) + ", " + fmt(ci.upper()) + "] | " + String.join(", ", perSeed) + " | " + runsText + " |";
            assertTrue(readme.contains(row + "\n"), "missing row\n" + row + "\nin\n" + readme);
            checked++;
        }
        assertEquals(5, checked);
        long rows = readme.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| task-dataset")).count();
        assertTrue(rows > 60, "cells and comparisons: " + rows);
    }

    @Test
    void failedSeedsAreMarkedAndLeftOut() {
        List<RunResult> seeds = cell("oris", "hopper", "medium", SyntheticSweep.G2);
        double[] two = seeds.stream().filter(r -> r.status().equals(RunResult.SUCCEEDED))
                .mapToDouble(ResultsCommandTest::finalScore).toArray();
        assertEquals(2, two.length);
        Pattern row = Pattern.compile("(?m)^\\| hopper-medium \\| gravity ×2\\.0 \\| ORIS \\| " + Pattern.quote(fmt(mean(two)))
                + " ± .* \\| s0 [-0-9.]+, s1 [-0-9.]+, s2 \\*\\*failed\\*\\* \\| 3 \\(\\*\\*1 failed\\*\\*\\) \\|$");
        assertTrue(row.matcher(readme).find(), readme);
        assertTrue(readme.contains("| walker2d-medium | real (offline only) | CQL | — | — | s0 **failed**, s1 **failed**,"
                + " s2 **failed** | 3 (**3 failed**) |"), readme);
    }

    @Test
    void comparisonsGiveTheDifferenceAndTheBootstrapShare() {
        assertTrue(readme.contains("not a p-value"), "the share is stated as a bootstrap estimate");
        assertTrue(readme.contains("10,000 resamples with replacement from a generator with the fixed seed "
                + Bootstrap.SEED), readme);
        double[] h2o = finals(cell("h2o", "hopper", "medium-replay", SyntheticSweep.G2));
        double[] oris = finals(cell("oris", "hopper", "medium-replay", SyntheticSweep.G2));
        double diff = mean(h2o) - mean(oris);
        String share = String.format(Locale.ROOT, "%.3f", Bootstrap.standard().shareAhead(h2o, oris));
        String row = "| hopper-medium-replay | gravity ×2.0 | H2O | ORIS | " + (diff > 0 ? "+" : "") + fmt(diff) + " | "
                + share + " |";
        assertTrue(readme.contains(row), row + "\n" + readme);
        assertTrue(readme.contains("| hopper-medium-replay | gravity ×2.0 | BC (offline) | SAC (sim only) |"), readme);
    }

    @Test
    void howItWasMadeNamesCommandsCommitWallTimeMachineAndReport() {
        String rel = "jobs/unit-results.yaml";
        assertTrue(readme.contains("```bash\n./oris run " + rel + " --data-root " + root.toAbsolutePath().normalize()
                + "\n./oris results " + rel + " --data-root " + root.toAbsolutePath().normalize() + " --out results/unit\n```"),
                readme);
        if (commit != null) {
            assertTrue(readme.contains("- Commit: `" + commit + "`, the repository of the job file `" + rel + "`.\n"), readme);
        } else {
            assertTrue(readme.contains("- Commit: `unknown` ("), readme);
        }
        String wall = TrainingTime.format(Duration.between(T0, lastFinish));
        assertTrue(readme.contains("- Training wall time: " + wall + " from the first run's start (" + T0 + ")"), readme);
        assertTrue(readme.contains("to the last run's finish (" + lastFinish + ") over " + timed + " runs; the runs' own"
                + " durations add up to " + TrainingTime.format(sumOfRuns)), readme);
        assertTrue(readme.contains(" 1 run has no start or finish time and is not counted."), "the missing run is untimed");
        Matcher machine = Pattern.compile("(?m)^- Machine: (.+), (\\d+) cores?, (.+) GiB memory, (.+), Java (\\S+) .*$").matcher(readme);
        assertTrue(machine.find(), readme);
        assertEquals(Runtime.getRuntime().availableProcessors(), Integer.parseInt(machine.group(2)));
        assertEquals(System.getProperty("java.version"), machine.group(5));
        assertTrue(readme.contains("- Report: `unit-results/v0002` (" + root.resolve("reports/unit-results/v0002")), readme);
    }

    @Test
    void figuresAreLinkedAndAreValidPngs() throws IOException {
        Matcher link = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(readme);
        List<String> linked = new ArrayList<>();
        while (link.find()) {
            linked.add(link.group(1));
        }
        assertTrue(linked.contains("curve_hopper-medium-replay_gravity-2.0.png"), linked.toString());
        assertTrue(linked.contains("wdist_oris_hopper-medium-replay_gravity-2.0.png"), linked.toString());
        assertTrue(linked.contains("wclip_oris_hopper-medium-replay_gravity-2.0.png"), linked.toString());
        assertTrue(linked.contains("wdist_oris-no_restart_hopper-medium-replay_gravity-2.0.png"), "mean only: " + linked);
        assertFalse(linked.contains("wclip_oris-no_restart_hopper-medium-replay_gravity-2.0.png"), "no clip metric logged");
        assertFalse(linked.stream().anyMatch(l -> l.contains("h2o_reweight")), "no metrics, no figure");
        assertTrue(readme.contains("- ORIS (H2O reweight), hopper-medium-replay, gravity ×2.0: no w(s) metrics logged (3 of 3"
                + " runs have no readable train_metrics.parquet under the data root)."), readme);
        assertTrue(readme.contains("- ORIS (w/o restart), hopper-medium-replay, gravity ×2.0: not logged: `sim_weight_std`,"
                + " `sim_weight_p10`"), readme);
        List<String> pngs = files(out).stream().filter(f -> f.endsWith(".png")).toList();
        assertEquals(pngs.stream().sorted().toList(), linked.stream().sorted().toList(), "every PNG linked once");
        for (String png : pngs) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertNotNull(img, png + " is not a PNG");
            assertEquals(Figures.WIDTH, img.getWidth(), png);
        }
        assertEquals(-1, Files.mismatch(out.resolve("curve_hopper-medium-replay_gravity-2.0.png"),
                root.resolve("reports/unit-results/v0002/curve_hopper-medium-replay_gravity-2.0.png")), "the report's own PNG");
    }

    @Test
    void theWeightCurvesAreSeedMeans() {
        List<Path> files = cell("oris", "hopper", "medium-replay", SyntheticSweep.G2).stream()
                .map(r -> RunDirectory.of(root, r.runId()).trainMetricsFile()).toList();
        WeightCurves w = WeightCurves.read(files);
        assertEquals(List.of(), w.absent());
        WeightCurves.Curve p10 = w.get(WeightCurves.P10).orElseThrow();
        assertEquals(5, p10.steps().length);
        assertEquals(weightValue(WeightCurves.P10, 3000) + 0.01, p10.mean()[2], 1e-12, "mean of seeds 0, 1, 2");
        assertEquals(3, p10.seeds()[2]);
    }

    @Test
    void theFolderEndsWithItsFileListAndHasOneCsvRowPerRun() throws IOException {
        List<String> lines = readme.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("Files in this folder: `README.md`, `scores.csv`, "), last);
        for (String f : files(out)) {
            assertTrue(last.contains("`" + f + "`"), f + " not in " + last);
        }
        List<String> csv = Files.readAllLines(out.resolve("scores.csv"), StandardCharsets.UTF_8);
        assertEquals("run_id,column,task,dataset,gap,seed,status,final_normalized_score,final_return", csv.get(0));
        assertEquals(runs.size() + 1, csv.size());
        RunResult oris = cell("oris", "hopper", "medium-replay", SyntheticSweep.G2).get(1);
        assertTrue(csv.contains(oris.runId() + ",oris,hopper,medium-replay,gravity=2.0,1,succeeded," + finalScore(oris)
                + "," + finalReturn(oris)), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.matches(".*,walker2d,medium,real,0,failed,,$")), csv.toString());
    }

    @Test
    void anExistingFolderIsKeptUnlessOverwriteAndADirtyTreeIsMarked() throws IOException {
        Path other = repo.resolve("results/again");
        assertEquals(0, run("results", jobFile.toString(), "--data-root", root.toString(), "--out", other.toString()).code());
        String before = Files.readString(other.resolve("README.md"));
        Outcome refused = run("results", jobFile.toString(), "--data-root", root.toString(), "--out", other.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("results folder " + other + " already exists") && refused.err().contains("--overwrite"),
                refused.err());
        assertEquals(before, Files.readString(other.resolve("README.md")));
        Outcome replaced = run("results", jobFile.toString(), "--data-root", root.toString(), "--out", other.toString(),
                "--overwrite");
        assertEquals(0, replaced.code(), replaced.err());
        String after = Files.readString(other.resolve("README.md"));
        String tables = "## How it was made";
        assertEquals(before.substring(0, before.indexOf(tables)), after.substring(0, after.indexOf(tables)),
                "same report, same README up to its provenance");
        if (commit != null) {
            assertTrue(after.contains("- Commit: `" + commit + "-dirty` (the work tree had uncommitted changes)"),
                    "the results folders are untracked files: " + after);
        }
        try (Stream<Path> left = Files.list(other.getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no staging folders left");
        }
    }

    @Test
    void aJobWithoutAReportIsOneClearLine(@TempDir Path emptyRoot) {
        Outcome o = run("results", jobFile.toString(), "--data-root", emptyRoot.toString(), "--out",
                emptyRoot.resolve("out").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("job unit-results has no report under data root " + emptyRoot), o.err());
        assertTrue(o.err().contains("run `./oris run " + jobFile + "` first"), o.err());
        assertFalse(Files.exists(emptyRoot.resolve("out")));
    }

    @Test
    void aJobOutsideAnyRepositoryHasAnUnknownCommit(@TempDir Path loose) throws IOException {
        Path copy = loose.resolve("unit-results.yaml");
        Files.copy(jobFile, copy);
        Outcome o = run("results", copy.toString(), "--data-root", root.toString(), "--out", loose.resolve("r").toString());
        assertEquals(0, o.code(), o.err());
        String text = Files.readString(loose.resolve("r/README.md"));
        assertTrue(text.contains("- Commit: `unknown` ("), text);
        assertTrue(text.contains("./oris run " + copy.toAbsolutePath().normalize()), text);
    }

    // ---- helpers: independent recomputation ----

    private static Outcome run(String... args) {
        CommandLine cli = OrisCli.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        int code = cli.execute(args);
        return new Outcome(code, o.toString(), e.toString());
    }

    /** Commits the repository's files; the commit hash, or null when git is not installed. */
    private static String gitCommit(Path dir) throws IOException, InterruptedException {
        try {
            git(dir, "init", "-q");
        } catch (IOException e) {
            return null;
        }
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=oris test", "-c", "user.email=test@oris.invalid", "commit", "-q", "-m", "job");
        return git(dir, "rev-parse", "HEAD").strip();
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        p.getInputStream().transferTo(buf);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + buf);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static List<RunResult> cell(String column, String task, String dataset, String gap) {
        List<RunResult> found = runs.stream().filter(r -> r.column().equals(column) && r.task().equals(task)
                && r.dataset().equals(dataset) && r.gap().equals(gap)).sorted(Comparator.comparingLong(RunResult::seed)).toList();
        assertFalse(found.isEmpty(), "no runs " + column + " " + task + " " + dataset + " " + gap);
        return found;
    }

    private static double[] finals(List<RunResult> seeds) {
        return seeds.stream().filter(r -> r.status().equals(RunResult.SUCCEEDED)).mapToDouble(ResultsCommandTest::finalScore)
                .toArray();
    }

    static double finalScore(RunResult r) {
        List<EvalPoint> c = r.curve();
        return (c.get(c.size() - 1).meanNormalizedScore() + c.get(c.size() - 2).meanNormalizedScore()) / 2;
    }

    static double finalReturn(RunResult r) {
        List<EvalPoint> c = r.curve();
        return (c.get(c.size() - 1).meanReturn() + c.get(c.size() - 2).meanReturn()) / 2;
    }

    static String fmt(double v) {
        return new BigDecimal(v).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    private static String display(String column) {
        return switch (column) {
            case "oris" -> "ORIS";
            case "oris-no_restart" -> "ORIS (w/o restart)";
            case "h2o" -> "H2O";
            case "sac" -> "SAC";
            case "bc" -> "BC";
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static String gapText(String gap) {
        return switch (gap) {
            case SyntheticSweep.G2 -> "gravity ×2.0";
            case SyntheticSweep.F03 -> "friction ×0.3";
            case RunResult.REAL -> "real (offline only)";
            default -> throw new IllegalArgumentException(gap);
        };
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
