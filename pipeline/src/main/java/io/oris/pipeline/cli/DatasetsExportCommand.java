package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.TransitionArrays;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris datasets export ID --out FILE.csv}: a dataset's observations as CSV (columns {@code s0 …}), for tools
 * without a Parquet reader (the states notebook); the Parquet parts stay the dataset of record.
 */
@Command(name = "export", description = "Write a dataset's observations as CSV (columns s0..), e.g. for notebooks.")
public final class DatasetsExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(paramLabel = "ID", description = "Dataset id (oris datasets list shows them).")
    String id;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows, evenly spaced over the dataset"
            + " (default: all).")
    Integer limit;

    @Override
    public Integer call() {
        TransitionArrays data = new DatasetStore(dataRoot.path()).read(id);
        int d = data.obsDim();
        int n = data.rows();
        int keep = limit == null ? n : Math.max(1, Math.min(limit, n));
        double[] states = new double[keep * d];
        float[] obs = data.obs();
        for (int i = 0; i < keep; i++) {
            int row = (int) ((long) i * n / keep);
            for (int j = 0; j < d; j++) {
                states[i * d + j] = obs[row * d + j];
            }
        }
        StatesCsv.write(out, states, keep, d);
        spec.commandLine().getOut().printf("%s: %,d of %,d observations (%d dims) written to %s%n", id, keep, n, d, out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
