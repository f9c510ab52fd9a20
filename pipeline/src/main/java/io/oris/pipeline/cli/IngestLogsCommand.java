package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.logs.RobotLogIngest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris ingest logs FILE... --mapping M.yaml}: robot logs (CSV / JSON Lines) → one dataset. Logs are
 * small next to D4RL files, so this runs in the command's JVM without a Spark job.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Ingest robot logs (CSV or JSON Lines) into one dataset, as a YAML mapping says "
                + "(example: jobs/examples/arm-mapping.yaml).")
public final class IngestLogsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files (.csv, .jsonl).")
    List<Path> files;

    @Option(names = "--mapping", required = true, paramLabel = "M.yaml", description = "Column mapping (YAML).")
    Path mapping;

    @Option(names = "--id", description = "Dataset id (default: log-<first file name>).")
    String id;

    @Option(names = "--overwrite", description = "Replace an existing dataset made from different input.")
    boolean overwrite;

    @Override
    public Integer call() {
        IngestResult r = RobotLogIngest.ingest(new DatasetStore(dataRoot.path()), files, mapping, id, overwrite);
        out().println(r.describe());
        out().flush();
        return 0;
    }
}
