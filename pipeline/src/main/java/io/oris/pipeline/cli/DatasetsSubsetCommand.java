package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.IngestResult;
import io.oris.storage.Subsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oris datasets subset ID --fraction F --seed S}: a seeded subset of whole trajectories, with lineage. */
@Command(name = "subset", mixinStandardHelpOptions = true,
        description = "Make a dataset of a seeded fraction of another's whole trajectories (id: <ID>-f<F>-s<S>).")
public final class DatasetsSubsetCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(paramLabel = "ID", description = "Parent dataset id.")
    String parent;

    @Option(names = "--fraction", required = true, description = "Fraction of episodes to keep, in (0, 1].")
    double fraction;

    @Option(names = "--seed", defaultValue = "0", description = "Selection seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--id", description = "Id of the subset (default: <ID>-f<F>-s<S>).")
    String id;

    @Option(names = "--overwrite", description = "Replace an existing dataset made from different input.")
    boolean overwrite;

    @Override
    public Integer call() {
        IngestResult r = Subsets.subset(new DatasetStore(dataRoot.path()), parent, fraction, seed, id, overwrite);
        out().println(r.describe());
        out().flush();
        return 0;
    }
}
