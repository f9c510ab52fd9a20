package io.oris.pipeline.results;

import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a sweep's training took, from the {@code status.json} of its runs: the span from the first run's start
 * to the last run's finish, and the sum of the runs' own durations (finish − start). {@code status.json} keeps the
 * start of a run's last attempt only, so a resumed run counts from its last start; a run without both timestamps
 * (never started, still running, reused without them) is counted as untimed.
 *
 * @param firstStart  earliest start over the timed runs, null when none is timed
 * @param lastFinish  latest finish over the timed runs, null when none is timed
 * @param sumOfRuns   sum of the timed runs' durations
 * @param timedRuns   runs with a start and a finish
 * @param untimedRuns runs without them
 */
public record TrainingTime(Instant firstStart, Instant lastFinish, Duration sumOfRuns, int timedRuns, int untimedRuns) {
    /** The training time of the runs {@code runIds} under a data root. */
    public static TrainingTime read(Path dataRoot, List<String> runIds) {
        List<RunStatus> statuses = new ArrayList<>();
        for (String id : runIds) {
            statuses.add(RunDirectory.of(dataRoot, id).readStatusQuietly());
        }
        return of(statuses);
    }

    /** The training time of these statuses; null entries (no {@code status.json}) are untimed. */
    public static TrainingTime of(List<RunStatus> statuses) {
        Instant first = null;
        Instant last = null;
        Duration sum = Duration.ZERO;
        int timed = 0;
        for (RunStatus s : statuses) {
            Instant start = s == null ? null : instant(s.startedAt());
            Instant finish = s == null ? null : instant(s.finishedAt());
            if (start == null || finish == null || finish.isBefore(start)) {
                continue;
            }
            timed++;
            sum = sum.plus(Duration.between(start, finish));
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || finish.isAfter(last) ? finish : last;
        }
        return new TrainingTime(first, last, sum, timed, statuses.size() - timed);
    }

    /** The span from the first start to the last finish; null when no run is timed. */
    public Duration wallTime() {
        return firstStart == null ? null : Duration.between(firstStart, lastFinish);
    }

    /** One sentence for the README. */
    public String describe() {
        if (timedRuns == 0) {
            return "unknown: no run's status.json has both a start and a finish time (" + untimedRuns + " runs).";
        }
        String s = format(wallTime()) + " from the first run's start (" + firstStart + ") to the last run's finish ("
                + lastFinish + ") over " + timedRuns + (timedRuns == 1 ? " run" : " runs") + "; the runs' own durations add up to "
                + format(sumOfRuns) + " (each from its last start: status.json keeps only the last attempt's start).";
        return untimedRuns == 0 ? s : s + " " + untimedRuns + (untimedRuns == 1
                ? " run has no start or finish time and is not counted."
                : " runs have no start or finish time and are not counted.");
    }

    /** {@code 2 h 03 min 12 s}, {@code 4 min 05 s}, {@code 12 s}. */
    static String format(Duration d) {
        long total = d.getSeconds();
        long h = total / 3600;
        long m = (total % 3600) / 60;
        long s = total % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%d h %02d min %02d s", h, m, s);
        }
        return m > 0 ? String.format(Locale.ROOT, "%d min %02d s", m, s) : s + " s";
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
