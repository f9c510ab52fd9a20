package io.oris.pipeline.cli;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.pipeline.stages.CollectStage;
import io.oris.pipeline.train.ModelLearners;
import io.oris.storage.DatasetStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oris collect ENV POLICY --size N}: one collected dataset, made in this JVM (no Spark) by the collect
 * stage's own code. The explicit options become the entry's {@code params} exactly as a job's
 * {@code {collect: POLICY, size: N, seed: S, params: {...}}} would give them, so both make the same dataset
 * (same rows, same fingerprint; the default id is the job's too).
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Collect a D4RL-shaped dataset in the unmodified real environment (what the collect stage does for"
                + " one {collect: POLICY, size: N} entry) and write it as <data-root>/datasets/<id>/.",
        footer = {"%nThe shipped hopper medium-replay dataset (jobs/data/README.md) is made by:",
            "  oris collect hopper medium-replay --size 300000 --seed 0 --random-steps 1000 --max-train-steps 300000"
                + " --id hopper-medium-replay-oris"})
public final class CollectCommand implements Callable<Integer> {
    /** The envs a job's collect entry accepts. */
    static final List<String> ENVS = List.of("hopper", "walker2d", "halfcheetah");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(index = "0", paramLabel = "ENV", description = "Environment: hopper, walker2d or halfcheetah.")
    String env;

    @Parameters(index = "1", paramLabel = "POLICY",
            description = "Behaviour: random, medium, medium-replay, medium-expert or expert.")
    String policy;

    @Option(names = "--size", required = true, paramLabel = "N", description = "Transitions to record.")
    long size;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--id", paramLabel = "ID",
            description = "Dataset id (default: the job entry's, e.g. hopper-collect-medium-replay-n300000[-sS][-PARAMSHASH]).")
    String id;

    @Option(names = "--random-steps", paramLabel = "K",
            description = "params.random_steps: uniform-random warm-up steps before SAC acts (default: min(1000, max_train_steps / 10)).")
    Long randomSteps;

    @Option(names = "--max-train-steps", paramLabel = "M",
            description = "params.max_train_steps: cap on SAC's environment steps (default: N for medium-replay, 1000000 otherwise).")
    Long maxTrainSteps;

    @Option(names = "--target-fraction", paramLabel = "F",
            description = "params.target_fraction: the medium level as a fraction of the way from the random to the expert"
                    + " return (default: 1/3).")
    Double targetFraction;

    @Option(names = "--no-state", description = "params.record_state = false: do not keep qpos/qvel per row (about half"
            + " the size; the transitions are the same).")
    boolean noState;

    @Option(names = "--overwrite", description = "Replace an existing dataset with this id that was made differently.")
    boolean overwrite;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() {
        CollectStage.Job job = CollectStage.Job.of(entry(), id);
        DatasetStore store = new DatasetStore(dataRoot.path());
        if (store.decide(job.id(), job.fingerprint(), overwrite) == DatasetStore.WriteDecision.UNCHANGED) {
            out().println("collect " + job.id() + ": already collected with the same settings under "
                    + store.layout().dataset(job.id()) + "; nothing written");
            out().flush();
            return 0;
        }
        out().println("collect " + job.id() + ": " + policy + " in the real " + env + ", " + size + " transitions, seed "
                + seed + ", params " + job.params());
        out().flush();
        CollectStage.Outcome outcome = CollectStage.collect(job, dataRoot.path(), new ModelLearners(), line -> {
            out().println(line);
            out().flush();
        });
        out().println(outcome.describe());
        out().println("written to " + store.layout().dataset(job.id()));
        out().flush();
        return 0;
    }

    /** The job entry these options stand for: the explicit options, and only they, become its params. */
    DatasetSpec.Collected entry() {
        if (!ENVS.contains(env)) {
            throw new IllegalArgumentException("unknown env '" + env + "'; expected one of " + ENVS);
        }
        if (!DatasetSpec.COLLECT_POLICIES.contains(policy)) {
            throw new IllegalArgumentException("unknown behaviour policy '" + policy + "'; expected one of "
                    + DatasetSpec.COLLECT_POLICIES);
        }
        if (size < 1 || seed < 0) {
            throw new IllegalArgumentException(size < 1 ? "--size must be at least 1, got " + size
                    : "--seed must be at least 0, got " + seed);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (randomSteps != null) {
            params.put("random_steps", randomSteps);
        }
        if (maxTrainSteps != null) {
            params.put("max_train_steps", maxTrainSteps);
        }
        if (targetFraction != null) {
            params.put("target_fraction", targetFraction);
        }
        if (noState) {
            params.put("record_state", false);
        }
        return new DatasetSpec.Collected(env, policy, size, seed, params);
    }
}
