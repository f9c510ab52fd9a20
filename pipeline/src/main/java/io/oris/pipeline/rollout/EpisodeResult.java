package io.oris.pipeline.rollout;

/** Return and length of one evaluation episode. */
public record EpisodeResult(int episode, double episodeReturn, int length) {
}
