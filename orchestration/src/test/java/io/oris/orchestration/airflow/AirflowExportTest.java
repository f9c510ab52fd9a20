package io.oris.orchestration.airflow;

import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.orchestration.StageKind;
import io.oris.orchestration.TestJobs;
import io.oris.orchestration.descriptor.AirflowTime;
import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import io.oris.orchestration.plan.StageTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The export loads in Airflow 3 with dag-factory 1.x, checked without Airflow: the YAML is read back and every key
 * and value form is checked against what dag-factory 1.x and Airflow 3 accept (no removed {@code *_sec(s)} keys,
 * {@code __type__} timedeltas and dates, unique task ids, existing acyclic dependencies, string {@code conf}); the
 * Python loader is compiled and executed against test doubles of {@code dagfactory}, {@code airflow.sdk.DAG},
 * {@code SparkSubmitOperator} and {@code FileSensor} whose constructors take exactly the real keyword arguments
 * ({@code src/test/resources/airflow-double/}), so an argument Airflow does not know fails the test.
 */
class AirflowExportTest {
    private static final String SCHEDULED = """
            nightly:
              default_args:
                owner: robots
                retries: 3
                retry_delay: {__type__: datetime.timedelta, minutes: 2}
                execution_timeout: {__type__: datetime.timedelta, hours: 2}
                start_date: 2026-01-01
              schedule: "0 3 * * *"
              description: retrain on new robot logs
              dagrun_timeout: {__type__: datetime.timedelta, days: 4}
              tags: [oris, robots]
              oris:
                envs: [hopper]
                datasets:
                  - {logs: incoming/robot-logs, env: hopper}
                  - hopper_medium-v2.hdf5
                gaps: [gravity=2.0]
                methods: [sac, oris, cql]
                seeds: 2
                retrain_on: [incoming/robot-logs, incoming/calibration]
                spark:
                  executor_cores: 4
                  executor_memory: 16g
                  num_executors: 3
                  gpus_per_train_task: 0.5
                  conf: {spark.sql.shuffle.partitions: "64"}
                stage_timeouts_sec: {train: 86400}
                airflow:
                  application: /jars/oris-cluster.jar
                  data_root: hdfs:///oris
            """;

    private static Map<String, Set<String>> planGraph(Plan plan) {
        Map<String, Set<String>> g = new TreeMap<>();
        for (StageTask t : plan.tasks()) {
            g.put(t.id(), new TreeSet<>(t.dependencies()));
        }
        return g;
    }

    /** The exported graph without its sensors, which have no local counterpart. */
    private static Map<String, Set<String>> withoutSensors(Map<String, Set<String>> g, Set<String> sensors) {
        Map<String, Set<String>> out = new TreeMap<>();
        g.forEach((id, deps) -> {
            if (!sensors.contains(id)) {
                Set<String> d = new TreeSet<>(deps);
                d.removeAll(sensors);
                out.put(id, d);
            }
        });
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void dagFactoryYamlHasThePlansGraphAndLoadsBackAsAJob(@TempDir Path out) throws IOException {
        Plan plan = new Planner().plan(TestJobs.load("quickstart.yaml"), null);
        AirflowExporter.Result result = new AirflowExporter().export(plan, ExportOptions.from(plan.job()), out);
        assertEquals(out.resolve("quickstart.yaml"), result.yaml());

        Map<String, Object> doc = new Yaml().load(Files.readString(result.yaml()));
        Map<String, Object> dag = (Map<String, Object>) doc.get("quickstart");
        assertTrue(dag.containsKey("default_args") && dag.containsKey("schedule") && dag.containsKey("oris"));
        Map<String, Set<String>> exported = new TreeMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) dag.get("tasks")) {
            exported.put((String) t.get("task_id"), new TreeSet<>((List<String>) t.get("dependencies")));
            assertEquals(AirflowTasks.SPARK_SUBMIT_OPERATOR, t.get("operator"));
            List<String> args = (List<String>) t.get("application_args");
            StageTask task = plan.task((String) t.get("task_id")).orElseThrow();
            assertEquals(task.stageArgs("/opt/oris/jobs/quickstart.yaml"), args);
            assertEquals("io.oris.pipeline.cli.OrisCli", t.get("java_class"));
            assertEquals("spark_default", t.get("conn_id"));
        }
        assertEquals(planGraph(plan), exported);

        // the export is itself a job file: its tasks are checked against the sweep on load
        JobDescriptor again = JobDescriptor.load(result.yaml());
        assertTrue(again.declaresTasks());
        Plan replanned = new Planner().plan(again, null);
        assertEquals(plan.tasks(), replanned.tasks());
        assertEquals(plan.runs(), replanned.runs());
    }

    @Test
    void sensorsScheduleAndGpuConf(@TempDir Path out) {
        Plan plan = new Planner().plan(parse(SCHEDULED), null);
        List<AirflowTask> tasks = AirflowTasks.of(plan, ExportOptions.from(plan.job()));
        List<AirflowTask> sensors = tasks.stream().filter(AirflowTask::isSensor).toList();
        assertEquals(List.of("wait-for-inputs-1", "wait-for-inputs-2"), sensors.stream().map(AirflowTask::taskId).toList());
        assertEquals("hdfs:///oris/incoming/robot-logs/_READY", sensors.get(0).kwargs().get("filepath"),
                "the sensor waits for the marker the log-landing step writes last");
        assertEquals("reschedule", sensors.get(0).kwargs().get("mode"));
        for (AirflowTask t : tasks) {
            if (t.isSensor()) {
                continue;
            }
            StageTask st = plan.task(t.taskId()).orElseThrow();
            if (st.dependencies().isEmpty()) {
                assertEquals(List.of("wait-for-inputs-1", "wait-for-inputs-2"), t.dependencies(), t.taskId());
            } else {
                assertEquals(st.dependencies(), t.dependencies());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> conf = (Map<String, Object>) t.kwargs().get("conf");
            assertEquals("64", conf.get("spark.sql.shuffle.partitions"));
            if (st.kind() == StageKind.TRAIN) {
                assertEquals("0.5", conf.get("spark.task.resource.gpu.amount"));
                assertEquals("1", conf.get("spark.executor.resource.gpu.amount"), "default: the task amount rounded up");
                assertEquals(Map.of("__type__", "datetime.timedelta", "seconds", 86400L), t.kwargs().get("execution_timeout"));
            } else {
                assertFalse(conf.containsKey("spark.task.resource.gpu.amount"), t.taskId());
            }
            @SuppressWarnings("unchecked")
            List<String> args = (List<String>) t.kwargs().get("application_args");
            assertEquals(List.of("--data-root", "hdfs:///oris"), args.subList(args.size() - 2, args.size()));
            assertEquals(3, t.kwargs().get("num_executors"));
        }
    }

    @Test
    void gpusPerExecutorCanBeSet() {
        Plan plan = new Planner().plan(parse(SCHEDULED.replace("gpus_per_train_task: 0.5", "gpus_per_train_task: 0.5\n      gpus_per_executor: 4")), null);
        AirflowTask train = AirflowTasks.of(plan, ExportOptions.from(plan.job())).stream()
                .filter(t -> t.taskId().startsWith("train-")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> conf = (Map<String, Object>) train.kwargs().get("conf");
        assertEquals("4", conf.get("spark.executor.resource.gpu.amount"));
        assertEquals("0.5", conf.get("spark.task.resource.gpu.amount"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void comboModelsArePretrainedInTasksOfTheirOwn(@TempDir Path out) throws IOException {
        Plan plan = new Planner().plan(TestJobs.load("oris-table1.yaml"), null);
        AirflowExporter.Result result = new AirflowExporter().export(plan, ExportOptions.from(plan.job()), out);
        Map<String, Object> dag = (Map<String, Object>) ((Map<String, Object>) new Yaml()
                .load(Files.readString(result.yaml()))).get(plan.job().dagId());
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) dag.get("tasks")) {
            byId.put((String) t.get("task_id"), t);
        }
        List<StageTask> pretrain = plan.tasks(io.oris.orchestration.StageKind.PRETRAIN_DYNAMICS);
        assertTrue(!pretrain.isEmpty(), "oris-table1 runs combo");
        for (StageTask t : pretrain) {
            Map<String, Object> exported = byId.get(t.id());
            assertEquals(List.of("stage", "pretrain-dynamics", "--job", "/opt/oris/jobs/oris-table1.yaml", "--shard",
                    t.shard().toString()), exported.get("application_args"));
            String train = "train-" + t.datasetIds().get(0);
            assertTrue(((List<String>) byId.get(train).get("dependencies")).contains(t.id()), train);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void yamlUsesOnlyDagFactory1AndAirflow3Forms(@TempDir Path out) throws IOException {
        for (JobDescriptor job : List.of(TestJobs.load("quickstart.yaml"), TestJobs.load("oris-table1.yaml"), parse(SCHEDULED))) {
            Plan plan = new Planner().plan(job, null);
            AirflowExporter.Result result = new AirflowExporter().export(plan, ExportOptions.from(job), out.resolve(job.dagId()));
            Map<String, Object> doc = new Yaml().load(Files.readString(result.yaml()));
            assertEquals(Set.of(job.dagId()), doc.keySet(), "one DAG per file, keyed by its id");
            Map<String, Object> dag = (Map<String, Object>) doc.get(job.dagId());
            // dag-factory drops the oris: section (an unknown DAG key); its own *_sec keys are oris's, not Airflow's
            Map<String, Object> airflowPart = new LinkedHashMap<>(dag);
            airflowPart.remove("oris");
            checkKeys(airflowPart, job.dagId());
            assertTrue(dag.containsKey("schedule") && !dag.containsKey("schedule_interval"));
            Object schedule = dag.get("schedule");
            assertTrue(schedule instanceof String, "schedule is a string (\"None\", cron or preset): " + schedule);
            Map<String, Object> args = (Map<String, Object>) dag.get("default_args");
            for (String d : List.of("retry_delay", "execution_timeout")) {
                if (args.containsKey(d)) {
                    assertTrue(AirflowTime.isTimedelta(args.get(d)), d + " must be a timedelta map: " + args.get(d));
                }
            }
            if (dag.containsKey("dagrun_timeout")) {
                assertTrue(AirflowTime.isTimedelta(dag.get("dagrun_timeout")), "dagrun_timeout: " + dag.get("dagrun_timeout"));
            }
            Object start = dag.containsKey("start_date") ? dag.get("start_date") : args.get("start_date");
            assertTrue(start instanceof String && ((String) start).matches("\\d{4}-\\d{2}-\\d{2}.*")
                    || start instanceof java.util.Date
                    || start instanceof Map<?, ?> m && "datetime.datetime".equals(m.get("__type__")), "start_date: " + start);

            List<Map<String, Object>> tasks = (List<Map<String, Object>>) dag.get("tasks");
            Map<String, List<String>> deps = new LinkedHashMap<>();
            for (Map<String, Object> t : tasks) {
                String id = (String) t.get("task_id");
                assertTrue(deps.put(id, (List<String>) t.get("dependencies")) == null, "task id " + id + " is unique");
                String op = (String) t.get("operator");
                assertTrue(op.startsWith("airflow.providers.") && op.chars().filter(c -> c == '.').count() >= 4,
                        "operator by full import path: " + op);
                if (t.containsKey("execution_timeout")) {
                    assertTrue(AirflowTime.isTimedelta(t.get("execution_timeout")), id + ": " + t.get("execution_timeout"));
                }
                if (t.containsKey("conf")) {
                    ((Map<String, Object>) t.get("conf")).forEach((k, v) ->
                            assertTrue(v instanceof String, id + ": conf " + k + " must be a string, found " + v));
                    ((List<Object>) t.get("application_args")).forEach(a ->
                            assertTrue(a instanceof String, id + ": application argument " + a + " must be a string"));
                }
            }
            deps.forEach((id, d) -> d.forEach(x -> assertTrue(deps.containsKey(x), id + " depends on unknown " + x)));
            assertAcyclic(deps);

            String py = Files.readString(result.python());
            assertTrue(py.contains("airflow") && py.toLowerCase(java.util.Locale.ROOT).contains("dag"),
                    "Airflow's safe mode only parses files mentioning airflow and dag");
            assertTrue(py.contains("load_yaml_dags(") && !py.contains("DAG(") && !py.contains("dag_id"),
                    "the .py loads the YAML and defines no DAG of its own:\n" + py);
        }
    }

    /** No key anywhere in the DAG's Airflow part that dag-factory 1.0 removed. */
    @SuppressWarnings("unchecked")
    private static void checkKeys(Object node, String path) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                assertFalse(key.endsWith("_sec") || key.endsWith("_secs") || key.equals("schedule_interval"),
                        path + "." + key + " is a key dag-factory 1.0 removed");
                checkKeys(v, path + "." + key);
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                checkKeys(l.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void assertAcyclic(Map<String, List<String>> deps) {
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String id : deps.keySet()) {
            visit(id, deps, state, new ArrayList<>());
        }
    }

    private static void visit(String id, Map<String, List<String>> deps, Map<String, Integer> state, List<String> stack) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        stack.add(id);
        assertTrue(s == null, "dependency cycle: " + stack);
        state.put(id, 1);
        for (String d : deps.getOrDefault(id, List.of())) {
            visit(d, deps, state, stack);
        }
        state.put(id, 2);
        stack.remove(stack.size() - 1);
    }

    @Test
    void loaderBuildsThePlansGraphWithAirflow3Signatures(@TempDir Path out) throws Exception {
        String why = pythonWithYamlMissing();
        Assumptions.assumeTrue(why == null, why + ": skipping the py_compile and the load against the Airflow doubles");
        for (JobDescriptor job : List.of(TestJobs.load("quickstart.yaml"), TestJobs.load("oris-table1.yaml"), parse(SCHEDULED))) {
            Plan plan = new Planner().plan(job, null);
            Path dir = out.resolve(job.dagId());
            AirflowExporter.Result result = new AirflowExporter().export(plan, ExportOptions.from(job), dir);
            ProcessResult compile = python(dir, "-m", "py_compile", result.python().toString());
            assertEquals(0, compile.code, "py_compile failed for " + result.python() + ":\n" + compile.output);

            JsonNode dags = loadWithDoubles(out, result.python());
            assertEquals(1, dags.size(), "the loader builds exactly one DAG: " + dags);
            JsonNode dag = dags.get(0);
            assertEquals(job.dagId(), dag.get("dag_id").asText());
            List<String> dropped = new ArrayList<>();
            dag.get("dropped_keys").forEach(k -> dropped.add(k.asText()));
            assertEquals(List.of("oris"), dropped, "dag-factory drops only the oris: section");
            if (job.schedule() == null) {
                assertTrue(dag.get("schedule").isNull(), "schedule None: " + dag.get("schedule"));
            } else {
                assertEquals(job.schedule(), dag.get("schedule").asText());
            }
            assertEquals((double) job.defaultArgs().retryDelaySec(),
                    dag.get("default_args").path("retry_delay").path("timedelta_seconds").asDouble(300));
            Map<String, Set<String>> graph = new TreeMap<>();
            Set<String> sensors = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = dag.get("tasks").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<String> up = new TreeSet<>();
                e.getValue().get("upstream").forEach(n -> up.add(n.asText()));
                graph.put(e.getKey(), up);
                JsonNode attrs = e.getValue().get("attrs");
                assertEquals(job.defaultArgs().retries(), attrs.get("retries").asInt(), "default_args reach " + e.getKey());
                if (e.getValue().get("class").asText().equals("FileSensor")) {
                    sensors.add(e.getKey());
                    assertEquals("reschedule", attrs.get("mode").asText());
                    assertTrue(attrs.get("filepath").asText().endsWith("/_READY"), attrs.toString());
                } else {
                    assertEquals("SparkSubmitOperator", e.getValue().get("class").asText());
                    StageTask st = plan.task(e.getKey()).orElseThrow();
                    List<String> args = new ArrayList<>();
                    attrs.get("application_args").forEach(a -> args.add(a.asText()));
                    assertEquals(st.stageArgs(ExportOptions.from(job).jobPath()), args.subList(0, 6));
                    assertEquals(job.sweep().spark().executorMemory(), attrs.get("executor_memory").asText());
                    Long timeout = job.sweep().stageTimeoutsSec().get(st.kind().cliName());
                    if (timeout == null) {
                        timeout = job.defaultArgs().executionTimeoutSec();
                    }
                    if (timeout != null) {
                        assertEquals(timeout.doubleValue(), attrs.get("execution_timeout").get("timedelta_seconds").asDouble(),
                                e.getKey());
                    }
                }
            }
            assertEquals(job.sweep().retrainOn().size(), sensors.size());
            assertEquals(planGraph(plan), withoutSensors(graph, sensors), "exported graph of " + job.dagId());
        }
    }

    @Test
    void theDoublesRejectWhatAirflow3Rejects(@TempDir Path out) throws Exception {
        String why = pythonWithYamlMissing();
        Assumptions.assumeTrue(why == null, why + ": skipping the checks of the Airflow doubles");
        Plan plan = new Planner().plan(parse(SCHEDULED), null);
        Path dir = out.resolve("nightly");
        AirflowExporter.Result result = new AirflowExporter().export(plan, ExportOptions.from(plan.job()), dir);
        String yaml = Files.readString(result.yaml());
        copyDoubles(out.resolve("double"));
        Map<String, String> breakages = new LinkedHashMap<>();
        breakages.put("an unknown operator argument", yaml.replace("    conn_id: spark_default\n",
                "    conn_id: spark_default\n    retry_delay_sec: 5\n"));
        breakages.put("an integer execution_timeout", yaml.replaceFirst(
                "execution_timeout:\n(\\s+)__type__: datetime.timedelta\n\\s+seconds: 86400", "execution_timeout: 86400"));
        breakages.put("a number in conf", yaml.replace("spark.sql.shuffle.partitions: '64'", "spark.sql.shuffle.partitions: 64"));
        breakages.put("an unknown DAG argument type", yaml.replaceFirst("  dagrun_timeout:\n    __type__: datetime.timedelta\n"
                + "    seconds: 345600", "  dagrun_timeout: 345600"));
        for (Map.Entry<String, String> b : breakages.entrySet()) {
            assertFalse(b.getValue().equals(yaml), "the breakage '" + b.getKey() + "' changed nothing in:\n" + yaml);
            Files.writeString(result.yaml(), b.getValue());
            ProcessResult r = python(out.resolve("double"), "dump_dags.py", result.python().toAbsolutePath().toString());
            assertTrue(r.code != 0 && r.output.contains("Error"), b.getKey() + " must fail the load:\n" + r.output);
        }
    }

    private record ProcessResult(int code, String output) {
    }

    private static final String PYTHON = "/usr/bin/python3";

    /** Null when Debian's python3 with PyYAML (python3-yaml, installed by the launcher) is there, else why not. */
    private static String pythonWithYamlMissing() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import yaml").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? null
                    : PYTHON + " cannot import yaml (package python3-yaml)";
        } catch (IOException e) {
            return PYTHON + " cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static ProcessResult python(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new ProcessResult(-1, "timed out\n" + output);
        }
        return new ProcessResult(p.exitValue(), output);
    }

    /** Copies the doubles next to the export and runs the loader against them; returns the DAGs it built. */
    private static JsonNode loadWithDoubles(Path work, Path dagFile) throws Exception {
        Path doubles = work.resolve("double");
        copyDoubles(doubles);
        ProcessResult r = python(doubles, "dump_dags.py", dagFile.toAbsolutePath().toString());
        assertEquals(0, r.code, "loading " + dagFile + " against the Airflow 3 doubles failed:\n" + r.output);
        return new ObjectMapper().readTree(r.output);
    }

    private static final List<String> DOUBLE_FILES = List.of("dump_dags.py", "dagfactory/__init__.py",
            "airflow/__init__.py", "airflow/sdk/__init__.py", "airflow/providers/__init__.py",
            "airflow/providers/apache/__init__.py", "airflow/providers/apache/spark/__init__.py",
            "airflow/providers/apache/spark/operators/__init__.py",
            "airflow/providers/apache/spark/operators/spark_submit.py", "airflow/providers/standard/__init__.py",
            "airflow/providers/standard/sensors/__init__.py", "airflow/providers/standard/sensors/filesystem.py");

    private static void copyDoubles(Path to) throws IOException {
        for (String f : DOUBLE_FILES) {
            Path target = to.resolve(f);
            Files.createDirectories(target.getParent());
            try (var in = AirflowExportTest.class.getResourceAsStream("/airflow-double/" + f)) {
                assertTrue(in != null, "test resource airflow-double/" + f + " is missing");
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
