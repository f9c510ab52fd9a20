package io.oris.pipeline.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.pipeline.stages.SweepRunner;
import io.oris.pipeline.train.ModelLearners;
import io.oris.storage.table.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Learning checks that run a job of {@code jobs/learning/} through the whole pipeline (shipped dataset, Spark
 * local[2], evaluation in the real hopper) and compare the methods' mean final normalized scores over seeds. The data
 * root is {@code target/learning-data} (kept, so a rerun resumes and reuses finished runs;
 * {@code -Doris.learning.dataRoot=DIR} moves it).
 */
@Tag("learning")
class PipelineLearningTest {
    private static Path dataRoot() {
        return Path.of(System.getProperty("oris.learning.dataRoot", "target/learning-data"));
    }

    /** Runs the job and returns the mean final normalized score per method column. */
    static Map<String, Double> meanScores(String job) throws Exception {
        Path file = Path.of("..", "jobs", "learning", job);
        SweepRunner.Result result = new SweepRunner(new ModelLearners(), System.out::println)
                .run(file, dataRoot(), null, false);
        assertTrue(result.outcome().report().succeeded(), job + ": every task succeeds");
        Map<String, List<Double>> byMethod = new TreeMap<>();
        for (Map<String, Object> row : TableReader.readAll(result.report().scores())) {
            Object score = row.get("final_normalized_score");
            assertTrue(score instanceof Double, job + ": run " + row.get("run_id") + " has no final score: " + row);
            byMethod.computeIfAbsent((String) row.get("column"), k -> new ArrayList<>()).add((Double) score);
        }
        Map<String, Double> means = new TreeMap<>();
        byMethod.forEach((m, s) -> means.put(m, s.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        System.out.println(job + ": mean final normalized score per method " + means + " (per seed " + byMethod + ")");
        Files.writeString(dataRoot().resolve(job + ".scores.txt"), means + "\n" + byMethod + "\n");
        return means;
    }

    /** CQL and IQL against BC at 20k gradient steps (budget and its reason: the job file). */
    @Test
    void offlineBaselinesBeatBehaviourCloning() throws Exception {
        assertBeatBehaviourCloning(meanScores("learning-offline.yaml"), List.of("cql", "iql"));
    }

    /** TD3+BC against BC at 60k gradient steps: it leaves BC's level much later than CQL and IQL (the job file). */
    @Test
    void td3bcBeatsBehaviourCloning() throws Exception {
        assertBeatBehaviourCloning(meanScores("learning-offline-td3bc.yaml"), List.of("td3bc"));
    }

    private static void assertBeatBehaviourCloning(Map<String, Double> s, List<String> methods) {
        for (String m : methods) {
            assertTrue(s.get(m) > s.get("bc"), m + " (" + s.get(m) + ") must beat BC (" + s.get("bc") + "): " + s);
        }
    }

    @Test
    void hybridsBeatSacInTheInaccurateSimulator() throws Exception {
        Map<String, Double> s = meanScores("learning-hybrid.yaml");
        for (String m : List.of("oris", "h2o")) {
            assertTrue(s.get(m) > s.get("sac"), m + " (" + s.get(m) + ") must beat SAC (" + s.get("sac") + "): " + s);
        }
    }
}
