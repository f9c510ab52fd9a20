package io.oris.pipeline.stages;

import io.oris.pipeline.runs.RunDirectory;
import io.oris.pipeline.runs.RunStatus;
import io.oris.pipeline.train.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints the train stage's progress while its Spark tasks run: runs done of total, gradient steps done of the
 * stage's total, the most advanced running run and an ETA, read from the runs' {@code status.json} files. The ETA
 * extrapolates from the steps made since this stage started, not from steps a resumed sweep had already made (which
 * took none of the elapsed time).
 */
final class TrainProgress implements AutoCloseable {
    private final Path root;
    private final List<RunConfig> runs;
    private final Consumer<String> log;
    private final long everyMillis;
    private final long startNanos = System.nanoTime();
    private Thread thread;
    private volatile boolean stop;
    /** Steps already done when the stage started (a resumed sweep); -1 until the first reading. */
    private long doneAtStart = -1;

    TrainProgress(Path root, List<RunConfig> runs, Consumer<String> log, long everyMillis) {
        this.root = root;
        this.runs = runs;
        this.log = log;
        this.everyMillis = everyMillis;
    }

    void start() {
        if (everyMillis <= 0) {
            return;
        }
        thread = new Thread(() -> {
            while (!stop) {
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
                if (!stop) {
                    log.accept(line());
                }
            }
        }, "oris-train-progress");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized String line() {
        long total = 0;
        long done = 0;
        int finished = 0;
        int failed = 0;
        String current = "";
        for (RunConfig run : runs) {
            total += run.gradientSteps();
            RunStatus s = RunDirectory.of(root, run.runId()).readStatusQuietly();
            if (s == null) {
                continue;
            }
            done += Math.min(s.lastStep(), run.gradientSteps());
            if (s.succeeded()) {
                finished++;
            } else if (s.failed()) {
                failed++;
                total -= run.gradientSteps() - Math.min(s.lastStep(), run.gradientSteps());
            } else if (current.isEmpty() && s.lastStep() > 0) {
                current = String.format("; %s at step %,d/%,d", run.learnerName(), s.lastStep(), run.gradientSteps());
            }
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (doneAtStart < 0) {
            doneAtStart = done;
        }
        String eta = eta(elapsed, done, doneAtStart, total);
        return String.format("  train: %d/%d runs done%s, %,d/%,d steps (%.0f%%)%s, elapsed %s, ETA %s", finished, runs.size(),
                failed > 0 ? " (" + failed + " failed)" : "", done, total, total == 0 ? 100.0 : 100.0 * done / total,
                current, formatSeconds(elapsed), eta);
    }

    /**
     * Time left at the rate of this invocation: {@code elapsed × (total − done) / (done − doneAtStart)}; "?" before the
     * first step of this invocation has been recorded.
     */
    static String eta(double elapsedSeconds, long done, long doneAtStart, long total) {
        long madeHere = done - doneAtStart;
        if (madeHere <= 0) {
            return done >= total && total > 0 ? formatSeconds(0) : "?";
        }
        return formatSeconds(elapsedSeconds * (total - done) / madeHere);
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format("%dh%02dm", t / 3600, (t % 3600) / 60) : String.format("%dm%02ds", t / 60, t % 60);
    }

    @Override
    public void close() {
        stop = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
