package io.oris.pipeline.ingest;

import io.oris.storage.fs.DataRootUri;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.Manifest;
import io.oris.storage.StagedDataset;
import io.oris.storage.d4rl.D4rlIngest;
import io.oris.storage.d4rl.D4rlLayout;
import io.oris.storage.d4rl.D4rlOptions;
import io.oris.storage.parquet.PartSummary;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest stage for D4RL files as one Spark job: the driver inspects and fingerprints each file
 * (skipping those already ingested), opens a staging folder per dataset and cuts every file into row
 * ranges of whole episodes; each range is one Spark task that reads its rows with jHDF and writes one
 * Parquet part into the staging folder; the driver then commits each dataset (manifest + atomic rename).
 * Any failure removes every staging folder of the job and reports the first bad file. The same code runs
 * in {@code local[*]} and on a cluster whose executors see the data root and the input files at the same
 * paths (a shared file system).
 */
public final class D4rlIngestJob {
    /** Default rows per Spark task (a 1M-row file becomes 4 tasks). */
    public static final int DEFAULT_ROWS_PER_TASK = 250_000;

    private final DatasetStore store;
    private final int rowsPerTask;

    /** A job writing into {@code store}, cutting files into tasks of about {@code rowsPerTask} rows. */
    public D4rlIngestJob(DatasetStore store, int rowsPerTask) {
        if (rowsPerTask <= 0) {
            throw new IllegalArgumentException("rows per task must be positive, got " + rowsPerTask);
        }
        this.store = store;
        this.rowsPerTask = rowsPerTask;
    }

    /**
     * The driver's first step, without Spark: inspect, validate the layout and fingerprint every file and
     * decide which need writing. {@code ids} gives explicit dataset ids (same length as files) or is empty
     * for the defaults from the file names; two files mapping to the same id fail here.
     */
    public Prepared prepare(List<Path> files, List<String> ids, D4rlOptions options, boolean overwrite) {
        if (!ids.isEmpty() && ids.size() != files.size()) {
            throw new IllegalArgumentException("--id given " + ids.size() + " times for " + files.size() + " files");
        }
        long start = System.nanoTime();
        List<D4rlIngest.Plan> plans = new ArrayList<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            D4rlIngest.Plan plan = D4rlIngest.prepare(store, files.get(i), ids.isEmpty() ? null : ids.get(i), options,
                    overwrite);
            Path before = seen.put(plan.id(), files.get(i));
            if (before != null) {
                throw new IllegalArgumentException("files " + before + " and " + files.get(i) + " both map to dataset id '"
                        + plan.id() + "'; give --id for each file");
            }
            plans.add(plan);
        }
        return new Prepared(plans, options, overwrite, start);
    }

    /** Prepares and runs in one call. */
    public List<IngestResult> run(SparkSession spark, List<Path> files, List<String> ids, D4rlOptions options,
            boolean overwrite) {
        return run(spark, prepare(files, ids, options, overwrite));
    }

    /**
     * Runs the prepared ingest: one Spark task per row range, then the commits on the driver. {@code spark}
     * may be null when {@link Prepared#needsWriting()} is false.
     *
     * @return one result per file, in order
     */
    public List<IngestResult> run(SparkSession spark, Prepared prepared) {
        List<D4rlIngest.Plan> plans = prepared.plans();
        List<StagedDataset> stages = new ArrayList<>();
        List<RangeTask> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < plans.size(); i++) {
                D4rlIngest.Plan plan = plans.get(i);
                if (plan.unchanged() != null) {
                    stages.add(null);
                    continue;
                }
                StagedDataset stage = store.stage(plan.id(), prepared.overwrite());
                stages.add(stage);
                int parts = Math.max(1, (plan.layout().rows() + rowsPerTask - 1) / rowsPerTask);
                for (D4rlLayout.RowRange range : plan.layout().split(parts)) {
                    tasks.add(new RangeTask(i, plan.layout(), prepared.options(), range, stage.partsDir().toString()));
                }
            }
            List<TaskOutput> outputs = List.of();
            if (!tasks.isEmpty()) {
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
                jsc.setJobDescription("oris ingest d4rl: " + tasks.size() + " row ranges of " + plans.size()
                        + " file(s)");
                outputs = jsc.parallelize(tasks, tasks.size()).map(RangeTask::run).collect();
            }
            for (TaskOutput out : outputs) {
                stages.get(out.fileIndex()).addPart(out.part());
            }
            List<IngestResult> results = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                D4rlIngest.Plan plan = plans.get(i);
                double seconds = (System.nanoTime() - prepared.startNanos()) / 1e9;
                if (plan.unchanged() != null) {
                    results.add(new IngestResult(plan.id(), IngestResult.Status.UNCHANGED, plan.unchanged(), seconds));
                } else {
                    Manifest m = stages.get(i).commit(plan.description());
                    results.add(new IngestResult(plan.id(), IngestResult.Status.WRITTEN, m, seconds));
                }
            }
            return results;
        } catch (Exception e) { // SparkException is checked but thrown by collect() without declaration
            throw TaskFailures.unwrap(e);
        } finally {
            for (StagedDataset s : stages) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    /**
     * The plans of a job after the driver's checks.
     *
     * @param plans      one per file, in order
     * @param options    conversion options
     * @param overwrite  replace datasets made from different input
     * @param startNanos when preparing began (for the reported times)
     */
    public record Prepared(List<D4rlIngest.Plan> plans, D4rlOptions options, boolean overwrite, long startNanos) {
        /** True when at least one file must be written (so a Spark session is needed). */
        public boolean needsWriting() {
            return plans.stream().anyMatch(p -> p.unchanged() == null);
        }
    }

    /** One Spark task: a row range of one file, written as one part. */
    record RangeTask(int fileIndex, D4rlLayout layout, D4rlOptions options, D4rlLayout.RowRange range,
            String partsDir) implements Serializable {
        TaskOutput run() {
            return new TaskOutput(fileIndex, D4rlIngest.writeRange(DataRootUri.resolve(partsDir), layout, options, range));
        }
    }

    /** What a task sends back: which file, and the part it wrote. */
    record TaskOutput(int fileIndex, PartSummary part) implements Serializable {
    }
}
