package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.ShippedDatasets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code oris datasets install ID}: copies a dataset shipped with oris into {@code <data-root>/datasets/ID}
 * (atomically, checked against its manifest), what a job's {@code {shipped: ID}} entry does in the ingest stage.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install a dataset shipped with oris (see datasets list) into the data root.")
public final class DatasetsInstallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(paramLabel = "ID", description = "Shipped dataset id.")
    String id;

    private final ShippedDatasets shipped;

    /** The command with the datasets shipped on the classpath. */
    public DatasetsInstallCommand() {
        this(ShippedDatasets.onClasspath());
    }

    /** The command installing from {@code shipped}. */
    DatasetsInstallCommand(ShippedDatasets shipped) {
        this.shipped = shipped;
    }

    @Override
    public Integer call() {
        DatasetStore store = new DatasetStore(dataRoot.path());
        IngestResult r = shipped.install(id, store);
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (r.status() == IngestResult.Status.UNCHANGED) {
            out.printf("%s: already installed at %s (same fingerprint); nothing written%n", id, store.layout().dataset(id));
        } else {
            out.printf("%s: installed at %s, %,d rows, %,d episodes (%.1f s)%n", id, store.layout().dataset(id),
                    r.manifest().rows(), r.manifest().episodes(), r.seconds());
        }
        out.flush();
        return 0;
    }
}
