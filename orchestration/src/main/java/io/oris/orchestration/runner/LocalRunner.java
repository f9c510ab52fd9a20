package io.oris.orchestration.runner;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.StageTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a plan's task DAG in one JVM, in dependency order, through one {@link StageExecutor} per stage
 * kind. Each task gets {@code retries + 1} attempts, each bounded by the stage's timeout; a task that
 * fails for good marks its dependants (transitively) as not run, while every other branch goes on.
 * After each task a progress line gives the stage, tasks done of total and an ETA.
 */
public final class LocalRunner {
    private final RunnerSettings settings;
    private final Consumer<String> progress;

    public LocalRunner(RunnerSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Convenience: settings from the job's {@code default_args}, one task at a time. */
    public static RunReport run(Plan plan, Map<StageKind, StageExecutor> executors, Path dataRoot, Consumer<String> progress) {
        return new LocalRunner(RunnerSettings.from(plan.job(), 1), progress).run(plan, executors, dataRoot);
    }

    public RunReport run(Plan plan, Map<StageKind, StageExecutor> executors, Path dataRoot) {
        Set<StageKind> missing = EnumSet.noneOf(StageKind.class);
        plan.tasks().forEach(t -> {
            if (!executors.containsKey(t.kind())) {
                missing.add(t.kind());
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no stage executor for " + missing.stream().map(StageKind::cliName).toList()
                    + " (the plan has tasks of these stages)");
        }
        return new Execution(plan, executors, dataRoot).run();
    }

    /** The state of one run of the DAG. */
    private final class Execution {
        private final Plan plan;
        private final Map<StageKind, StageExecutor> executors;
        private final Path dataRoot;
        private final Map<String, Integer> waitingOn = new HashMap<>();
        private final Map<String, List<String>> dependants = new HashMap<>();
        private final Map<StageKind, int[]> stageDone = new EnumMap<>(StageKind.class);
        private final Map<StageKind, Integer> stageTotal = new EnumMap<>(StageKind.class);
        private final Set<String> finished = new HashSet<>();
        private final List<TaskResult> results = new ArrayList<>();
        private final long startNanos = System.nanoTime();
        private long busyNanos;

        Execution(Plan plan, Map<StageKind, StageExecutor> executors, Path dataRoot) {
            this.plan = plan;
            this.executors = executors;
            this.dataRoot = dataRoot;
            for (StageTask t : plan.tasks()) {
                waitingOn.put(t.id(), t.dependencies().size());
                t.dependencies().forEach(d -> dependants.computeIfAbsent(d, k -> new ArrayList<>()).add(t.id()));
                stageTotal.merge(t.kind(), 1, Integer::sum);
            }
        }

        RunReport run() {
            ExecutorService workers = Executors.newFixedThreadPool(settings.parallelism(), daemon("oris-task"));
            ExecutorService attempts = Executors.newCachedThreadPool(daemon("oris-attempt"));
            try {
                CompletionService<TaskResult> done = new ExecutorCompletionService<>(workers);
                Deque<StageTask> ready = new ArrayDeque<>();
                plan.tasks().stream().filter(t -> t.dependencies().isEmpty()).forEach(ready::add);
                int running = 0;
                progress.accept("[oris] running " + plan.job().dagId() + ": " + plan.tasks().size() + " tasks, "
                        + plan.runs().size() + " runs");
                while (running > 0 || !ready.isEmpty()) {
                    while (!ready.isEmpty() && running < settings.parallelism()) {
                        StageTask task = ready.poll();
                        done.submit(() -> attemptAll(task, attempts));
                        running++;
                    }
                    TaskResult result = take(done);
                    running--;
                    record(result);
                    if (result.status() == TaskResult.Status.SUCCEEDED) {
                        for (String next : dependants.getOrDefault(result.taskId(), List.of())) {
                            if (waitingOn.merge(next, -1, Integer::sum) == 0 && !finished.contains(next)) {
                                ready.add(plan.task(next).orElseThrow());
                            }
                        }
                    } else {
                        skipDependants(result.taskId());
                    }
                }
            } finally {
                workers.shutdownNow();
                attempts.shutdownNow();
            }
            long failed = results.stream().filter(r -> r.status() != TaskResult.Status.SUCCEEDED).count();
            progress.accept("[oris] finished " + plan.job().dagId() + " in " + hms(Duration.ofNanos(System.nanoTime() - startNanos))
                    + ": " + (results.size() - failed) + " succeeded, "
                    + results.stream().filter(r -> r.status() == TaskResult.Status.FAILED).count() + " failed, "
                    + results.stream().filter(r -> r.status() == TaskResult.Status.UPSTREAM_FAILED).count() + " not run");
            return new RunReport(results);
        }

        private TaskResult take(CompletionService<TaskResult> done) {
            try {
                return done.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("local run interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("runner bug: a task attempt loop threw", e.getCause());
            }
        }

        /** Runs the attempts of one task on its own thread each, bounded by the stage timeout. */
        private TaskResult attemptAll(StageTask task, ExecutorService attempts) {
            int max = settings.retries() + 1;
            Duration timeout = settings.timeout(task.kind());
            long start = System.nanoTime();
            String error = null;
            for (int attempt = 1; attempt <= max; attempt++) {
                progress.accept("[oris] start " + task.id() + " (" + task.kind().cliName() + " " + task.shard()
                        + (max > 1 ? ", attempt " + attempt + "/" + max : "") + ")");
                RunContext ctx = new RunContext(plan, dataRoot, attempt, max, progress);
                StageExecutor executor = executors.get(task.kind());
                Future<?> f = attempts.submit(() -> {
                    executor.execute(task, ctx);
                    return null;
                });
                try {
                    if (timeout == null) {
                        f.get();
                    } else {
                        f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    return new TaskResult(task.id(), TaskResult.Status.SUCCEEDED, attempt,
                            Duration.ofNanos(System.nanoTime() - start), null);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    error = "timed out after " + hms(timeout);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    error = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                } catch (InterruptedException e) {
                    f.cancel(true);
                    Thread.currentThread().interrupt();
                    return new TaskResult(task.id(), TaskResult.Status.FAILED, attempt,
                            Duration.ofNanos(System.nanoTime() - start), "interrupted");
                }
                progress.accept("[oris] " + task.id() + " attempt " + attempt + "/" + max + " failed: " + error);
                if (attempt < max && !sleep(settings.retryDelay())) {
                    break;
                }
            }
            return new TaskResult(task.id(), TaskResult.Status.FAILED, max, Duration.ofNanos(System.nanoTime() - start), error);
        }

        private void record(TaskResult result) {
            results.add(result);
            finished.add(result.taskId());
            StageKind kind = plan.task(result.taskId()).orElseThrow().kind();
            stageDone.computeIfAbsent(kind, k -> new int[1])[0]++;
            if (result.status() != TaskResult.Status.UPSTREAM_FAILED) {
                busyNanos += result.duration().toNanos();
            }
            int doneAll = finished.size();
            int total = plan.tasks().size();
            long measured = results.stream().filter(r -> r.status() != TaskResult.Status.UPSTREAM_FAILED).count();
            String eta = measured == 0 || doneAll == total ? "0:00:00"
                    : hms(Duration.ofNanos(busyNanos / measured * (total - doneAll) / settings.parallelism()));
            String what = switch (result.status()) {
                case SUCCEEDED -> "done";
                case FAILED -> "FAILED (" + result.error() + ")";
                case UPSTREAM_FAILED -> "not run (upstream failed)";
            };
            progress.accept("[oris] " + kind.cliName() + " " + stageDone.get(kind)[0] + "/" + stageTotal.get(kind)
                    + " | all " + doneAll + "/" + total + " | " + result.taskId() + " " + what
                    + (result.status() == TaskResult.Status.UPSTREAM_FAILED ? "" : " in " + hms(result.duration()))
                    + " | elapsed " + hms(Duration.ofNanos(System.nanoTime() - startNanos)) + ", ETA " + eta);
        }

        private void skipDependants(String failedId) {
            Deque<String> todo = new ArrayDeque<>(dependants.getOrDefault(failedId, List.of()));
            while (!todo.isEmpty()) {
                String id = todo.poll();
                if (finished.contains(id)) {
                    continue;
                }
                record(new TaskResult(id, TaskResult.Status.UPSTREAM_FAILED, 0, Duration.ZERO,
                        "upstream task " + failedId + " failed"));
                todo.addAll(dependants.getOrDefault(id, List.of()));
            }
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static String hms(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
