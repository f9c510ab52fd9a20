package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oris datasets list}: one line per dataset (env, rows, episodes, mean return, source). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets under the data root.")
public final class DatasetsListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Override
    public Integer call() {
        DatasetStore store = new DatasetStore(dataRoot.path());
        List<String> ids = store.list();
        if (ids.isEmpty()) {
            out().println("no datasets under " + store.layout().datasets());
            return 0;
        }
        out().printf("%-40s %-14s %10s %9s %12s  %s%n", "id", "env", "rows", "episodes", "mean return", "made from");
        for (String id : ids) {
            Manifest m = store.manifest(id);
            out().printf("%-40s %-14s %,10d %,9d %12.1f  %s%n", id, m.env(), m.rows(), m.episodes(),
                    m.returns().mean(), DatasetsShowCommand.origin(m));
        }
        out().flush();
        return 0;
    }
}
