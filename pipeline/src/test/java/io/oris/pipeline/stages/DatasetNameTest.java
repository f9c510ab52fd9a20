package io.oris.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oris.orchestration.descriptor.DatasetSpec;
import org.junit.jupiter.api.Test;

/** The report's dataset column names each kind of dataset by its level or behaviour policy. */
class DatasetNameTest {
    @Test
    void levelsPoliciesMinariAndSubsets() {
        assertEquals("medium-replay", AggregateStage.datasetName(new DatasetSpec.D4rl("hopper", "medium-replay").config(), "hopper"));
        assertEquals("medium-replay-oris", AggregateStage.datasetName(
                new DatasetSpec.Shipped("hopper-medium-replay-oris", "hopper", "fp").config(), "hopper"),
                "a shipped id's env prefix is not repeated in the task-dataset label");
        assertEquals("medium", AggregateStage.datasetName(new DatasetSpec.Minari("mujoco/hopper/medium-v0", "hopper").config(), "hopper"));
        assertEquals("expert@25%", AggregateStage.datasetName(new DatasetSpec.Subset(
                new DatasetSpec.Minari("mujoco/hopper/expert-v0", "hopper"), 0.25, 0).config(), "hopper"));
    }
}
