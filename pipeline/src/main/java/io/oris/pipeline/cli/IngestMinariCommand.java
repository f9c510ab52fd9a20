package io.oris.pipeline.cli;

import io.oris.pipeline.ingest.MinariIngestJob;
import io.oris.pipeline.spark.SparkSessions;
import io.oris.storage.IngestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oris ingest minari DIR...}: Minari dataset folders → one dataset each (one Spark task per folder). */
@Command(name = "minari", mixinStandardHelpOptions = true,
        description = "Ingest Minari dataset folders (data/main_data.hdf5 + metadata.json).")
public final class IngestMinariCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Minari dataset folders.")
    List<Path> folders;

    @Option(names = "--env", description = "Env (default: from metadata.json's dataset_id).")
    String env;

    @Option(names = "--id", description = "Dataset id (one folder only; default: minari-<dataset_id>).")
    String id;

    @Option(names = "--overwrite", description = "Replace an existing dataset made from different input.")
    boolean overwrite;

    @Option(names = "--master", description = "Spark master (default: local[*], embedded).")
    String master;

    @Override
    public Integer call() {
        SparkSession spark = SparkSessions.start("oris ingest minari", master, Map.of());
        try {
            for (IngestResult r : new MinariIngestJob(spark, dataRoot.path()).run(folders, env, id, overwrite)) {
                out().println(r.describe());
            }
        } finally {
            spark.stop();
        }
        out().flush();
        return 0;
    }
}
