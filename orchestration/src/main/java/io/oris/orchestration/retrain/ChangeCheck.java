package io.oris.orchestration.retrain;

import java.util.List;
import java.util.Map;

/**
 * Whether a job needs (re)training: {@code changed} with the inputs that changed and a sentence saying
 * why, plus the current input fingerprints (to record after the run succeeds).
 */
public record ChangeCheck(boolean changed, List<String> changedInputs, String reason,
                          Map<String, String> currentFingerprints, String sweepFingerprint) {
    public ChangeCheck {
        changedInputs = List.copyOf(changedInputs);
        currentFingerprints = Map.copyOf(currentFingerprints);
    }
}
