package io.oris.orchestration.bench;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures loading and planning job files (default: ORIS Table I and II): the first call in a fresh JVM
 * (what {@code oris plan} pays) and the median of repeated calls. Target: under 1 s for Table I + II.
 * Run: {@code java -cp <orchestration classpath> io.oris.orchestration.bench.PlanBench [JOB...]}.
 */
public final class PlanBench {
    private PlanBench() {
    }

    public static void main(String[] args) {
        List<Path> jobs = new ArrayList<>();
        if (args.length == 0) {
            jobs.add(Path.of("jobs/oris-table1.yaml"));
            jobs.add(Path.of("jobs/oris-table2.yaml"));
        } else {
            Arrays.stream(args).map(Path::of).forEach(jobs::add);
        }
        long start = System.nanoTime();
        int[] counts = planAll(jobs);
        long coldNanos = System.nanoTime() - start;
        int reps = 20;
        long[] warm = new long[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            planAll(jobs);
            warm[i] = System.nanoTime() - t;
        }
        Arrays.sort(warm);
        System.out.printf("jobs: %s%n", jobs);
        System.out.printf("runs: %d, tasks: %d%n", counts[0], counts[1]);
        System.out.printf("load + expand + plan, first call in this JVM: %.1f ms%n", coldNanos / 1e6);
        System.out.printf("load + expand + plan, median of %d warm calls: %.2f ms%n", reps, warm[reps / 2] / 1e6);
        System.out.println(coldNanos < 1_000_000_000L ? "OK: under 1 s" : "SLOW: over the 1 s target");
    }

    private static int[] planAll(List<Path> jobs) {
        int runs = 0;
        int tasks = 0;
        Planner planner = new Planner();
        for (Path job : jobs) {
            Plan plan = planner.plan(JobDescriptor.load(job), null);
            runs += plan.runs().size();
            tasks += plan.tasks().size();
        }
        return new int[] {runs, tasks};
    }
}
