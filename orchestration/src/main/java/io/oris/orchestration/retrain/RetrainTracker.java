package io.oris.orchestration.retrain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.oris.orchestration.Fingerprints;
import io.oris.orchestration.descriptor.JobDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code oris run JOB --if-changed}: remembers, per job, the fingerprints of its {@code retrain_on}
 * inputs (relative paths resolve against the data root) and of its sweep after each successful run, in
 * {@code <data-root>/orchestration/<dag_id>/retrain.json}, and says whether anything changed since. Each
 * recorded success takes the next {@link ReportVersion}.
 */
public final class RetrainTracker {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What is stored after a successful run. */
    public record Ledger(String dagId, int reportVersion, String lastSuccess, String sweepFingerprint,
                         Map<String, String> inputs) {
    }

    private final Path dataRoot;

    public RetrainTracker(Path dataRoot) {
        this.dataRoot = dataRoot;
    }

    public Path ledgerFile(JobDescriptor job) {
        return dataRoot.resolve("orchestration").resolve(job.dagId()).resolve("retrain.json");
    }

    /** Compares the inputs and the sweep now with the last successful run. */
    public ChangeCheck check(JobDescriptor job) {
        Map<String, String> now = new TreeMap<>();
        for (String input : job.sweep().retrainOn()) {
            now.put(input, InputFingerprints.of(resolve(input)));
        }
        String sweep = sweepFingerprint(job);
        Ledger last = read(job);
        if (last == null) {
            return new ChangeCheck(true, new ArrayList<>(now.keySet()), "no successful run of " + job.dagId()
                    + " is recorded in " + ledgerFile(job), now, sweep);
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getValue().equals(last.inputs().get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        if (!changed.isEmpty()) {
            return new ChangeCheck(true, changed, "inputs changed since the run of " + last.lastSuccess() + ": " + changed,
                    now, sweep);
        }
        if (!sweep.equals(last.sweepFingerprint())) {
            return new ChangeCheck(true, List.of(), "the job's oris: section changed since the run of " + last.lastSuccess(),
                    now, sweep);
        }
        String what = now.isEmpty() ? "the job has no retrain_on inputs and its sweep is unchanged"
                : "no retrain_on input changed (" + String.join(", ", now.keySet()) + ")";
        return new ChangeCheck(false, List.of(), "nothing changed since the successful run of " + last.lastSuccess()
                + " (report " + new ReportVersion(job.dagId(), last.reportVersion()).id() + "): " + what, now, sweep);
    }

    /** The report version the next successful run will have. */
    public ReportVersion nextReport(JobDescriptor job) {
        Ledger last = read(job);
        return new ReportVersion(job.dagId(), last == null ? 1 : last.reportVersion() + 1);
    }

    /** The latest recorded report, or {@code null} before the first success. */
    public ReportVersion lastReport(JobDescriptor job) {
        Ledger last = read(job);
        return last == null ? null : new ReportVersion(job.dagId(), last.reportVersion());
    }

    /** Records a successful run with the fingerprints {@code check} saw before it; returns its report version. */
    public ReportVersion recordSuccess(JobDescriptor job, ChangeCheck check) {
        ReportVersion next = nextReport(job);
        Ledger ledger = new Ledger(job.dagId(), next.version(), Instant.now().toString(), check.sweepFingerprint(),
                new TreeMap<>(check.currentFingerprints()));
        Path file = ledgerFile(job);
        try {
            io.oris.storage.AtomicPublish.writeString(file, JSON.writeValueAsString(ledger));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return next;
    }

    private Ledger read(JobDescriptor job) {
        Path file = ledgerFile(job);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), Ledger.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (delete it to start over): " + e.getMessage(), e);
        }
    }

    private Path resolve(String input) {
        Path p = Path.of(input);
        return p.isAbsolute() ? p : dataRoot.resolve(p);
    }

    static String sweepFingerprint(JobDescriptor job) {
        Map<String, Object> section = new LinkedHashMap<>(job.sweepSection());
        // where and how it runs does not change results: not a reason to retrain
        section.keySet().removeAll(java.util.Set.of("spark", "airflow", "stage_timeouts_sec", "data_root"));
        return Fingerprints.sha256Hex(Fingerprints.canonicalJson(section));
    }
}
