package io.oris.pipeline.stages;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.Subsets;
import io.oris.storage.d4rl.D4rlIngest;
import io.oris.storage.d4rl.D4rlOptions;
import io.oris.storage.logs.RobotLogIngest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest stage of a sweep: D4RL files from {@code <data-root>/d4rl/}, robot-log folders (with their
 * {@code mapping.yaml}) and trajectory subsets become Parquet datasets. Each write is atomic and a dataset
 * whose inputs did not change is left as it is.
 */
public final class IngestStage implements StageExecutor {
    private final SparkSession spark;

    public IngestStage(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        DatasetStore store = new DatasetStore(context.dataRoot());
        for (DatasetSpec spec : context.plan().datasets(task)) {
            IngestResult result = ingest(store, context.dataRoot(), spec);
            context.log().accept("ingest " + spec.id() + ": " + result.status().name().toLowerCase()
                    + " (" + result.manifest().rows() + " rows)");
        }
    }

    private IngestResult ingest(DatasetStore store, Path root, DatasetSpec spec) {
        if (spec instanceof DatasetSpec.D4rl d) {
            Path file = root.resolve("d4rl").resolve(d.fileName());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("D4RL file " + d.fileName() + " is missing: put it at " + file
                        + " (download it once from the D4RL site)");
            }
            return D4rlIngest.ingest(store, file, d.id(), D4rlOptions.defaults(), false);
        }
        if (spec instanceof DatasetSpec.Subset s) {
            return Subsets.subset(store, s.parent().id(), s.fraction(), s.seed(), s.id(), false);
        }
        if (spec instanceof DatasetSpec.Logs l) {
            Path folder = Path.of(l.path());
            Path mapping = folder.resolve("mapping.yaml");
            if (!Files.isRegularFile(mapping)) {
                throw new IllegalArgumentException("robot logs " + folder + " need a mapping file at " + mapping
                        + " (see jobs/examples/)");
            }
            return RobotLogIngest.ingest(store, logFiles(folder, l.format()), mapping, l.id(), false);
        }
        throw new IllegalArgumentException("dataset " + spec.id() + " is not made by the ingest stage ("
                + spec.getClass().getSimpleName() + ")");
    }

    private static List<Path> logFiles(Path folder, String format) {
        String ext = format == null || format.isBlank() ? "" : "." + format.toLowerCase().replace("jsonl", "jsonl");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> logs = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("mapping.yaml"))
                    .filter(p -> ext.isEmpty() || p.getFileName().toString().endsWith(ext))
                    .sorted().toList();
            if (logs.isEmpty()) {
                throw new IllegalArgumentException("no log files (" + (ext.isEmpty() ? "any" : ext) + ") in " + folder);
            }
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list robot logs in " + folder + ": " + e.getMessage(), e);
        }
    }
}
