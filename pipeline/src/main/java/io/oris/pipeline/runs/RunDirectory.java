package io.oris.pipeline.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.oris.model.learner.Learner;
import io.oris.model.policy.PolicyFiles;
import io.oris.storage.AtomicPublish;
import io.oris.storage.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of one run ({@code <data-root>/runs/<run-id>/}, docs/architecture.md §5, §7.2, §7.3): {@code config.json},
 * {@code status.json}, {@code snapshots/step-N/} (policy snapshots, {@code oris-policy/1} of {@link PolicyFiles}:
 * complete snapshots only, each is staged and renamed), {@code checkpoint/} (the full learner state for resuming),
 * {@code train_metrics.parquet} and {@code eval.parquet}.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SNAPSHOT = Pattern.compile("step-(\\d+)");

    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** The run folder of {@code runId} under a data root. */
    public static RunDirectory of(Path dataRoot, String runId) {
        return new RunDirectory(dataRoot.resolve("runs").resolve(runId));
    }

    public Path dir() {
        return dir;
    }

    public String runId() {
        return dir.getFileName().toString();
    }

    public Path configFile() {
        return dir.resolve("config.json");
    }

    public Path statusFile() {
        return dir.resolve("status.json");
    }

    public Path snapshotsDir() {
        return dir.resolve("snapshots");
    }

    public Path trainMetricsFile() {
        return dir.resolve("train_metrics.parquet");
    }

    public Path evalFile() {
        return dir.resolve("eval.parquet");
    }

    /** Writes the resolved config (every hyperparameter) as {@code config.json}. */
    public void writeConfig(Map<String, Object> config) {
        try {
            io.oris.storage.AtomicPublish.writeString(configFile(), JSON.writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the config of run " + runId(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> readConfig() {
        try {
            return JSON.readValue(Files.readAllBytes(configFile()), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile() + ": " + e.getMessage(), e);
        }
    }

    public void writeStatus(RunStatus status) {
        try {
            io.oris.storage.AtomicPublish.writeString(statusFile(), JSON.writeValueAsString(status));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the status of run " + runId(), e);
        }
    }

    /** The run's status, or empty when the run never started. */
    public Optional<RunStatus> readStatus() {
        if (!Files.isRegularFile(statusFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(statusFile()), RunStatus.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + statusFile() + " (expected the JSON of a run status): "
                    + e.getMessage(), e);
        }
    }

    /** The status, or null when absent or being rewritten (for progress displays that must never fail). */
    public RunStatus readStatusQuietly() {
        try {
            return readStatus().orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The folder of the snapshot at gradient step {@code step}. */
    public Path snapshotDir(long step) {
        return snapshotsDir().resolve("step-" + step);
    }

    /** The folder of the resume checkpoint (full learner state, simulated replay). */
    public Path checkpointDir() {
        return dir.resolve("checkpoint");
    }

    /**
     * Writes the policy snapshot of {@code learner} at its current step: the actor only, in float32
     * ({@link PolicyFiles}), staged and renamed into {@code snapshots/step-N/}.
     */
    public void writePolicySnapshot(Learner learner) {
        Map<String, Object> about = new java.util.LinkedHashMap<>();
        about.put("run_id", runId());
        about.put("method", learner.method());
        about.put("step", learner.step());
        AtomicPublish.writeFolder(snapshotDir(learner.step()), staged -> {
            PolicyFiles.write(learner.policy().export(), staged, about);
            return null;
        });
    }

    /** The snapshot folder of {@code step}; a step without a snapshot fails listing the steps the run has. */
    public Path requireSnapshot(long step) {
        List<Long> steps = snapshotSteps();
        if (!steps.contains(step)) {
            throw new BadInputException(snapshotsDir(), "step-" + step, "run " + runId() + " has no snapshot at step "
                    + step + "; its snapshot steps are " + (steps.isEmpty() ? "none" : steps.toString()));
        }
        return snapshotDir(step);
    }

    /** Steps of the complete snapshots, ascending. */
    public List<Long> snapshotSteps() {
        List<Long> steps = new ArrayList<>();
        if (!Files.isDirectory(snapshotsDir())) {
            return steps;
        }
        try (Stream<Path> list = Files.list(snapshotsDir())) {
            list.forEach(p -> {
                Matcher m = SNAPSHOT.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    steps.add(Long.parseLong(m.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + snapshotsDir() + ": " + e.getMessage(), e);
        }
        steps.sort(Long::compare);
        return steps;
    }

    /**
     * Deletes what a killed writer left behind in this run's folder and in {@code snapshots/}: hidden staging siblings
     * ({@code .<name>.tmp-...}, docs/architecture.md §8) that were never renamed into place. Called by the holder of
     * the run's lease before it trains, so no live writer owns them; returns how many it deleted.
     */
    public int removeAbandonedStaging() {
        int removed = 0;
        for (Path folder : List.of(dir, snapshotsDir())) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") && name.contains(".tmp-")) {
                        io.oris.storage.AtomicPublish.deleteRecursively(p);
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return removed;
    }
}
