package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.Manifest;
import io.oris.storage.ShippedDatasets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code oris datasets list}: one line per dataset (env, rows, episodes, mean return, source): those under the
 * data root and those shipped with oris ({@link ShippedDatasets}), which are marked and say whether they are installed.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the datasets under the data root and the datasets shipped with oris.")
public final class DatasetsListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    private final ShippedDatasets shipped;

    /** The command with the datasets shipped on the classpath. */
    public DatasetsListCommand() {
        this(ShippedDatasets.onClasspath());
    }

    /** The command listing {@code shipped} as the shipped datasets. */
    DatasetsListCommand(ShippedDatasets shipped) {
        this.shipped = shipped;
    }

    @Override
    public Integer call() {
        DatasetStore store = new DatasetStore(dataRoot.path());
        Set<String> ids = new TreeSet<>(store.list());
        ids.addAll(shipped.ids());
        if (ids.isEmpty()) {
            out().println("no datasets under " + store.layout().datasets() + " and none shipped");
            out().flush();
            return 0;
        }
        out().printf("%-40s %-14s %10s %9s %12s  %s%n", "id", "env", "rows", "episodes", "mean return", "made from");
        for (String id : ids) {
            Manifest m = store.exists(id) ? store.manifest(id) : shipped.manifest(id);
            out().printf("%-40s %-14s %,10d %,9d %12.1f  %s%s%n", id, m.env(), m.rows(), m.episodes(),
                    m.returns().mean(), DatasetsShowCommand.origin(m), mark(store, id));
        }
        out().flush();
        return 0;
    }

    /** {@code [shipped, installed]}, {@code [shipped, not installed: ...]} or nothing for a dataset made here. */
    private String mark(DatasetStore store, String id) {
        if (!shipped.has(id)) {
            return "";
        }
        if (!store.exists(id)) {
            return "  [shipped, not installed: oris datasets install " + id + "]";
        }
        boolean same = Objects.equals(store.manifest(id).fingerprint(), shipped.manifest(id).fingerprint());
        return same ? "  [shipped, installed]" : "  [shipped id, but this copy is not the shipped one]";
    }
}
