package io.oris.pipeline.stages;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.storage.BadInputException;
import io.oris.storage.DatasetStore;
import io.oris.storage.SourceLocations;
import io.oris.storage.minari.MinariIngest;
import io.oris.storage.IngestResult;
import io.oris.storage.ShippedDatasets;
import io.oris.storage.Subsets;
import io.oris.pipeline.ingest.D4rlIngestJob;
import io.oris.storage.d4rl.D4rlOptions;
import io.oris.storage.logs.RobotLogIngest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest stage of a sweep: D4RL files from {@code <data-root>/d4rl/} (one Spark job, a task per row range
 * of each file), robot-log folders (with their {@code mapping.yaml}) and trajectory subsets become Parquet
 * datasets, and shipped datasets ({@link ShippedDatasets}) are installed. Each write is atomic and a dataset
 * whose inputs did not change is left as it is.
 */
public final class IngestStage implements StageExecutor {
    private final SparkSession spark;
    private final ShippedDatasets shipped;

    /** The stage with the datasets shipped on the classpath. */
    public IngestStage(SparkSession spark) {
        this(spark, ShippedDatasets.onClasspath());
    }

    /** The stage installing {@code {shipped: ID}} entries from {@code shipped}. */
    public IngestStage(SparkSession spark, ShippedDatasets shipped) {
        this.spark = spark;
        this.shipped = shipped;
    }

    @Override
    public void execute(StageTask task, RunContext context) {
        DatasetStore store = new DatasetStore(context.dataRoot());
        List<Path> d4rlFiles = new ArrayList<>();
        List<String> d4rlIds = new ArrayList<>();
        for (DatasetSpec spec : context.plan().datasets(task)) {
            if (spec instanceof DatasetSpec.D4rl d) {
                d4rlFiles.add(d4rlFile(context.dataRoot(), d));
                d4rlIds.add(d.id());
            }
        }
        if (!d4rlFiles.isEmpty()) {
            // one Spark job for all D4RL files of the task: a Spark task per row range of each file
            List<IngestResult> results = new D4rlIngestJob(store, D4rlIngestJob.DEFAULT_ROWS_PER_TASK)
                    .run(spark, d4rlFiles, d4rlIds, D4rlOptions.defaults(), false);
            results.forEach(r -> log(context, r));
        }
        for (DatasetSpec spec : context.plan().datasets(task)) {
            if (!(spec instanceof DatasetSpec.D4rl)) {
                log(context, ingest(store, spec));
            }
        }
    }

    private static void log(RunContext context, IngestResult result) {
        context.log().accept("ingest " + result.id() + ": " + result.status().name().toLowerCase()
                + " (" + result.manifest().rows() + " rows)");
    }

    private static Path d4rlFile(Path root, DatasetSpec.D4rl d) {
        SourceLocations where = SourceLocations.fromEnvironment(root);
        Path file = where.d4rlFile(d.fileName());
        if (file == null) {
            throw new BadInputException(where.d4rlCandidates(d.fileName()).get(0), "", "D4RL file " + d.fileName()
                    + " is missing; looked in " + where.d4rlCandidates(d.fileName()) + " (download it once from the"
                    + " D4RL site, or point " + SourceLocations.D4RL_ENV + " at the folder that has it)");
        }
        return file;
    }

    private IngestResult ingest(DatasetStore store, DatasetSpec spec) {
        if (spec instanceof DatasetSpec.Shipped s) {
            return shipped.install(s.id(), store);
        }
        if (spec instanceof DatasetSpec.Subset s) {
            return Subsets.subset(store, s.parent().id(), s.fraction(), s.seed(), s.id(), false);
        }
        if (spec instanceof DatasetSpec.Minari m) {
            SourceLocations where = SourceLocations.fromEnvironment(store.layout().root());
            Path folder = where.minariFolder(m.datasetId());
            if (folder == null) {
                throw new BadInputException(where.minariCandidates(m.datasetId()).get(0), "", "Minari dataset "
                        + m.datasetId() + " is missing; looked in " + where.minariCandidates(m.datasetId())
                        + " (download it with `minari download " + m.datasetId() + "`, or point "
                        + SourceLocations.MINARI_ENV + " at the folder that has it)");
            }
            return MinariIngest.ingest(store, folder, m.env(), m.id(), false);
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
