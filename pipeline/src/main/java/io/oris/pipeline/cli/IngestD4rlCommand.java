package io.oris.pipeline.cli;

import io.oris.pipeline.ingest.D4rlIngestJob;
import io.oris.pipeline.spark.SparkSessions;
import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.d4rl.D4rlOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris ingest d4rl FILE...}: D4RL {@code .hdf5} files → one dataset each, as one Spark job (a task
 * per row range). A real D4RL v2 file needs no option: env and id come from its name.
 */
@Command(name = "d4rl", mixinStandardHelpOptions = true,
        description = "Ingest D4RL .hdf5 files (one dataset per file, id from the file name: "
                + "hopper_medium_replay-v2.hdf5 -> hopper-medium-replay-v2).")
public final class IngestD4rlCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "D4RL .hdf5 files.")
    List<Path> files;

    @Option(names = "--env", description = "Env of the files (default: from each file name).")
    String env;

    @Option(names = "--id", description = "Dataset id, one per file in order (default: from the file name).")
    List<String> ids;

    @Option(names = "--keep-timeouts",
            description = "Keep the timeout step's transition (default: drop it, as D4RL's qlearning_dataset does).")
    boolean keepTimeouts;

    @Option(names = "--overwrite", description = "Replace an existing dataset made from different input.")
    boolean overwrite;

    @Option(names = "--master", description = "Spark master (default: local[*], embedded).")
    String master;

    @Option(names = "--rows-per-task", defaultValue = "" + D4rlIngestJob.DEFAULT_ROWS_PER_TASK,
            description = "Rows per Spark task (default: ${DEFAULT-VALUE}).")
    int rowsPerTask;

    @Override
    public Integer call() {
        DatasetStore store = new DatasetStore(dataRoot.path());
        D4rlIngestJob job = new D4rlIngestJob(store, rowsPerTask);
        // validate and fingerprint first: bad input or nothing to do costs no Spark start
        D4rlIngestJob.Prepared prepared = job.prepare(files, ids == null ? List.of() : ids,
                new D4rlOptions(env, keepTimeouts), overwrite);
        SparkSession spark = prepared.needsWriting() ? SparkSessions.start("oris ingest d4rl", master, Map.of()) : null;
        try {
            for (IngestResult r : job.run(spark, prepared)) {
                out().println(r.describe());
            }
            out().println("datasets in " + store.layout().datasets());
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
        out().flush();
        return 0;
    }
}
