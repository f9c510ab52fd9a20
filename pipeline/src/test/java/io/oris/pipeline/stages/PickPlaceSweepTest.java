package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.pipeline.report.ReportTable;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.train.ModelLearners;
import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.csv.CsvFiles;
import io.oris.storage.csv.CsvTable;
import io.oris.storage.table.TableReader;
import io.oris.pipeline.cli.OrisCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny pick-place sweep (ORIS Table III) end to end on Spark local[2] with the real engine, learners and Parquet:
 * the scripted dataset is collected, ORIS's GAN is trained on its 7-d states, BC trains offline, SAC and ORIS in the
 * {@code sim} (Metaworld) simulator (ORIS restarting it from generated 7-d states), every snapshot is evaluated on the
 * 25-position grid in {@code real} with Reach/Pick/Place flags in {@code eval.parquet}, and the report has Table III
 * with numbers that agree with those files, success-rate bars, and no normalized-score table.
 */
class PickPlaceSweepTest {
    @TempDir
    Path dir;

    static final String JOB = """
            tiny-pick-place:
              default_args: {owner: oris, retries: 0}
              schedule: null
              oris:
                envs: [pick-place]
                datasets:
                  - {collect: scripted, size: 600}
                gaps: [sim]
                methods: [bc, sac, oris]
                seeds: 2
                budget: {gradient_steps: 40, steps_per_epoch: 20, sim_steps_per_epoch: 60, eval_every: 40}
                evaluation: {last_k: 1}
                gan: {steps: 40, hidden: [32, 32], batch_size: 64}
                hyperparameters:
                  bc: {sac.hidden: [32, 32]}
                  sac: {sac.hidden: [32, 32]}
                  oris: {sac.hidden: [32, 32], oris.rolloutHorizon: 10}
                spark: {master: "local[2]"}
            """;

    @Test
    void aTinyPickPlaceSweepProducesTableThreeFromTheGridEvaluation() throws Exception {
        Path root = dir.resolve("data");
        Path job = dir.resolve("tiny-pick-place.yaml");
        Files.writeString(job, JOB);
        SweepRunner.Result result = new SweepRunner(new ModelLearners(), System.out::println).run(job, root, null, false);
        assertTrue(result.outcome().report().succeeded(), "every task succeeds");
        Plan plan = new SweepRunner(new ModelLearners(), s -> { }).plan(job, root);
        assertEquals(6, plan.runs().size());

        Manifest manifest = new DatasetStore(root).manifest("pick-place-collect-scripted-n600");
        assertEquals(600, manifest.rows());
        assertEquals(7, manifest.obsDim());

        double[] placeRate = new double[3];
        double[] reachRate = new double[3];
        List<String> methods = List.of("bc", "sac", "oris");
        for (RunSpec run : plan.runs()) {
            RunDirectory rd = RunDirectory.of(root, run.runId());
            assertTrue(rd.readStatus().orElseThrow().succeeded(), run.label());
            assertEquals(run.method().id().equals("bc") ? null : "sim", run.gap(), run.label());
            List<Map<String, Object>> eval = TableReader.readAll(rd.evalFile());
            assertEquals(2 * 25, eval.size(), "2 snapshots x the 25 grid positions: " + run.label());
            assertEquals(Set.of("step", "episode", "return", "length", "normalized_score", "reach", "pick", "place"),
                    eval.get(0).keySet());
            for (Map<String, Object> row : eval) {
                int length = (Integer) row.get("length");
                double ret = (Double) row.get("return");
                boolean place = (Boolean) row.get("place");
                assertTrue(length >= 1 && length <= 150, "pick-place episodes end by step 150: " + length);
                assertTrue(Double.isNaN((Double) row.get("normalized_score")), "pick-place has no normalized score");
                // r = -0.1 + 0.1 [reach] + 20 [place], so the flags can be read off the return
                assertEquals(place, ret > 1, "Place pays +20 once: " + row);
                if (!place) {
                    assertEquals(row.get("reach"), ret > -0.1 * length + 1e-6, "Reach pays 0.1 at some step: " + row);
                }
                if ((Long) row.get("step") == 40) {
                    int m = methods.indexOf(run.method().id());
                    placeRate[m] += place ? 100.0 / 50 : 0;
                    reachRate[m] += Boolean.TRUE.equals(row.get("reach")) ? 100.0 / 50 : 0;
                }
            }
            if (run.method().id().equals("oris")) {
                List<Map<String, Object>> metrics = TableReader.readAll(rd.trainMetricsFile());
                assertTrue(metrics.stream().anyMatch(r -> r.get("metric").equals("sim_transitions")
                        && (Double) r.get("value") > 0), "ORIS collected simulated transitions from its restarts");
            }
        }

        Path report = result.report().directory();
        assertFalse(Files.exists(report.resolve("csv/table1_sim.csv")), "no normalized-score table for pick-place");
        CsvTable table = CsvFiles.read(report.resolve("csv/table3_scripted_sim.csv"));
        assertEquals(List.of("Metric", "BC", "SAC", "ORIS"), table.header());
        assertEquals(List.of("Average return", "Reach SR %", "Pick SR %", "Place SR %"),
                table.rows().stream().map(r -> r.cells().get(0)).toList());
        for (int m = 0; m < 3; m++) {
            String reach = table.rows().get(1).cells().get(m + 1);
            String place = table.rows().get(3).cells().get(m + 1);
            assertTrue(reach.startsWith(ReportTable.number(reachRate[m], 1)), methods.get(m) + " reach " + reach
                    + " vs eval.parquet " + reachRate[m]);
            assertTrue(place.startsWith(ReportTable.number(placeRate[m], 1)), methods.get(m) + " place " + place
                    + " vs eval.parquet " + placeRate[m]);
        }
        assertTrue(Files.exists(report.resolve("success_table3_scripted_sim.png")));
        assertTrue(Files.exists(report.resolve("curve_table3_scripted_sim.png")));
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Table III (pick-place)") && html.contains("Success rates (Table III)"), "HTML sections");
        assertTrue(result.report().terminalTables().contains("Table III"), result.report().terminalTables());

        // oris results: the README carries Table III and the folder the success-rate bars
        Path out = dir.resolve("results/pick-place");
        CommandLine cli = OrisCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("results", job.toString(), "--data-root", root.toString(), "--out", out.toString()),
                err.toString());
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("### Table III: pick-place-scripted, simulator sim") && readme.contains("| Place SR % |"),
                readme);
        assertTrue(Files.exists(out.resolve("success_table3_scripted_sim.png")), "success-rate bars in the results folder");
    }

    /**
     * {@code jobs/oris-table3.yaml} itself at a tiny budget (its methods, dataset kind, gap and evaluation unchanged;
     * steps, dataset size, GAN steps and seeds shrunk): every method runs and Table III has all eight columns.
     */
    @Test
    void theTableThreeJobRunsAtATinyBudget() throws Exception {
        String text = Files.readString(Path.of("../jobs/oris-table3.yaml"));
        String tiny = text.replace("{collect: scripted}", "{collect: scripted, size: 450}")
                .replace("seeds: 3", "seeds: 1")
                .replace("gradient_steps: 20000", "gradient_steps: 20")
                .replace("steps_per_epoch: 1000\n      sim_steps_per_epoch: 1000", "steps_per_epoch: 10\n      sim_steps_per_epoch: 30")
                .replace("eval_every: 2000", "eval_every: 20")
                .replace("steps: 10000", "steps: 20\n    hyperparameters: {h2o: {sac.hidden: [16, 16]}, cql: {sac.hidden: [16, 16]}}");
        assertTrue(tiny.contains("gradient_steps: 20\n") && tiny.contains("sim_steps_per_epoch: 30")
                && tiny.contains("size: 450") && tiny.contains("steps: 20\n"), "the job's budget lines were found: " + tiny);
        Path job = dir.resolve("oris-table3.yaml");
        Files.writeString(job, tiny);
        Path root = dir.resolve("table3");
        SweepRunner.Result result = new SweepRunner(new ModelLearners(), System.out::println).run(job, root, null, false);
        assertTrue(result.outcome().report().succeeded(), "every task succeeds");
        CsvTable table = CsvFiles.read(result.report().directory().resolve("csv/table3_scripted_sim.csv"));
        assertEquals(List.of("Metric", "BC", "CQL", "IQL", "SQL", "TD3+BC", "SAC", "H2O", "ORIS"), table.header());
        for (CsvTable.Row row : table.rows()) {
            for (String cell : row.cells().subList(1, row.cells().size())) {
                assertTrue(cell.matches("-?[0-9]+\\.[0-9].*"), "a number in every cell of " + row.cells());
            }
        }
    }
}
