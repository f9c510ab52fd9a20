package io.oris.orchestration.airflow;

import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.orchestration.StageKind;
import io.oris.orchestration.TestJobs;
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
 * The export's two files describe the same task graph as the local plan: the dag-factory YAML is read
 * back, and the Python file is compiled with {@code python3 -m py_compile} and executed against a minimal
 * stand-in of the airflow package (DAG, SparkSubmitOperator, FileSensor that only record what they get).
 */
class AirflowExportTest {
    private static final String SCHEDULED = """
            nightly:
              default_args:
                owner: robots
                retries: 3
                retry_delay_sec: 120
                execution_timeout: 7200
                start_date: 2026-01-01
              schedule: "0 3 * * *"
              description: retrain on new robot logs
              oris:
                envs: [hopper]
                datasets:
                  - {logs: incoming/robot-logs, env: hopper}
                  - hopper_medium-v2.hdf5
                gaps: [gravity=2.0]
                methods: [sac, oris, cql]
                seeds: 2
                retrain_on: [incoming/robot-logs, incoming/calibration.json]
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
        assertEquals("hdfs:///oris/incoming/robot-logs", sensors.get(0).kwargs().get("filepath"));
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
                assertEquals(86400L, t.kwargs().get("execution_timeout_secs"));
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
    void pythonDagCompilesAndBuildsThePlansGraph(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(python3Available(), "python3 is not on PATH: skipping the py_compile and execution checks");
        for (JobDescriptor job : List.of(TestJobs.load("quickstart.yaml"), TestJobs.load("oris-table1.yaml"), parse(SCHEDULED))) {
            Plan plan = new Planner().plan(job, null);
            Path dir = out.resolve(job.dagId());
            AirflowExporter.Result result = new AirflowExporter().export(plan, ExportOptions.from(job), dir);
            ProcessResult compile = python(dir, "-m", "py_compile", result.python().toString());
            assertEquals(0, compile.code, "py_compile failed for " + result.python() + ":\n" + compile.output);

            JsonNode dag = runWithStubAirflow(out, result.python());
            assertEquals(job.dagId(), dag.get("dag_id").asText());
            assertEquals(job.schedule() == null ? "None" : job.schedule(), dag.get("schedule").asText());
            Map<String, Set<String>> graph = new TreeMap<>();
            Set<String> sensors = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = dag.get("tasks").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<String> up = new TreeSet<>();
                e.getValue().get("upstream").forEach(n -> up.add(n.asText()));
                graph.put(e.getKey(), up);
                if (e.getValue().get("operator").asText().equals("FileSensor")) {
                    sensors.add(e.getKey());
                } else {
                    assertEquals("SparkSubmitOperator", e.getValue().get("operator").asText());
                    JsonNode kw = e.getValue().get("kwargs");
                    StageTask st = plan.task(e.getKey()).orElseThrow();
                    List<String> args = new ArrayList<>();
                    kw.get("application_args").forEach(a -> args.add(a.asText()));
                    assertEquals(st.stageArgs(ExportOptions.from(job).jobPath()), args.subList(0, 6));
                    assertEquals(job.sweep().spark().executorMemory(), kw.get("executor_memory").asText());
                }
            }
            assertEquals(job.sweep().retrainOn().size(), sensors.size());
            assertEquals(planGraph(plan), withoutSensors(graph, sensors), "exported graph of " + job.dagId());
        }
    }

    private record ProcessResult(int code, String output) {
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ProcessResult python(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("python3");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new ProcessResult(-1, "timed out\n" + output);
        }
        return new ProcessResult(p.exitValue(), output);
    }

    /** Executes the DAG file with a recording stand-in for the airflow package and returns what it built. */
    private static JsonNode runWithStubAirflow(Path work, Path dagFile) throws Exception {
        Path stub = work.resolve("stub");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("airflow/__init__.py", """
                _dags = []
                _current = []
                class DAG:
                    def __init__(self, dag_id, **kwargs):
                        self.dag_id = dag_id
                        self.kwargs = kwargs
                        self.tasks = {}
                        _dags.append(self)
                    def __enter__(self):
                        _current.append(self)
                        return self
                    def __exit__(self, *exc):
                        _current.pop()
                class _Operator:
                    def __init__(self, task_id, **kwargs):
                        self.task_id = task_id
                        self.kwargs = kwargs
                        self.upstream = []
                        _current[-1].tasks[task_id] = self
                    def set_upstream(self, others):
                        for o in others:
                            self.upstream.append(o.task_id)
                """);
        files.put("airflow/providers/__init__.py", "");
        files.put("airflow/providers/apache/__init__.py", "");
        files.put("airflow/providers/apache/spark/__init__.py", "");
        files.put("airflow/providers/apache/spark/operators/__init__.py", "");
        files.put("airflow/providers/apache/spark/operators/spark_submit.py",
                "from airflow import _Operator\nclass SparkSubmitOperator(_Operator):\n    pass\n");
        files.put("airflow/providers/standard/__init__.py", "");
        files.put("airflow/providers/standard/sensors/__init__.py", "");
        files.put("airflow/providers/standard/sensors/filesystem.py",
                "from airflow import _Operator\nclass FileSensor(_Operator):\n    pass\n");
        files.put("dump_dag.py", """
                import json, runpy, sys
                import airflow
                runpy.run_path(sys.argv[1])
                dag = airflow._dags[-1]
                out = {"dag_id": dag.dag_id, "schedule": str(dag.kwargs.get("schedule")),
                       "default_args": {k: str(v) for k, v in dag.kwargs["default_args"].items()},
                       "tasks": {t.task_id: {"operator": type(t).__name__, "upstream": t.upstream, "kwargs": t.kwargs}
                                 for t in dag.tasks.values()}}
                print(json.dumps(out, default=str))
                """);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = stub.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        ProcessResult r = python(stub, "dump_dag.py", dagFile.toAbsolutePath().toString());
        assertEquals(0, r.code, "executing " + dagFile + " failed:\n" + r.output);
        return new ObjectMapper().readTree(r.output);
    }
}
