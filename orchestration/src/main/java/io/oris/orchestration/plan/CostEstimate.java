package io.oris.orchestration.plan;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.descriptor.Budget;
import io.oris.orchestration.descriptor.DatasetSpec;
import io.oris.orchestration.descriptor.Method;
import io.oris.orchestration.sweep.GanSpec;
import io.oris.orchestration.sweep.RunSpec;
import io.oris.storage.D4rlEnvs;
import io.oris.storage.EnvDims;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * What a plan will cost before it is run ({@code oris plan JOB --executors N}): per stage the number of tasks, the
 * units of work Spark runs in parallel (a run in train, a GAN in pretrain-gan, a dataset in collect, a snapshot's
 * episodes in evaluate), the core-hours from {@link Throughput}, the wall time on N single-core executor slots and
 * the bytes the stage writes under the data root.
 *
 * <p>Model. A run costs its gradient steps at its learner's update rate, plus its simulator steps ({@code
 * gradient_steps / steps_per_epoch × sim_steps_per_epoch}, for methods that use the simulator) at the environment
 * rate; its evaluation (one point per {@code eval_every} steps and one at step 0, {@code episodes} episodes of at
 * most {@code max_episode_steps} steps) is the evaluate stage's work. A collected dataset costs its transitions at the
 * environment rate plus, for the SAC-based behaviours, the SAC updates that train the behaviour policy (one per
 * transition for {@code medium-replay}; at most {@code max_train_steps}, default 1M, for {@code medium} and
 * {@code expert}: an upper bound). A stage's wall time is the longest-processing-time-first schedule of its units on
 * N slots; stages are summed in order, an upper bound since independent stages of different datasets may overlap.
 * Storage: a run's checkpoint (the learner's parameters with their targets and Adam moments, float64, plus the
 * filled replay rows, float32) and its evaluation snapshots (the actor alone in float32, about 280 KB for hopper
 * 256-256, docs/architecture.md §7.6); collected datasets at float32
 * per column; GANs' parameters with Adam moments; ingested inputs are not counted (their size is the input's).
 *
 * <p>Train slots. A train task holds the job's {@code spark.cpus_per_train_task} cores, so N slots run
 * N / cpus train tasks at once (at the one-core rate: an upper bound on its time). With G GPUs ({@code --gpus G})
 * and a job that asks for g GPUs per train task ({@code spark.gpus_per_train_task}), at most G / g train tasks run at
 * once, each at its method's GPU rate where a CUDA benchmark file gave one ({@link Throughput#withBench}) and at the
 * CPU rate otherwise (said in the printed estimate).
 */
public final class CostEstimate {
    /** Replay ring capacity of a simulator run (rows). */
    static final long REPLAY_CAPACITY = 1_000_000;
    /** Hidden sizes assumed for every learner and GAN network without its own setting. */
    static final int[] HIDDEN = {256, 256};

    private final Map<StageKind, StageCost> stages;
    private final int executors;
    private final int gpus;
    private final int trainSlots;
    private final Throughput throughput;
    private final List<String> notes;

    private CostEstimate(Map<StageKind, StageCost> stages, int executors, int gpus, int trainSlots,
                         Throughput throughput, List<String> notes) {
        this.stages = Collections.unmodifiableMap(stages);
        this.executors = executors;
        this.gpus = gpus;
        this.trainSlots = trainSlots;
        this.throughput = throughput;
        this.notes = List.copyOf(notes);
    }

    /**
     * The cost of one stage: its tasks, its parallel units' core-seconds and the bytes it writes; {@code units} may
     * exceed the timed ones ({@code unitSeconds}) where a kind of work has no measured rate.
     */
    public record StageCost(StageKind kind, long tasks, List<Double> unitSeconds, long bytes, String unit, long units) {
        public boolean timed() {
            return units == unitSeconds.size();
        }

        public double coreHours() {
            return unitSeconds.stream().mapToDouble(Double::doubleValue).sum() / 3600.0;
        }
    }

    /** Estimates {@code plan} on {@code executors} single-core slots with the rates of {@code throughput}. */
    public static CostEstimate of(Plan plan, int executors, Throughput throughput) {
        return of(plan, executors, 0, throughput);
    }

    /**
     * Estimates {@code plan} on {@code executors} single-core slots and {@code gpus} GPUs (0: none) with the rates of
     * {@code throughput}.
     */
    public static CostEstimate of(Plan plan, int executors, int gpus, Throughput throughput) {
        if (executors < 1) {
            throw new IllegalArgumentException("--executors must be at least 1, got " + executors);
        }
        if (gpus < 0) {
            throw new IllegalArgumentException("--gpus must be 0 or more, got " + gpus);
        }
        List<String> notes = new ArrayList<>();
        int cpusPerTask = Math.max(1, plan.job().sweep().spark().cpusPerTrainTask());
        double gpusPerTask = plan.job().sweep().spark().gpusPerTrainTask();
        int trainSlots = Math.max(1, executors / cpusPerTask);
        if (cpusPerTask > 1) {
            notes.add(String.format(Locale.ROOT, "train tasks hold %d cores each (spark.cpus_per_train_task): %d at once,"
                    + " timed at the one-core rate", cpusPerTask, trainSlots));
        }
        boolean onGpus = gpus > 0 && gpusPerTask > 0;
        if (gpus > 0 && !onGpus) {
            notes.add("the job asks for no GPU per train task (spark.gpus_per_train_task), so --gpus " + gpus
                    + " changes nothing");
        }
        if (onGpus) {
            int byGpus = (int) Math.floor(gpus / gpusPerTask + 1e-9);
            if (byGpus < 1) {
                throw new IllegalArgumentException("--gpus " + gpus + " cannot hold one train task, which asks for "
                        + gpusPerTask + " GPUs (spark.gpus_per_train_task)");
            }
            trainSlots = Math.min(trainSlots, byGpus);
            notes.add(String.format(Locale.ROOT, "train: %d task%s at once (%d GPUs, %s per task); %s", trainSlots,
                    trainSlots == 1 ? "" : "s", gpus, trimmed(gpusPerTask),
                    throughput.gpuSource() == null
                            ? "no GPU rate measured (give a CUDA build's bench file with --bench), so runs are timed"
                              + " at the CPU rates"
                            : "GPU rates from " + throughput.gpuSource() + ", CPU rates for methods it lacks")
                    + "; train core-hours are then GPU-task hours");
        }
        Map<StageKind, StageCost> stages = new EnumMap<>(StageKind.class);
        Map<StageKind, Long> tasks = plan.taskCountByStage();
        for (StageKind kind : tasks.keySet()) {
            List<Double> units = new ArrayList<>();
            long bytes = 0;
            String unit;
            switch (kind) {
                case COLLECT -> {
                    unit = "dataset";
                    for (DatasetSpec d : plan.datasets()) {
                        if (d instanceof DatasetSpec.Collected c) {
                            units.add(collectSeconds(c, throughput));
                            bytes += c.size() * rowBytes(dims(c.env()));
                        }
                    }
                }
                case PRETRAIN_GAN -> {
                    unit = "GAN";
                    for (StageTask t : plan.tasks(kind)) {
                        for (GanSpec g : plan.gans(t)) {
                            units.add(ganSteps(g) / throughput.ganStepsPerSecond());
                            bytes += ganBytes(g, dims(envOf(plan, g.datasetId())));
                        }
                    }
                }
                case PRETRAIN_DYNAMICS -> {
                    // COMBO's ensembles: counted, not timed (their training rate has not been measured)
                    unit = "model";
                    long models = plan.tasks(kind).stream().mapToLong(t -> plan.dynamics(t).size()).sum();
                    stages.put(kind, new StageCost(kind, tasks.get(kind), List.of(), 0, unit, models));
                    continue;
                }
                case TRAIN -> {
                    unit = "run";
                    for (RunSpec r : plan.runs()) {
                        units.add(trainSeconds(r, throughput, onGpus));
                        bytes += runBytes(r);
                    }
                }
                case EVALUATE -> {
                    unit = "snapshot";
                    for (RunSpec r : plan.runs()) {
                        double perSnapshot = (double) r.evaluation().episodes() * episodeSteps(r)
                                / throughput.envStepsPerSecond();
                        for (long p = 0; p < evalPoints(r.budget()); p++) {
                            units.add(perSnapshot);
                        }
                    }
                }
                default -> unit = "task";
            }
            stages.put(kind, new StageCost(kind, tasks.get(kind), List.copyOf(units), bytes, unit, units.size()));
        }
        return new CostEstimate(stages, executors, gpus, trainSlots, throughput, notes);
    }

    private static String trimmed(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Train tasks that run at once: the executor slots over the cores a train task holds, at most the GPUs allow. */
    public int trainSlots() {
        return trainSlots;
    }

    public Map<StageKind, StageCost> stages() {
        return stages;
    }

    /** Wall seconds of one stage on the estimate's executors (LPT schedule of its units). */
    public double wallSeconds(StageKind kind) {
        return makespan(stages.get(kind).unitSeconds(), kind == StageKind.TRAIN ? trainSlots : executors);
    }

    /** Wall seconds of the whole plan: the stages one after another. */
    public double wallSeconds() {
        return stages.keySet().stream().mapToDouble(this::wallSeconds).sum();
    }

    public double coreHours() {
        return stages.values().stream().mapToDouble(StageCost::coreHours).sum();
    }

    public long bytes() {
        return stages.values().stream().mapToLong(StageCost::bytes).sum();
    }

    /** Longest-processing-time-first schedule of {@code units} on {@code slots}: the finish time of the last slot. */
    static double makespan(List<Double> units, int slots) {
        List<Double> sorted = new ArrayList<>(units);
        sorted.sort(Collections.reverseOrder());
        PriorityQueue<Double> finish = new PriorityQueue<>();
        for (int i = 0; i < Math.min(slots, Math.max(1, sorted.size())); i++) {
            finish.add(0.0);
        }
        for (double u : sorted) {
            finish.add(finish.poll() + u);
        }
        return finish.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Core-seconds of one training run (updates and simulator steps). */
    static double trainSeconds(RunSpec r, Throughput t) {
        return trainSeconds(r, t, false);
    }

    /** Seconds of one training run, its updates at the method's GPU rate when {@code onGpu} and one is known. */
    static double trainSeconds(RunSpec r, Throughput t, boolean onGpu) {
        Budget b = r.budget();
        double rate = onGpu ? t.gpuUpdatesPerSecond(r.method()).orElse(t.updatesPerSecond(r.method()))
                : t.updatesPerSecond(r.method());
        double seconds = b.gradientSteps() / rate;
        if (r.method().usesSimulator()) {
            seconds += simSteps(b) / t.envStepsPerSecond();
        }
        return seconds;
    }

    static long simSteps(Budget b) {
        return b.gradientSteps() / Math.max(1, b.stepsPerEpoch()) * b.simStepsPerEpoch();
    }

    /** The most steps an evaluation episode of the run takes: the job's limit, at most the task's own (pick-place 150). */
    static int episodeSteps(RunSpec r) {
        int limit = r.evaluation().maxEpisodeSteps();
        return "pick-place".equals(r.env()) ? Math.min(limit, PICK_PLACE_EPISODE_STEPS) : limit;
    }

    /** Pick-place's horizon (ORIS Table III; sim's {@code Task.PICK_PLACE.maxEpisodeSteps()}). */
    static final int PICK_PLACE_EPISODE_STEPS = 150;

    /** Evaluation points of a run: step 0 and every {@code eval_every} steps up to the budget. */
    static long evalPoints(Budget b) {
        return b.gradientSteps() / Math.max(1, b.evalEvery()) + 1;
    }

    static double collectSeconds(DatasetSpec.Collected c, Throughput t) {
        double seconds = c.size() / t.envStepsPerSecond();
        long sacSteps = switch (c.policy()) {
            case "medium-replay" -> c.size();
            case "medium", "expert", "medium-expert" -> c.params().get("max_train_steps") instanceof Number n
                    ? n.longValue() * ("medium-expert".equals(c.policy()) ? 2 : 1)
                    : ("medium-expert".equals(c.policy()) ? 2 : 1) * 1_000_000L;
            default -> 0L;
        };
        return seconds + sacSteps / t.updatesPerSecond(Method.SAC) + sacSteps / t.envStepsPerSecond();
    }

    static long ganSteps(GanSpec g) {
        return g.settings().get("steps") instanceof Number n ? n.longValue() : 0L;
    }

    /** Bytes of one collected or replayed transition row: s, a, r, s', terminal, timeout as float32. */
    static long rowBytes(EnvDims d) {
        return 4L * (2L * d.obsDim() + d.actionDim() + 3);
    }

    /** Parameters of an MLP with {@link #HIDDEN} hidden layers (weights and biases). */
    static long mlpParams(int in, int out) {
        long n = 0;
        int prev = in;
        for (int h : HIDDEN) {
            n += (long) (prev + 1) * h;
            prev = h;
        }
        return n + (long) (prev + 1) * out;
    }

    /**
     * Bytes of a SAC-family learner's state in float64: the actor (parameters and two Adam moments) and two critics
     * with targets (parameters, targets, two moments); BC keeps the actor only. An upper bound for IQL, SQL and
     * TD3+BC, whose networks are of the same size.
     */
    static long learnerBytes(Method m, EnvDims d) {
        long actor = mlpParams(d.obsDim(), 2 * d.actionDim());
        if (m == Method.BC) {
            return 8L * 3 * actor;
        }
        long critic = mlpParams(d.obsDim() + d.actionDim(), 1);
        return 8L * (3 * actor + 8 * critic);
    }

    /** A run's checkpoint (learner state and filled replay rows) and its evaluation snapshots (policy only). */
    static long runBytes(RunSpec r) {
        EnvDims d = dims(r.env());
        long learner = learnerBytes(r.method(), d);
        long replay = r.method().usesSimulator() ? Math.min(REPLAY_CAPACITY, simSteps(r.budget())) * rowBytes(d) : 0;
        return learner + replay + evalPoints(r.budget()) * policyBytes(d);
    }

    /** An evaluation snapshot: the actor's parameters in float32 plus about 2 KB of policy.json and .npy headers. */
    static long policyBytes(EnvDims d) {
        return 4L * mlpParams(d.obsDim(), 2 * d.actionDim()) + 2048;
    }

    static long ganBytes(GanSpec g, EnvDims d) {
        int noise = g.settings().get("noiseDim") instanceof Number n && n.intValue() > 0 ? n.intValue() : d.obsDim();
        long params = mlpParams(noise, d.obsDim()) + mlpParams(d.obsDim(), 1);
        return 8L * 3 * params;
    }

    private static String envOf(Plan plan, String datasetId) {
        return plan.dataset(datasetId).map(DatasetSpec::env).orElse("hopper");
    }

    /** The env's dims; pick-place (the simulated task) has the robot log's 7-d state and 4-d action. */
    static EnvDims dims(String env) {
        if ("pick-place".equals(env)) {
            return D4rlEnvs.require(D4rlEnvs.PICK_AND_PLACE);
        }
        return D4rlEnvs.dims(env).orElseGet(() -> D4rlEnvs.require("walker2d"));
    }

    /** The estimate as the lines {@code oris plan --executors N} prints. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nEstimate on %d executor slot%s%s (one task per core; rates: %s):%n",
                executors, executors == 1 ? "" : "s", gpus > 0 ? " and " + gpus + " GPU" + (gpus == 1 ? "" : "s") : "",
                throughput.source()));
        sb.append(String.format(Locale.ROOT, "  %-17s %6s %15s %11s %10s %10s%n", "stage", "tasks", "units",
                "core-hours", "wall", "writes"));
        for (StageCost s : stages.values()) {
            sb.append(String.format(Locale.ROOT, "  %-17s %6d %15s %11.2f %10s %10s%n", s.kind().cliName(), s.tasks(),
                    s.units() == 0 ? "-" : s.units() + " " + s.unit() + (s.units() == 1 ? "" : "s"),
                    s.coreHours(), s.timed() ? duration(wallSeconds(s.kind())) : "not timed", bytes(s.bytes())));
        }
        sb.append(String.format(Locale.ROOT, "  %-17s %6s %15s %11.2f %10s %10s%n", "total", "", "", coreHours(),
                duration(wallSeconds()), bytes(bytes())));
        sb.append("  (stages summed in order: an upper bound where stages of different datasets could overlap;"
                + " ingest and aggregate are not timed");
        if (stages.values().stream().anyMatch(s -> !s.timed())) {
            sb.append("; nor is pretrain-dynamics, COMBO's ensembles, whose training rate has not been measured");
        }
        sb.append(")\n");
        for (String note : notes) {
            sb.append("  ").append(note).append('\n');
        }
        return sb.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, (s % 86_400) / 3600);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
}
