package io.oris.pipeline.stages;

import io.oris.pipeline.train.RunConfig;

/** One evaluation work item shipped to an executor: a run's snapshot and a batch of episode numbers. */
public record EvalItem(RunConfig config, long step, int firstEpisode, int episodes) implements java.io.Serializable {
}
