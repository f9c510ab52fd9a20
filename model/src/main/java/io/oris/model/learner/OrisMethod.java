package io.oris.model.learner;

import io.oris.model.config.OrisConfig;

/**
 * A learner trained with ORIS's data collection (Algorithm 1): the rollout code asks it for the restart, hybrid-policy
 * and rollout-count settings. Implemented by both ORIS learners (discriminator-weighted and H2O-weighted ablations).
 */
public interface OrisMethod extends Learner {
    /** The resolved ORIS settings (restarts, p, H, C, weighting, regularisation). */
    OrisConfig orisConfig();
}
