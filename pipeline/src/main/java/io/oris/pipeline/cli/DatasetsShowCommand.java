package io.oris.pipeline.cli;

import io.oris.storage.DatasetStore;
import io.oris.storage.DatasetVerifier;
import io.oris.storage.Manifest;
import io.oris.storage.ManifestJson;
import io.oris.storage.ReturnStats;
import io.oris.storage.ShippedDatasets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris datasets show ID}: the manifest in readable form with the return statistics ({@code --json}: raw),
 * of a dataset under the data root or, when it is not there, of a shipped one.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a dataset's manifest and return statistics.")
public final class DatasetsShowCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(paramLabel = "ID", description = "Dataset id.")
    String id;

    @Option(names = "--json", description = "Print manifest.json as it is.")
    boolean json;

    private final ShippedDatasets shipped;

    /** The command with the datasets shipped on the classpath. */
    public DatasetsShowCommand() {
        this(ShippedDatasets.onClasspath());
    }

    /** The command that also shows the datasets of {@code shipped}. */
    DatasetsShowCommand(ShippedDatasets shipped) {
        this.shipped = shipped;
    }

    /**
     * Shows the dataset under the data root, else the shipped one of that id (from its manifest in the jar, with
     * how to install it); an unknown id fails naming the datasets of both.
     */
    @Override
    public Integer call() {
        DatasetStore store = new DatasetStore(dataRoot.path());
        Manifest m;
        String parquet;
        if (store.exists(id) || !shipped.has(id)) {
            if (!store.exists(id)) {
                throw new IllegalArgumentException("no dataset '" + id + "' under " + store.layout().datasets() + " (have: "
                        + (store.list().isEmpty() ? "none" : String.join(", ", store.list())) + "; shipped: "
                        + (shipped.ids().isEmpty() ? "none" : String.join(", ", shipped.ids())) + ")");
            }
            m = store.manifest(id);
            parquet = store.layout().parquet(id).toString() + System.lineSeparator()
                    + "integrity " + DatasetsVerifyCommand.integrityLine(DatasetVerifier.check(store, id, false));
        } else {
            m = shipped.manifest(id);
            parquet = "shipped in " + shipped.where() + ", not installed under " + store.layout().root()
                    + "; install it with: oris datasets install " + id + " (a job's {shipped: " + id + "} entry does too)";
        }
        if (json) {
            out().println(ManifestJson.toJson(m));
            out().flush();
            return 0;
        }
        out().println(render(m, parquet));
        out().flush();
        return 0;
    }

    /** Where a dataset came from, in a few words. */
    static String origin(Manifest m) {
        if (m.lineage() != null) {
            return "subset of " + m.lineage().parent() + " (" + m.lineage().fraction() + ", seed " + m.lineage().seed() + ")";
        }
        if (m.source() != null && m.source().files() != null && !m.source().files().isEmpty()) {
            String path = m.source().files().get(0).path();
            return m.source().kind() + " " + path.substring(path.lastIndexOf('/') + 1);
        }
        return m.made() == null ? "?" : m.made().by();
    }

    /** The public dataset this one was made from (a Minari dataset id with its reference scores, a D4RL file). */
    static String identity(Manifest m) {
        if (m.source() == null || m.source().kind() == null) {
            return null;
        }
        Map<String, Object> a = m.source().attributes() == null ? Map.of() : m.source().attributes();
        if (m.source().kind().equals("minari") && a.get("dataset_id") != null) {
            return "Minari " + a.get("dataset_id") + (a.containsKey("ref_min_score") || a.containsKey("ref_max_score")
                    ? " (Minari reference scores: min " + a.get("ref_min_score") + ", max " + a.get("ref_max_score") + ")"
                    : "");
        }
        if (m.source().kind().equals("d4rl") && m.source().files() != null && !m.source().files().isEmpty()) {
            String path = m.source().files().get(0).path();
            return "D4RL " + path.substring(path.lastIndexOf('/') + 1);
        }
        return null;
    }

    /** The readable form of a manifest. */
    static String render(Manifest m, String parquetDir) {
        StringBuilder b = new StringBuilder();
        ReturnStats r = m.returns();
        b.append(String.format("dataset   %s%n", m.id()));
        String identity = identity(m);
        if (identity != null) {
            b.append(String.format("identity  %s%n", identity));
        }
        b.append(String.format("env       %s (obs %d, action %d%s)%n", m.env(), m.obsDim(), m.actionDim(),
                m.nq() > 0 ? ", qpos " + m.nq() + ", qvel " + m.nv() : ", no qpos/qvel"));
        b.append(String.format("rows      %,d transitions in %,d episodes, %d part(s)%n", m.rows(), m.episodes(),
                m.parts().size()));
        b.append(String.format("parquet   %s%n", parquetDir));
        b.append(String.format("returns   mean %.2f ± %.2f  min %.2f  p25 %.2f  median %.2f  p75 %.2f  max %.2f%n",
                r.mean(), r.std(), r.min(), r.p25(), r.median(), r.p75(), r.max()));
        if (r.normalizedMean() != null) {
            b.append(String.format("          D4RL normalized score of the mean return: %.1f%n", r.normalizedMean()));
        }
        b.append(String.format("lengths   mean %.1f  min %d  max %d%n", r.meanLength(), r.minLength(), r.maxLength()));
        if (m.source() != null) {
            b.append(String.format("source    %s, %s%n", m.source().kind(), m.source().dtype()));
            if (m.source().files() != null) {
                for (Manifest.SourceFile f : m.source().files()) {
                    b.append(String.format("          %s  sha256 %s  %,d bytes%n", f.path(), f.sha256(), f.bytes()));
                }
            }
            if (m.source().attributes() != null) {
                for (Map.Entry<String, Object> e : m.source().attributes().entrySet()) {
                    b.append(String.format("          %s = %s%n", e.getKey(), e.getValue()));
                }
            }
        }
        if (m.lineage() != null) {
            b.append(String.format("lineage   %s, fraction %s, seed %d, %d episodes (parent fingerprint %s)%n",
                    m.lineage().parent(), m.lineage().fraction(), m.lineage().seed(), m.lineage().episodeIds(),
                    m.lineage().parentFingerprint()));
        }
        if (m.made() != null) {
            b.append(String.format("made      %s at %s%s%n", m.made().by(), m.made().at(),
                    m.made().options() == null ? "" : " " + m.made().options()));
            if (m.made().notes() != null) {
                for (String note : m.made().notes()) {
                    b.append("          ").append(note).append(System.lineSeparator());
                }
            }
        }
        b.append(String.format("fingerprint %s", m.fingerprint()));
        return b.toString();
    }
}
