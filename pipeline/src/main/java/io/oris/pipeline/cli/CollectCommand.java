package io.oris.pipeline.cli;

import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.pipeline.collect.ScriptedCollector;
import io.oris.pipeline.stages.CollectStage;
import io.oris.pipeline.train.ModelLearners;
import io.oris.sim.env.Task;
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
    /** The envs a job's collect entry accepts, and pick-place (collected with {@code scripted} only). */

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataRootOption dataRoot;

    @Parameters(index = "0", paramLabel = "ENV", description = "Environment: hopper, walker2d, halfcheetah or pick-place.")
    String env;

    @Parameters(index = "1", paramLabel = "POLICY",
            description = "Behaviour: random, medium, medium-replay, medium-expert or expert; scripted for pick-place.")
    String policy;

    @Option(names = "--size", paramLabel = "N", description = "Transitions to record (required, except for scripted:"
            + " default " + ScriptedCollector.DEFAULT_SIZE + ", about 100 episodes).")
    Long size;

    @Option(names = "--log", paramLabel = "FILE", description = "pick-place: also write the transitions as a robot log"
            + " (JSON Lines; read back by 'oris ingest logs FILE --mapping jobs/examples/pick-place-log-mapping.yaml').")
    java.nio.file.Path robotLog;

    @Option(names = "--pick-and-place-share", paramLabel = "P", description = "scripted: params.pick_and_place_share,"
            + " the share of pick-and-place-to-a-random-target episodes (default: 0.7).")
    Double pickAndPlaceShare;

    @Option(names = "--reach-only-share", paramLabel = "R", description = "scripted: params.reach_only_share (default:"
            + " 0.15; pick-and-drop takes the rest).")
    Double reachOnlyShare;

    @Option(names = "--action-noise", paramLabel = "SIGMA", description = "scripted: params.action_noise, σ of the"
            + " Gaussian noise on the hand action (default: 0.1).")
    Double actionNoise;

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
        out().println("collect " + job.id() + ": " + policy + " in the real " + env + ", " + job.size() + " transitions, seed "
                + seed + ", params " + job.params());
        out().flush();
        CollectStage.Outcome outcome = CollectStage.collect(job, dataRoot.path(), new ModelLearners(), line -> {
            out().println(line);
            out().flush();
        }, robotLog);
        out().println(outcome.describe());
        out().println("written to " + store.layout().dataset(job.id()));
        if (robotLog != null) {
            out().println("robot log written to " + robotLog);
        }
        out().flush();
        return 0;
    }

    /** The job entry these options stand for: the explicit options, and only they, become its params. */
    DatasetSpec.Collected entry() {
        List<String> tasks = java.util.Arrays.stream(Task.values()).map(Task::id).toList();   // sim's one list
        if (!tasks.contains(env)) {
            throw new IllegalArgumentException("unknown env '" + env + "'; expected one of " + tasks);
        }
        boolean pickPlace = env.equals("pick-place");
        if (!DatasetSpec.COLLECT_POLICIES.contains(policy)) {
            throw new IllegalArgumentException("unknown behaviour policy '" + policy + "' for " + env + "; expected one of "
                    + DatasetSpec.COLLECT_POLICIES);
        }
        DatasetSpec.collectMismatch(env, policy).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (robotLog != null && !pickPlace) {
            throw new IllegalArgumentException("--log writes pick-place data only, not " + env);
        }
        if (!pickPlace && (pickAndPlaceShare != null || reachOnlyShare != null || actionNoise != null)) {
            throw new IllegalArgumentException("--pick-and-place-share, --reach-only-share and --action-noise are"
                    + " options of pick-place's scripted collection");
        }
        if (size == null && !pickPlace) {
            throw new IllegalArgumentException("--size is required for " + policy);
        }
        long size = this.size != null ? this.size : ScriptedCollector.DEFAULT_SIZE;
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
        if (pickAndPlaceShare != null) {
            params.put("pick_and_place_share", pickAndPlaceShare);
        }
        if (reachOnlyShare != null) {
            params.put("reach_only_share", reachOnlyShare);
        }
        if (actionNoise != null) {
            params.put("action_noise", actionNoise);
        }
        return new DatasetSpec.Collected(env, policy, size, seed, params);
    }
}
