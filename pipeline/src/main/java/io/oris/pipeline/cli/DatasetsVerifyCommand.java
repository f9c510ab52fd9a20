package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.DatasetVerifier;
import io.oris.storage.DatasetVerifier.PartCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code oris datasets verify ID}: checks every part of a dataset against its manifest (present, size, SHA-256,
 * Parquet footer rows) and names each damaged part by its path; exits 3 when one is damaged.
 */
@Command(name = "verify", description = "Check a dataset's part files against its manifest (size, SHA-256, rows).")
public final class DatasetsVerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(paramLabel = "ID", description = "Dataset id (oris datasets list shows them).")
    String id;

    @Override
    public Integer call() {
        DatasetStore store = new DatasetStore(dataRoot.path());
        List<PartCheck> checks = DatasetVerifier.check(store, id, true);
        PrintWriter out = spec.commandLine().getOut();
        for (PartCheck c : checks) {
            out.println((c.intact() ? "ok       " : "DAMAGED  ") + c.file() + (c.intact() ? "" : ": " + c.problem()));
        }
        String line = integrityLine(checks);
        out.println(id + ": " + line);
        out.flush();
        return checks.stream().allMatch(PartCheck::intact) ? 0 : ErrorReporter.BAD_INPUT;
    }

    /** One line saying whether the parts are intact, for {@code datasets show} and {@code verify}. */
    static String integrityLine(List<PartCheck> checks) {
        long damaged = checks.stream().filter(c -> !c.intact()).count();
        if (damaged == 0) {
            return "intact (" + checks.size() + " part(s) match the manifest)";
        }
        PartCheck first = checks.stream().filter(c -> !c.intact()).findFirst().orElseThrow();
        return "DAMAGED: " + damaged + " of " + checks.size() + " part(s), e.g. " + first.file() + ": " + first.problem();
    }
}
