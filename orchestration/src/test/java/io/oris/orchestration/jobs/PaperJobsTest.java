package io.oris.orchestration.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.TestJobs;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.GapSpec;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.sweep.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every job file of {@code jobs/} plans, with the run counts the papers' tables need. */
class PaperJobsTest {
    private static final int SEEDS = 5;
    private final Planner planner = new Planner();

    private Plan plan(String file) {
        return planner.plan(TestJobs.load(file), null);
    }

    private static Map<String, Long> counts(Object... methodAndCount) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < methodAndCount.length; i += 2) {
            m.put((String) methodAndCount[i], ((Number) methodAndCount[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void orisTable1() {
        Plan p = plan("oris-table1.yaml");
        assertEquals(12, p.job().sweep().datasets().size());
        assertTrue(p.job().sweep().datasets().stream().allMatch(d -> d instanceof DatasetSpec.D4rl));
        int datasets = 12;
        int envs = 3;
        // hybrid methods: dataset x seed (one gap); SAC: env x seed; offline baselines: dataset x seed
        assertEquals(counts("sac", envs * SEEDS, "h2o", datasets * SEEDS, "darc+", datasets * SEEDS, "oris", datasets * SEEDS,
                "cql", datasets * SEEDS, "iql", datasets * SEEDS, "sql", datasets * SEEDS, "combo", datasets * SEEDS,
                "td3bc", datasets * SEEDS, "bc", datasets * SEEDS), p.runCountByMethod());
        assertEquals(3 * datasets * SEEDS + envs * SEEDS + 6 * datasets * SEEDS, p.runs().size());
        assertEquals(555, p.runs().size());
        assertTrue(p.runs().stream().allMatch(r -> r.budget().gradientSteps() == 500_000));
        assertEquals(12, p.tasks(StageKind.INGEST).size());
        assertEquals(12, p.tasks(StageKind.PRETRAIN_GAN).size());
        assertEquals(15, p.tasks(StageKind.TRAIN).size(), "one per dataset plus one sim-only group per env");
        assertTrue(p.missingD4rlFiles().isEmpty(), "no data root given: nothing reported missing");
    }

    @Test
    void orisTable2() {
        Plan p = plan("oris-table2.yaml");
        assertEquals(List.of("gravity=2.0", "friction=0.3", "action_noise=1.0"),
                p.job().sweep().gaps().stream().map(GapSpec::canonical).toList());
        assertEquals(counts("sac", 3 * 3 * SEEDS, "h2o", 12 * 3 * SEEDS, "darc+", 12 * 3 * SEEDS, "oris", 12 * 3 * SEEDS),
                p.runCountByMethod());
        assertEquals(585, p.runs().size());
    }

    @Test
    void tables1And2ShareTheirGravityRuns() {
        Set<String> t1 = new HashSet<>(plan("oris-table1.yaml").runs().stream().map(RunSpec::runId).toList());
        long shared = plan("oris-table2.yaml").runs().stream().filter(r -> t1.contains(r.runId())).count();
        assertEquals(3 * 12 * SEEDS + 3 * SEEDS, shared, "the gravity x2 hybrid and SAC runs are the same runs");
    }

    @Test
    void smallData() {
        Plan p = plan("oris-small-data.yaml");
        assertEquals(6 + 12, p.job().sweep().datasets().size(), "6 full datasets + 25 % and 5 % subsets of each");
        assertEquals(counts("h2o", 18 * SEEDS, "oris", 18 * SEEDS, "cql", 18 * SEEDS, "iql", 18 * SEEDS), p.runCountByMethod());
        assertTrue(p.datasets().stream().anyMatch(d -> d.id().equals("walker2d-medium-replay-v2-p5")));
    }

    @Test
    void robustness() {
        Plan p = plan("oris-robustness.yaml");
        assertEquals(4, p.job().sweep().gaps().size());
        assertEquals(counts("sac", 4 * SEEDS, "h2o", 4 * SEEDS, "oris", 4 * SEEDS), p.runCountByMethod());
        assertEquals(List.of("hopper-medium-replay-v2"), p.datasets().stream().map(DatasetSpec::id).toList());
    }

    @Test
    void ablations() {
        assertEquals(counts("oris", 3 * SEEDS, "oris-no_restart", 3 * SEEDS, "oris-h2o_reweight", 3 * SEEDS,
                "oris-no_restart-h2o_reweight", 3 * SEEDS), plan("oris-ablations.yaml").runCountByMethod());
        assertEquals(counts("h2o", SEEDS, "h2o-a", SEEDS, "h2o-dr", SEEDS, "h2o-reg", SEEDS, "h2o-v", SEEDS),
                plan("h2o-ablations.yaml").runCountByMethod());
    }

    @Test
    void h2oTable1() {
        Plan p = plan("h2o-table1.yaml");
        assertEquals(List.of("halfcheetah-medium-v2", "halfcheetah-medium-replay-v2", "halfcheetah-medium-expert-v2"),
                p.datasets().stream().map(DatasetSpec::id).toList());
        // H2O's Table 1 columns: SAC, CQL, DARC, DARC+, H2O
        assertEquals(counts("sac", 3 * SEEDS, "cql", 3 * SEEDS, "darc", 3 * 3 * SEEDS, "darc+", 3 * 3 * SEEDS,
                "h2o", 3 * 3 * SEEDS), p.runCountByMethod());
        assertTrue(p.runs().stream().anyMatch(r -> r.column().equals("darc+") && r.gap().equals("friction=0.3")
                && r.datasetId().equals("halfcheetah-medium-replay-v2")));
        assertEquals(5, p.job().sweep().evaluation().episodes(), "H2O's protocol: 5 episodes");
        assertEquals("return", p.job().sweep().evaluation().score());
    }

    @Test
    void orisTable3() {
        Plan p = plan("oris-table3.yaml");
        int seeds = 3;
        assertEquals(counts("sac", seeds, "h2o", seeds, "oris", seeds, "sql", seeds, "cql", seeds, "iql", seeds,
                "td3bc", seeds, "bc", seeds), p.runCountByMethod());
        assertEquals(List.of("pick-place-collect-scripted-n15000"), p.datasets().stream().map(DatasetSpec::id).toList());
        assertTrue(p.runs().stream().filter(r -> r.gap() != null).allMatch(r -> r.gap().equals("sim")),
                "SAC, H2O and ORIS train with the Metaworld simulator");
        assertEquals(25, p.job().sweep().evaluation().episodes(), "the 5 x 5 grid of block positions");
        assertEquals(1, p.job().sweep().evaluation().lastK());
        assertTrue(p.runs().stream().allMatch(r -> r.budget().gradientSteps() == 20_000));
        assertEquals(List.of(StageKind.COLLECT, StageKind.PRETRAIN_GAN, StageKind.TRAIN, StageKind.EVALUATE,
                StageKind.AGGREGATE), List.copyOf(p.taskCountByStage().keySet()));
    }

    @Test
    void quickstartAndHopperGravity() {
        Plan q = plan("quickstart.yaml");
        assertEquals(counts("sac", 2, "h2o", 2, "oris", 2), q.runCountByMethod());
        assertEquals(List.of(StageKind.INGEST, StageKind.PRETRAIN_GAN, StageKind.TRAIN, StageKind.EVALUATE, StageKind.AGGREGATE),
                List.copyOf(q.taskCountByStage().keySet()), "the quickstart installs the shipped dataset");
        assertEquals(counts("sac", 3, "h2o", 3, "oris", 3, "cql", 3), plan("hopper-gravity.yaml").runCountByMethod());
    }

    @Test
    void reproductionJobs() {
        assertEquals(counts("sac", 3, "h2o", 3, "oris", 3), plan("repro-hopper-gravity.yaml").runCountByMethod());
        Plan ablations = plan("repro-hopper-gravity-ablations.yaml");
        assertEquals(counts("oris", 3, "oris-no_restart", 3, "oris-h2o_reweight", 3, "oris-no_restart-h2o_reweight", 3),
                ablations.runCountByMethod());
        Set<String> headline = new HashSet<>(plan("repro-hopper-gravity.yaml").runs().stream().map(RunSpec::runId).toList());
        assertEquals(3, ablations.runs().stream().filter(r -> headline.contains(r.runId())).count(),
                "part 2 reuses part 1's ORIS runs");
        assertEquals(counts("cql", 3, "iql", 3, "td3bc", 3, "bc", 3),
                plan("repro-hopper-gravity-offline.yaml").runCountByMethod());
    }

    @Test
    void everyJobFilePlans() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(TestJobs.jobFile(""), 2)) {
            // the job files: jobs/*.yaml and the learning checks' jobs/learning/*.yaml (not examples/ or data/)
            files = s.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> f.getParent().endsWith("jobs") || f.getParent().endsWith("learning")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "job files found: " + files);
        for (Path f : files) {
            Plan p = planner.plan(io.oris.orchestration.descriptor.JobDescriptor.load(f), null);
            assertTrue(p.runs().size() > 0, f.toString());
            assertEquals(f.getFileName().toString().replace(".yaml", ""), p.job().dagId(), "DAG id = file name");
        }
    }
}
