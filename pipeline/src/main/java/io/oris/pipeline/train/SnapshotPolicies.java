package io.oris.pipeline.train;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.PolicyExport;
import io.oris.model.policy.PolicyFiles;
import io.oris.pipeline.runs.RunDirectory;
import io.oris.sim.env.Task;
import io.oris.storage.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The policy of a run at a snapshot step, for everything that acts with a trained policy (the evaluate stage,
 * {@code oris export-policy}): read from the snapshot's {@code policy.json} ({@link PolicyFiles}), or, for a snapshot
 * written before policy snapshots existed ({@code learner.bin}, the full learner state), by restoring a learner of
 * the run's config and exporting its policy — the same actions either way.
 */
public final class SnapshotPolicies {
    /** The full learner state older oris versions wrote as a snapshot. */
    static final String LEGACY_SNAPSHOT = "learner.bin";

    private SnapshotPolicies() {
    }

    /** The policy of run {@code config} at {@code step}; a step without a snapshot fails listing the run's steps. */
    public static PolicyExport load(Path dataRoot, RunConfig config, long step, LearnerProvider provider)
            throws IOException {
        Path snapshot = RunDirectory.of(dataRoot, config.runId()).requireSnapshot(step);
        if (PolicyFiles.isPolicySnapshot(snapshot)) {
            return PolicyFiles.read(snapshot);
        }
        if (Files.isRegularFile(snapshot.resolve(LEGACY_SNAPSHOT))) {
            Task task = Task.parse(config.env());
            Learner learner = provider.create(config, LearnerDims.of(task.observationDim(), task.actionDim()), dataRoot);
            learner.restore(snapshot);
            return learner.policy().export();
        }
        throw new BadInputException(snapshot, "", "expected " + PolicyFiles.POLICY_JSON + " (a policy snapshot) or "
                + LEGACY_SNAPSHOT + " (a learner state of an older oris), found neither");
    }
}
