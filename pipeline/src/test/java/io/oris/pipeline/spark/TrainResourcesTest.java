package io.oris.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.JobDescriptorParser;
import io.oris.storage.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceProfile;
import org.junit.jupiter.api.Test;

/** The train stage's resource profile: built on cluster masters, skipped (said once) or refused on local ones. */
class TrainResourcesTest {
    /** A job whose executors have 2 cores and whose train tasks ask for {@code cpus} CPUs and {@code gpus} GPUs. */
    private static JobDescriptor job(int cpus, double gpus) {
        return new JobDescriptorParser().parse("""
                res:
                  default_args: {owner: oris}
                  schedule: null
                  oris:
                    envs: [hopper]
                    datasets: [{collect: random, size: 1000}]
                    methods: [bc]
                    seeds: 1
                    spark: {executor_cores: 2, cpus_per_train_task: %d, gpus_per_train_task: %s}
                """.formatted(cpus, gpus), Path.of("res.yaml"));
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
        BadInputException gpu = assertThrows(BadInputException.class,
                () -> TrainResources.check(job(1, 1), master("local[*]")));
        assertTrue(gpu.getMessage().startsWith("res.yaml: res.oris.spark.gpus_per_train_task: 1 GPU per train task needs"
                + " a cluster master"), gpu.getMessage());
    }

    @Test
    void executorsTooSmallForATrainTaskAreNamed() {
        BadInputException cores = assertThrows(BadInputException.class,
                () -> TrainResources.check(job(2, 0), master("spark://h:7077").set("spark.executor.cores", "1")));
        assertTrue(cores.getMessage().contains("executors have spark.executor.cores=1"), cores.getMessage());
        BadInputException gpus = assertThrows(BadInputException.class,
                () -> TrainResources.check(job(1, 0.5), master("spark://h:7077")));
        assertTrue(gpus.getMessage().contains("spark.executor.resource.gpu.amount=unset"), gpus.getMessage());
    }
}
