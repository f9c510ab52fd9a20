package io.oris.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where one launch of a sweep spends its wall time, from the Spark event log of its application and the wall-clock
 * times at which the bench started and reaped the process: JVM and CLI start-up before the SparkContext, the wait
 * for the first executor, the Spark jobs (and the driver's own work between them), and the tail after the last job.
 * The tasks' own metrics split the jobs further (deserialisation, which includes the first class loading in a fresh
 * executor JVM; run time; GC; CPU).
 *
 * <p>Why: {@code oris bench launch} found {@code oris submit} about 7 s slower than the embedded modes on the same
 * sweep (issue 11 asks for ≤ 1.1×), and wall times alone cannot say whether that is the cluster's executor start-up,
 * a slower train task in a cold executor JVM, or the driver. Used by {@code oris bench launch --profile}
 * ({@code pipeline/src/main/sh/bench-launch.sh}); runs as its own {@code main}, on the launcher's class path.
 */
public final class LaunchProfile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Spark job: its description (oris names its stages' jobs) and its wall-clock span. */
    public record Job(int id, String description, long submitted, long completed) {
        public long millis() {
            return completed - submitted;
        }
    }

    /** Task-level sums over the application (milliseconds; CPU converted from nanoseconds). */
    public record Tasks(int count, long deserialize, long run, long gc, long cpu) {
    }

    /** The phases of one launch, in milliseconds; {@code processStart} and {@code processEnd} are epoch ms. */
    public record Phases(String mode, long processStart, long processEnd, long appStart,
                         long firstExecutorAdded, List<Job> jobs, Tasks tasks) {
        public long total() {
            return processEnd - processStart;
        }

        /** Process start to the SparkContext's start: JVM, class loading, CLI, job parsing, session set-up. */
        public long beforeSpark() {
            return appStart - processStart;
        }

        /**
         * SparkContext start to the first executor's registration (in local mode the driver's own); on a cluster it
         * can end after the first job was submitted, whose tasks then wait for it.
         */
        public long executorWait() {
            return firstExecutorAdded < 0 ? 0 : Math.max(0, firstExecutorAdded - appStart);
        }

        /** From the SparkContext's start to the first job's submission (including the executor wait). */
        public long beforeFirstJob() {
            return jobs.isEmpty() ? 0 : jobs.get(0).submitted() - appStart;
        }

        /** Wall time inside Spark jobs (overlapping jobs counted once). */
        public long inJobs() {
            long sum = 0;
            long coveredTo = Long.MIN_VALUE;
            for (Job j : jobs) {
                long from = Math.max(j.submitted(), coveredTo);
                if (j.completed() > from) {
                    sum += j.completed() - from;
                }
                coveredTo = Math.max(coveredTo, j.completed());
            }
            return sum;
        }

        /** From the first job's submission to the last job's completion, minus the time inside jobs: driver work. */
        public long betweenJobs() {
            if (jobs.isEmpty()) {
                return 0;
            }
            long last = jobs.stream().mapToLong(Job::completed).max().orElseThrow();
            return last - jobs.get(0).submitted() - inJobs();
        }

        /** Last job's completion to the process's exit: report writing, SparkContext stop, JVM exit. */
        public long afterLastJob() {
            long last = jobs.stream().mapToLong(Job::completed).max().orElse(appStart);
            return processEnd - last;
        }
    }

    private LaunchProfile() {
    }

    /**
     * Reads the single application event log in {@code eventLogDir} (uncompressed, {@code spark.eventLog.compress
     * false}) and puts it against the process's start and end.
     */
    public static Phases read(String mode, Path eventLogDir, long processStart, long processEnd) throws IOException {
        List<Path> logs = eventFiles(eventLogDir);
        long appStart = -1;
        long executorAdded = -1;
        List<Job> jobs = new ArrayList<>();
        Map<Integer, long[]> jobSpan = new TreeMap<>();
        Map<Integer, String> jobName = new HashMap<>();
        int tasks = 0;
        long deser = 0;
        long run = 0;
        long gc = 0;
        long cpuNanos = 0;
        for (Path log : logs) {
            try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                String line;
                int lineNo = 0;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode e;
                    try {
                        e = JSON.readTree(line);
                    } catch (IOException ex) {
                        throw new IOException(log + " line " + lineNo + ": not a JSON event (is the log compressed?"
                                + " the bench sets spark.eventLog.compress=false): " + ex.getMessage(), ex);
                    }
                    switch (e.path("Event").asText()) {
                        case "SparkListenerApplicationStart" -> appStart = e.path("Timestamp").asLong();
                        case "SparkListenerExecutorAdded" -> {
                            long t = e.path("Timestamp").asLong();
                            if (executorAdded < 0 || t < executorAdded) {
                                executorAdded = t;
                            }
                        }
                        case "SparkListenerJobStart" -> {
                            int id = e.path("Job ID").asInt();
                            jobSpan.put(id, new long[] {e.path("Submission Time").asLong(), -1});
                            JsonNode props = e.path("Properties");
                            String name = props.path("spark.job.description").asText("");
                            if (name.isEmpty()) {
                                name = props.path("callSite.short").asText("");
                            }
                            jobName.put(id, name);
                        }
                        case "SparkListenerJobEnd" -> {
                            long[] s = jobSpan.get(e.path("Job ID").asInt());
                            if (s != null) {
                                s[1] = e.path("Completion Time").asLong();
                            }
                        }
                        case "SparkListenerTaskEnd" -> {
                            tasks++;
                            JsonNode m = e.path("Task Metrics");
                            deser += m.path("Executor Deserialize Time").asLong();
                            run += m.path("Executor Run Time").asLong();
                            gc += m.path("JVM GC Time").asLong();
                            cpuNanos += m.path("Executor CPU Time").asLong() + m.path("Executor Deserialize CPU Time").asLong();
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        if (appStart < 0) {
            throw new IOException(logs.get(0) + ": no SparkListenerApplicationStart event");
        }
        jobSpan.forEach((id, s) -> jobs.add(new Job(id, jobName.get(id), s[0], s[1] < 0 ? s[0] : s[1])));
        jobs.sort(Comparator.comparingLong(Job::submitted));
        return new Phases(mode, processStart, processEnd, appStart, executorAdded, jobs,
                new Tasks(tasks, deser, run, gc, cpuNanos / 1_000_000));
    }

    /**
     * The event files of the one application logged in {@code dir}: a single file (Spark's classic log), or the
     * {@code events_N_*} files of a single {@code eventlog_v2_*} folder (Spark 4's rolling log), in N order.
     */
    static List<Path> eventFiles(Path dir) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> !p.getFileName().toString().endsWith(".inprogress")).sorted().toList();
        }
        if (entries.size() == 1 && Files.isDirectory(entries.get(0))
                && entries.get(0).getFileName().toString().startsWith("eventlog_v2_")) {
            List<Path> parts;
            try (Stream<Path> s = Files.list(entries.get(0))) {
                parts = s.filter(p -> p.getFileName().toString().startsWith("events_"))
                        .sorted(Comparator.comparingInt(LaunchProfile::partIndex)).toList();
            }
            if (!parts.isEmpty()) {
                return parts;
            }
        }
        if (entries.size() != 1 || !Files.isRegularFile(entries.get(0))) {
            throw new IOException(dir + ": expected the finished Spark event log of one application (a file, or one"
                    + " eventlog_v2_* folder of events_* files; spark.eventLog.compress=false), found " + entries.size()
                    + ": " + entries);
        }
        return entries;
    }

    /** N of a rolling log's {@code events_N_appId} file. */
    private static int partIndex(Path p) {
        String[] f = p.getFileName().toString().split("_");
        try {
            return Integer.parseInt(f[1]);
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The phase table of several launches, one row per launch, in seconds. */
    public static String table(List<Phases> launches) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-8s %8s %12s %12s %10s %12s %12s %14s %12s %10s %10s %8s%n", "mode",
                "wall s", "before Spark", "to 1st job", "(executor)", "in jobs", "between jobs", "after last job",
                "task deser", "task run", "task CPU", "task GC"));
        for (Phases p : launches) {
            b.append(String.format(Locale.ROOT,
                    "%-8s %8.1f %12.1f %12.1f %10.1f %12.1f %12.1f %14.1f %12.1f %10.1f %10.1f %8.1f%n",
                    p.mode(), s(p.total()), s(p.beforeSpark()), s(p.beforeFirstJob()), s(p.executorWait()), s(p.inJobs()),
                    s(p.betweenJobs()), s(p.afterLastJob()), s(p.tasks().deserialize()), s(p.tasks().run()),
                    s(p.tasks().cpu()), s(p.tasks().gc())));
        }
        b.append("Spark jobs per launch (description: seconds):\n");
        for (Phases p : launches) {
            b.append("  ").append(p.mode()).append(':');
            for (Job j : p.jobs()) {
                b.append(String.format(Locale.ROOT, " [%s: %.1f]", j.description().isEmpty() ? "job " + j.id() : j.description(),
                        s(j.millis())));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static double s(long millis) {
        return millis / 1000.0;
    }

    /**
     * {@code LaunchProfile MODE=EVENT_LOG_DIR:START_MS:END_MS ...}: prints the phase table of the given launches.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: LaunchProfile MODE=EVENT_LOG_DIR:START_EPOCH_MS:END_EPOCH_MS ...");
            System.exit(2);
        }
        List<Phases> launches = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String[] rest = eq < 0 ? new String[0] : a.substring(eq + 1).split(":");
            if (eq < 1 || rest.length != 3) {
                System.err.println("LaunchProfile: bad argument '" + a + "': expected MODE=EVENT_LOG_DIR:START_MS:END_MS");
                System.exit(2);
            }
            try {
                launches.add(read(a.substring(0, eq), Path.of(rest[0]), Long.parseLong(rest[1]), Long.parseLong(rest[2])));
            } catch (NumberFormatException e) {
                System.err.println("LaunchProfile: bad argument '" + a + "': start and end must be epoch milliseconds");
                System.exit(2);
            }
        }
        System.out.print(table(launches));
    }
}
