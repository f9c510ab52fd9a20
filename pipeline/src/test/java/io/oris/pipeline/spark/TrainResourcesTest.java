package io.oris.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.descriptor.SparkSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceProfile;
import org.junit.jupiter.api.Test;

/** The train stage's resource profile: built on cluster masters, skipped (said once) or refused on local ones. */
class TrainResourcesTest {
    private static SparkSettings job(int cpus, double gpus) {
        return new SparkSettings("local[*]", "4g", "4g", 2, null, cpus, gpus, null, Map.of(), null);
    }

    private static SparkConf master(String master) {
        return new SparkConf(false).setMaster(master);
    }

    @Test
    void aClusterMasterGetsAProfileWithTheTasksCpusAndGpus() {
        List<String> log = new ArrayList<>();
        SparkConf conf = master("spark://10.0.0.1:7077").set("spark.executor.cores", "2")
                .set("spark.executor.resource.gpu.amount", "1");
        ResourceProfile p = TrainResources.profile(job(2, 1), conf, log::add).orElseThrow();
        assertEquals(2, p.taskResources().get("cpus").get().amount());
        assertEquals(1.0, p.taskResources().get("gpu").get().amount());
        assertTrue(p.executorResources().isEmpty(), "task requests only: the application's executors run it");
        assertTrue(log.get(0).contains("ask for 2 CPUs and 1 GPU each"), log.toString());
    }

    @Test
    void theDefaultTaskNeedsNoProfile() {
        assertEquals(Optional.empty(), TrainResources.profile(job(1, 0), master("spark://h:7077"), s -> { }));
    }

    @Test
    void aLocalMasterSkipsTheCpusWithOneLineAndRefusesGpus() {
        List<String> log = new ArrayList<>();
        assertEquals(Optional.empty(), TrainResources.profile(job(2, 0), master("local[2]"), log::add));
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("cpus_per_train_task 2 not applied on local[2]"), log.toString());
        IllegalArgumentException gpu = assertThrows(IllegalArgumentException.class,
                () -> TrainResources.check(job(1, 1), master("local[*]")));
        assertTrue(gpu.getMessage().startsWith("oris.spark.gpus_per_train_task: 1 GPU per train task needs a cluster master"),
                gpu.getMessage());
    }

    @Test
    void executorsTooSmallForATrainTaskAreNamed() {
        IllegalArgumentException cores = assertThrows(IllegalArgumentException.class,
                () -> TrainResources.check(job(2, 0), master("spark://h:7077").set("spark.executor.cores", "1")));
        assertTrue(cores.getMessage().contains("executors have spark.executor.cores=1"), cores.getMessage());
        IllegalArgumentException gpus = assertThrows(IllegalArgumentException.class,
                () -> TrainResources.check(job(1, 0.5), master("spark://h:7077")));
        assertTrue(gpus.getMessage().contains("spark.executor.resource.gpu.amount=unset"), gpus.getMessage());
    }
}
