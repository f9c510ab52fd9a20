package io.oris.orchestration.descriptor;

import io.oris.orchestration.StageKind;
import io.oris.storage.ShippedDatasets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code oris:} section of a job file into a {@link Sweep}, filling documented defaults
 * (docs/reference.md §5: 500k gradient steps, evaluation every 1000 steps over 10 episodes) and checking that the
 * parts fit together (methods that need datasets have some, methods that step a simulator have gaps).
 */
final class SweepParser {
    static final Set<String> KEYS = Set.of("envs", "datasets", "gaps", "methods", "seeds", "budget", "evaluation",
            "gan", "dynamics", "spark", "airflow", "retrain_on", "hyperparameters", "report", "stage_timeouts_sec", "data_root");
    /** The gym-v2 locomotion tasks (D4RL and Minari datasets exist for these only). */
    static final List<String> LOCOMOTION_ENVS = List.of("hopper", "walker2d", "halfcheetah");
    /** Every env a job may name: the locomotion tasks and pick-place (ORIS Table III, docs/reference.md §8). */
    static final List<String> ENVS = List.of("hopper", "walker2d", "halfcheetah", DatasetSpec.PICK_PLACE);
    /** Block positions of pick-place's evaluation grid (5 × 5, docs/reference.md §8): episodes come in multiples. */
    static final int PICK_PLACE_GRID = 25;

    private final ShippedDatasets shipped;

    SweepParser(ShippedDatasets shipped) {
        this.shipped = shipped;
    }

    Sweep parse(YamlNode node) {
        Map<String, YamlNode> m = node.map(KEYS);
        List<String> envs = new ArrayList<>();
        if (m.containsKey("envs")) {
            for (YamlNode e : m.get("envs").list(true)) {
                String env = e.choice(Set.copyOf(ENVS));
                if (envs.contains(env)) {
                    throw e.error("env '" + env + "' listed twice");
                }
                envs.add(env);
            }
        }
        List<MethodSpec> methods = methods(require(m, "methods", node));
        List<DatasetSpec> datasets = m.containsKey("datasets")
                ? new DatasetParser(envs, shipped).parse(m.get("datasets")) : List.of();
        if (!m.containsKey("envs")) {
            Set<String> derived = new LinkedHashSet<>();
            datasets.forEach(d -> derived.add(d.env()));
            envs.addAll(derived);
        } else {
            for (DatasetSpec d : datasets) {
                if (!envs.contains(d.env())) {
                    throw m.get("datasets").error("dataset " + d.id() + " is for env " + d.env()
                            + ", which is not in envs " + envs);
                }
            }
        }
        List<GapSpec> gaps = m.containsKey("gaps") ? gaps(m.get("gaps")) : List.of();
        for (GapSpec gap : gaps) {
            List<String> others = envs.stream().filter(e -> !e.equals(DatasetSpec.PICK_PLACE)).toList();
            if (gap.pickPlaceOnly() && !others.isEmpty()) {
                throw m.get("gaps").error("gap '" + gap + "' changes pick-place's dynamics (sim = Metaworld's), but"
                        + " this sweep also runs " + others + "; put pick-place in a job of its own, or use a gap of"
                        + " kinds " + GapSpec.KINDS + " only");
            }
        }
        boolean needsData = methods.stream().anyMatch(s -> s.method().usesDataset());
        boolean needsSim = methods.stream().anyMatch(s -> s.method().usesSimulator());
        if (needsData && datasets.isEmpty()) {
            throw node.error("methods " + methods + " read offline data, but 'datasets' is missing or empty");
        }
        if (needsSim && gaps.isEmpty()) {
            throw node.error("methods " + methods.stream().filter(s -> s.method().usesSimulator()).toList()
                    + " train in a simulator, but 'gaps' is missing or empty (write e.g. gaps: [gravity=2.0], or [real])");
        }
        if (envs.isEmpty()) {
            throw node.error("no env: list 'envs' (" + String.join(", ", ENVS) + ") or datasets that name one");
        }
        boolean pickPlace = envs.contains(DatasetSpec.PICK_PLACE);
        List<Long> seeds = seeds(require(m, "seeds", node));
        Budget budget = budget(m.get("budget"));
        EvalProtocol evaluation = evaluation(m.get("evaluation"), pickPlace);
        GanSettings gan = gan(m.get("gan"));
        if (m.containsKey("gan") && !m.get("gan").isNull() && methods.stream().noneMatch(MethodSpec::usesGan)) {
            throw m.get("gan").error("the gan: section configures the GANs that ORIS pre-trains, but no method of this"
                    + " sweep reads one (" + methods + "); remove the section or add oris to methods");
        }
        DynamicsSettings dynamics = dynamics(m.get("dynamics"));
        if (m.containsKey("dynamics") && !m.get("dynamics").isNull() && methods.stream().noneMatch(MethodSpec::usesDynamicsModel)) {
            throw m.get("dynamics").error("the dynamics: section configures the dynamics models that COMBO pre-trains,"
                    + " but no method of this sweep reads one (" + methods + "); remove the section or add combo to methods");
        }
        SparkSettings spark = spark(m.get("spark"));
        AirflowSettings airflow = airflow(m.get("airflow"));
        List<String> retrainOn = new ArrayList<>();
        if (m.containsKey("retrain_on") && !m.get("retrain_on").isNull()) {
            for (YamlNode r : m.get("retrain_on").list(true)) {
                retrainOn.add(r.string());
            }
        }
        Map<String, Map<String, Object>> hyper = new HyperparameterParser(methods).parse(m.get("hyperparameters"));
        Map<String, Object> report = new LinkedHashMap<>();
        if (m.containsKey("report") && !m.get("report").isNull()) {
            m.get("report").map().forEach((k, v) -> report.put(k, v.plain()));
        }
        Map<String, Long> timeouts = new LinkedHashMap<>();
        if (m.containsKey("stage_timeouts_sec") && !m.get("stage_timeouts_sec").isNull()) {
            for (Map.Entry<String, YamlNode> e : m.get("stage_timeouts_sec").map(Set.copyOf(StageKind.cliNames())).entrySet()) {
                timeouts.put(e.getKey(), e.getValue().longAtLeast(1));
            }
        }
        String dataRoot = m.containsKey("data_root") && !m.get("data_root").isNull() ? m.get("data_root").string() : null;
        return new Sweep(envs, datasets, gaps, methods, seeds, budget, evaluation, gan, dynamics, spark, airflow,
                retrainOn,
                hyper, report, timeouts, dataRoot);
    }

    private static YamlNode require(Map<String, YamlNode> m, String key, YamlNode parent) {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) {
            throw parent.error("missing '" + key + "'");
        }
        return n;
    }

    private static List<MethodSpec> methods(YamlNode node) {
        List<MethodSpec> out = new ArrayList<>();
        for (YamlNode n : node.list(true)) {
            MethodSpec spec;
            try {
                spec = MethodSpec.parse(n.string());
            } catch (IllegalArgumentException e) {
                throw n.error(e.getMessage());
            }
            if (out.contains(spec)) {
                throw n.error("method '" + spec.name() + "' listed twice");
            }
            out.add(spec);
        }
        if (out.isEmpty()) {
            throw node.error("expected at least one method");
        }
        return out;
    }

    private static List<GapSpec> gaps(YamlNode node) {
        List<GapSpec> out = new ArrayList<>();
        for (YamlNode n : node.list(true)) {
            GapSpec gap;
            try {
                gap = GapSpec.parse(n.string());
            } catch (IllegalArgumentException e) {
                throw n.error(e.getMessage());
            }
            if (out.contains(gap)) {
                throw n.error("gap '" + gap + "' listed twice");
            }
            out.add(gap);
        }
        return out;
    }

    private static List<Long> seeds(YamlNode node) {
        List<Long> out = new ArrayList<>();
        if (node.isScalar()) {
            long n = node.longAtLeast(1);
            for (long i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        for (YamlNode s : node.list()) {
            long seed = s.longAtLeast(0);
            if (out.contains(seed)) {
                throw s.error("seed " + seed + " listed twice");
            }
            out.add(seed);
        }
        if (out.isEmpty()) {
            throw node.error("expected a seed count (e.g. 5) or a non-empty list of seeds");
        }
        return out;
    }

    private static Budget budget(YamlNode node) {
        Map<String, YamlNode> m = optionalMap(node, Set.of("gradient_steps", "steps_per_epoch", "sim_steps_per_epoch",
                "eval_every", "snapshot_every"));
        long steps = m.containsKey("gradient_steps") ? m.get("gradient_steps").longAtLeast(1) : 500_000;
        long perEpoch = m.containsKey("steps_per_epoch") ? m.get("steps_per_epoch").longAtLeast(1) : 1000;
        long sim = m.containsKey("sim_steps_per_epoch") ? m.get("sim_steps_per_epoch").longAtLeast(0) : 1000;
        long evalEvery = m.containsKey("eval_every") ? m.get("eval_every").longAtLeast(1) : 1000;
        long snapshot = m.containsKey("snapshot_every") ? m.get("snapshot_every").longAtLeast(1) : evalEvery;
        return new Budget(steps, perEpoch, sim, evalEvery, snapshot);
    }

    /**
     * The evaluation protocol. A sweep with pick-place evaluates on its 5 × 5 grid of block positions: 25 episodes
     * per evaluation point by default, and any other count must be a multiple of 25 (each grid position equally
     * often).
     */
    private static EvalProtocol evaluation(YamlNode node, boolean pickPlace) {
        Map<String, YamlNode> m = optionalMap(node, Set.of("episodes", "last_k", "score", "max_episode_steps"));
        int episodes = m.containsKey("episodes") ? (int) m.get("episodes").longAtLeast(1) : pickPlace ? PICK_PLACE_GRID : 10;
        if (pickPlace && episodes % PICK_PLACE_GRID != 0) {
            throw m.get("episodes").error("pick-place is evaluated on its 5 x 5 grid of block positions, so episodes"
                    + " must be a multiple of " + PICK_PLACE_GRID + " (got " + episodes + ")");
        }
        int lastK = m.containsKey("last_k") ? (int) m.get("last_k").longAtLeast(1) : 10;
        String score = m.containsKey("score") ? m.get("score").choice(Set.of("normalized", "return")) : "normalized";
        int maxSteps = m.containsKey("max_episode_steps") ? (int) m.get("max_episode_steps").longAtLeast(1) : 1000;
        return new EvalProtocol(episodes, lastK, score, maxSteps);
    }

    private static GanSettings gan(YamlNode node) {
        Map<String, YamlNode> m = optionalMap(node, Set.copyOf(GanSettings.KEYS));
        long steps = m.containsKey("steps") ? m.get("steps").longAtLeast(1) : 20_000;
        int batch = m.containsKey("batch_size") ? (int) m.get("batch_size").longAtLeast(1) : 256;
        List<Integer> hidden = new ArrayList<>();
        if (m.containsKey("hidden")) {
            for (YamlNode h : m.get("hidden").list()) {
                hidden.add((int) h.longAtLeast(1));
            }
        } else {
            hidden.addAll(List.of(256, 256));
        }
        double lr = m.containsKey("learning_rate") ? positive(m.get("learning_rate")) : 2e-4;
        Integer noise = m.containsKey("noise_dim") && !m.get("noise_dim").isNull()
                ? (int) m.get("noise_dim").longAtLeast(1) : null;
        boolean share = m.containsKey("share_across_seeds") && m.get("share_across_seeds").bool();
        return new GanSettings(steps, batch, hidden, lr, noise, share);
    }

    /** COMBO's dynamics-model pre-training: only whether seeds share one model (its settings are dynamics.* keys). */
    private static DynamicsSettings dynamics(YamlNode node) {
        if (node != null && !node.isNull()) {
            for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
                if (!DynamicsSettings.KEYS.contains(e.getKey())) {
                    throw e.getValue().error("unknown key '" + e.getKey() + "'; expected one of " + DynamicsSettings.KEYS
                            + " (the model's own settings are dynamics.* hyperparameters of the method, e.g."
                            + " hyperparameters: {combo: {dynamics.maxEpochs: 100}})");
                }
            }
        }
        Map<String, YamlNode> m = optionalMap(node, Set.copyOf(DynamicsSettings.KEYS));
        boolean share = m.containsKey("share_across_seeds") && m.get("share_across_seeds").bool();
        return new DynamicsSettings(share);
    }

    private static SparkSettings spark(YamlNode node) {
        Map<String, YamlNode> m = optionalMap(node, Set.of("master", "driver_memory", "executor_memory", "executor_cores",
                "num_executors", "cpus_per_train_task", "gpus_per_train_task", "gpus_per_executor", "conf", "train_shards"));
        String master = m.containsKey("master") ? m.get("master").string() : "local[*]";
        String driver = m.containsKey("driver_memory") ? memory(m.get("driver_memory")) : "4g";
        String executor = m.containsKey("executor_memory") ? memory(m.get("executor_memory")) : "4g";
        int cores = m.containsKey("executor_cores") ? (int) m.get("executor_cores").longAtLeast(1) : 1;
        Integer num = m.containsKey("num_executors") && !m.get("num_executors").isNull()
                ? (int) m.get("num_executors").longAtLeast(1) : null;
        int cpus = 1;
        if (m.containsKey("cpus_per_train_task")) {
            cpus = (int) m.get("cpus_per_train_task").longAtLeast(1);
            if (cpus > cores) {
                throw m.get("cpus_per_train_task").error("must be at most executor_cores (" + cores + "): a train task runs"
                        + " inside one executor; raise executor_cores too");
            }
        }
        double gpus = 0;
        if (m.containsKey("gpus_per_train_task")) {
            gpus = m.get("gpus_per_train_task").doubleValue();
            if (gpus < 0) {
                throw m.get("gpus_per_train_task").error("expected a number >= 0 (e.g. 1, or 0.5 to share a GPU)");
            }
        }
        Integer gpusPerExecutor = null;
        if (m.containsKey("gpus_per_executor") && !m.get("gpus_per_executor").isNull()) {
            gpusPerExecutor = (int) m.get("gpus_per_executor").longAtLeast(1);
            if (gpusPerExecutor < gpus) {
                throw m.get("gpus_per_executor").error("must be at least gpus_per_train_task (" + gpus + ")");
            }
        }
        Map<String, String> conf = new LinkedHashMap<>();
        if (m.containsKey("conf") && !m.get("conf").isNull()) {
            m.get("conf").map().forEach((k, v) -> conf.put(k, v.string()));
        }
        Integer shards = m.containsKey("train_shards") && !m.get("train_shards").isNull()
                ? (int) m.get("train_shards").longAtLeast(1) : null;
        return new SparkSettings(master, driver, executor, cores, num, cpus, gpus, gpusPerExecutor, conf, shards);
    }

    private static AirflowSettings airflow(YamlNode node) {
        Map<String, YamlNode> m = optionalMap(node, Set.of("conn_id", "application", "java_class", "job_path", "data_root",
                "sensor_poke_interval_sec", "sensor_timeout_sec", "sensor_operator", "sensor_marker"));
        return new AirflowSettings(
                str(m, "conn_id", "spark_default"),
                str(m, "application", "/opt/oris/oris-cluster.jar"),
                str(m, "java_class", "io.oris.pipeline.cli.OrisCli"),
                str(m, "job_path", null),
                str(m, "data_root", null),
                m.containsKey("sensor_poke_interval_sec") ? m.get("sensor_poke_interval_sec").longAtLeast(1) : 300,
                m.containsKey("sensor_timeout_sec") ? m.get("sensor_timeout_sec").longAtLeast(1) : 6 * 3600,
                str(m, "sensor_operator", "airflow.providers.standard.sensors.filesystem.FileSensor"),
                m.containsKey("sensor_marker") && m.get("sensor_marker").isNull() ? "" : str(m, "sensor_marker", "_READY"));
    }

    private static Map<String, YamlNode> optionalMap(YamlNode node, Set<String> keys) {
        return node == null || node.isNull() ? Map.of() : node.map(keys);
    }

    private static String str(Map<String, YamlNode> m, String key, String dflt) {
        return m.containsKey(key) && !m.get(key).isNull() ? m.get(key).string() : dflt;
    }

    static double positive(YamlNode n) {
        double v = n.doubleValue();
        if (!(v > 0)) {
            throw n.error("expected a number > 0");
        }
        return v;
    }

    private static String memory(YamlNode n) {
        String s = n.string();
        if (!s.matches("[0-9]+[kKmMgGtT]?")) {
            throw n.error("expected a JVM memory size such as 4g or 512m");
        }
        return s;
    }
}
