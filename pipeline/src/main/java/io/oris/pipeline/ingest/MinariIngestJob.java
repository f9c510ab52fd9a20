package io.oris.pipeline.ingest;

import io.oris.storage.fs.DataRootUri;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.minari.MinariIngest;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest stage for Minari dataset folders as one Spark job, one task per folder; each task runs the
 * whole ingest of its folder (read, stage, commit atomically) against the shared data root.
 */
public final class MinariIngestJob {
    private final SparkSession spark;
    private final Path dataRoot;

    /** A job writing into the data root. */
    public MinariIngestJob(SparkSession spark, Path dataRoot) {
        this.spark = spark;
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
    }

    /** Ingests the folders (env null: from each folder's metadata); one result per folder, in order. */
    public List<IngestResult> run(List<Path> folders, String env, String id, boolean overwrite) {
        if (id != null && folders.size() > 1) {
            throw new IllegalArgumentException("--id names one dataset but " + folders.size() + " folders were given");
        }
        List<FolderTask> tasks = new ArrayList<>();
        for (Path f : folders) {
            tasks.add(new FolderTask(dataRoot.toString(), f.toAbsolutePath().normalize().toString(), env, id, overwrite));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("oris ingest minari: " + tasks.size() + " folder(s)");
        try {
            return jsc.parallelize(tasks, tasks.size()).map(FolderTask::run).collect();
        } catch (Exception e) { // SparkException is checked but thrown by collect() without declaration
            throw TaskFailures.unwrap(e);
        }
    }

    /** One Spark task: one Minari folder. */
    record FolderTask(String dataRoot, String folder, String env, String id, boolean overwrite) implements Serializable {
        IngestResult run() {
            return MinariIngest.ingest(new DatasetStore(DataRootUri.resolve(dataRoot)), Path.of(folder), env, id, overwrite);
        }
    }
}
