package io.oris.pipeline.rollout;

import io.oris.sim.env.PickPlaceSuccess;

/**
 * Return and length of one evaluation episode, and for pick-place its Reach/Pick/Place flags (counted at any step of
 * the episode, ORIS Table III's success rates).
 *
 * @param success pick-place's flags; null for the locomotion tasks, which have none
 */
public record EpisodeResult(int episode, double episodeReturn, int length, PickPlaceSuccess success) {
    /** An episode of a task without success flags. */
    public EpisodeResult(int episode, double episodeReturn, int length) {
        this(episode, episodeReturn, length, null);
    }
}
