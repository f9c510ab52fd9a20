package io.oris.pipeline.cli;

import io.oris.storage.fs.DataRootUri;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data-root} option every data-reading or -writing subcommand mixes in. Default: the
 * {@code ORIS_DATA_ROOT} environment variable, else (for job commands) the job's {@code data_root}, else
 * {@code ./oris-data}; nothing is written outside it. Any of them may be a plain path, a {@code file:} URI or a Hadoop
 * file system URI such as {@code hdfs://namenode:8020/oris} ({@link DataRootUri}).
 */
public final class DataRootOption {
    /** Default data root when neither the option nor the environment variable is given. */
    public static final String DEFAULT = "./oris-data";

    @Option(names = "--data-root", paramLabel = "DIR|URI",
            description = "Data root: a folder, or hdfs://, s3a://, file:// URI (default: $ORIS_DATA_ROOT or ./oris-data).")
    String dataRoot;

    /** The data root in force, absolute and normalized (local, or on the Hadoop file system its URI names). */
    public Path path() {
        return path(null);
    }

    /**
     * The data root in force for a job: {@code --data-root}, else {@code $ORIS_DATA_ROOT}, else the job's
     * {@code oris.data_root} (so Airflow tasks and cluster submissions find it without options), else
     * {@code ./oris-data}.
     */
    public Path path(String jobDataRoot) {
        if (dataRoot != null) {
            return DataRootUri.resolve(dataRoot);
        }
        String env = System.getenv("ORIS_DATA_ROOT");
        if (env != null && !env.isBlank()) {
            return DataRootUri.resolve(env);
        }
        return DataRootUri.resolve(jobDataRoot == null || jobDataRoot.isBlank() ? DEFAULT : jobDataRoot);
    }
}
