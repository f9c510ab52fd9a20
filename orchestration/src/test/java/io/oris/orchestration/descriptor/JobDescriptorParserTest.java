package io.oris.orchestration.descriptor;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.TestJobs;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobDescriptorParserTest {

    private static final String BASE = """
                envs: [hopper]
                datasets: [hopper_medium_replay-v2.hdf5]
                gaps: [gravity=2.0]
                methods: [sac, h2o, oris]
                seeds: 2
            """;

    @Test
    void readsQuickstartWithItsSettingsAndDefaults() {
        JobDescriptor job = TestJobs.load("quickstart.yaml");
        assertEquals("quickstart", job.dagId());
        assertNull(job.schedule());
        assertEquals(1, job.defaultArgs().retries());
        assertEquals(300, job.defaultArgs().retryDelaySec(), "retry delay defaults to Airflow's 300 s");
        Sweep s = job.sweep();
        assertEquals(List.of("hopper"), s.envs());
        assertEquals(1, s.datasets().size());
        DatasetSpec.Shipped d = (DatasetSpec.Shipped) s.datasets().get(0);
        assertEquals("hopper-medium-replay-oris", d.id());
        assertEquals("hopper", d.env(), "a shipped dataset's env comes from its manifest");
        assertEquals(List.of("gravity=2.0"), s.gaps().stream().map(GapSpec::canonical).toList());
        assertEquals(List.of("sac", "h2o", "oris"), s.methods().stream().map(MethodSpec::name).toList());
        assertEquals(List.of(0L, 1L), s.seeds());
        assertEquals(15000, s.budget().gradientSteps());
        assertEquals(5000, s.budget().evalEvery());
        assertEquals(5000, s.budget().snapshotEvery(), "snapshot interval defaults to the evaluation interval");
        assertEquals("local[*]", s.spark().master());
        assertEquals(List.of(256, 256), s.gan().hidden());
        assertEquals(5000, s.gan().steps());
        assertTrue(s.hasOris());
        assertTrue(!job.declaresTasks());
    }

    @Test
    void expandsD4rlLevelsOverEnvsAndSubsetsOverParents() {
        Sweep s = parse(job("""
                    envs: [hopper, walker2d]
                    datasets:
                      - d4rl: [medium, medium-replay]
                      - of: hopper_medium-v2.hdf5
                        fraction: [0.25, 0.05]
                      - {collect: random, size: 1000, envs: [walker2d]}
                      - {logs: robot-logs/, env: hopper, format: jsonl}
                    methods: [cql]
                    seeds: [3, 7]
                """)).sweep();
        assertEquals(List.of("hopper-medium-v2", "hopper-medium-replay-v2", "walker2d-medium-v2", "walker2d-medium-replay-v2",
                        "hopper-medium-v2-p25", "hopper-medium-v2-p5", "walker2d-collect-random-n1000", "hopper-logs-robot-logs"),
                s.datasets().stream().map(DatasetSpec::id).toList());
        assertEquals("hopper_medium_replay-v2.hdf5", ((DatasetSpec.D4rl) s.datasets().get(1)).fileName());
        assertEquals(List.of(3L, 7L), s.seeds());
        assertTrue(s.gaps().isEmpty(), "offline-only sweeps need no gaps");
    }

    @Test
    void methodVariantsAreCanonical() {
        Sweep s = parse(job(BASE.replace("[sac, h2o, oris]", "[oris-h2o_reweight-no_restart, h2o-dr-a, darc+]"))).sweep();
        assertEquals(List.of("oris-no_restart-h2o_reweight", "h2o-a-dr", "darc+"),
                s.methods().stream().map(MethodSpec::name).toList());
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> parse("testjob:\n  oris:\n    envs: [hopper\n    methods: [sac]\n"));
        assertTrue(e.getMessage().startsWith("test-job.yaml:"), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void unknownKeyNamesPathLineAndAllowedKeys() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> parse(job(BASE + "    budgets:\n      gradient_steps: 10\n")));
        assertEquals("testjob.oris.budgets", e.keyPath());
        assertEquals(12, e.line());
        assertTrue(e.getMessage().contains("unknown key 'budgets'"), e.getMessage());
        assertTrue(e.getMessage().contains("budget"), e.getMessage());
        assertTrue(e.getMessage().startsWith("test-job.yaml:12: testjob.oris.budgets: "), e.getMessage());
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("seeds: 2", "seeds: five"))));
        assertEquals("testjob.oris.seeds", e.keyPath());
        assertEquals(11, e.line());
        assertTrue(e.getMessage().contains("expected an integer") && e.getMessage().contains("'five'"), e.getMessage());

        DescriptorException budget = assertThrows(DescriptorException.class,
                () -> parse(job(BASE + "    budget:\n      gradient_steps: [1]\n")));
        assertEquals("testjob.oris.budget.gradient_steps", budget.keyPath());
        assertTrue(budget.getMessage().contains("expected an integer, found a list"), budget.getMessage());
    }

    @Test
    void badMethodGapAndDatasetEntriesPointAtTheListElement() {
        DescriptorException m = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("[sac, h2o, oris]", "[sac, h2o-x]"))));
        assertEquals("testjob.oris.methods[1]", m.keyPath());
        assertTrue(m.getMessage().contains("unknown variant flag 'x'") && m.getMessage().contains("[a, dr, reg, v]"), m.getMessage());

        DescriptorException g = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("[gravity=2.0]", "[gravity=2.0, wind=3]"))));
        assertEquals("testjob.oris.gaps[1]", g.keyPath());
        assertTrue(g.getMessage().contains("KIND=NUMBER"), g.getMessage());

        DescriptorException d = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("hopper_medium_replay-v2.hdf5", "hopper-medium-replay.h5"))));
        assertEquals("testjob.oris.datasets[0]", d.keyPath());
        assertTrue(d.getMessage().contains("{env}_{level}-v2.hdf5"), d.getMessage());

        DescriptorException env = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("hopper_medium_replay-v2.hdf5", "walker2d_medium-v2.hdf5"))));
        assertTrue(env.getMessage().contains("not in envs [hopper]"), env.getMessage());
    }

    @Test
    void datasetEntriesSayWhatTheyMiss() {
        DescriptorException size = assertThrows(DescriptorException.class, () -> parse(job("""
                    envs: [hopper]
                    datasets: [{collect: medium}]
                    methods: [cql]
                    seeds: 1
                """)));
        assertTrue(size.getMessage().contains("needs 'size'"), size.getMessage());
        assertEquals("testjob.oris.datasets[0]", size.keyPath());
        DescriptorException logs = assertThrows(DescriptorException.class, () -> parse(job("""
                    envs: [hopper, walker2d]
                    datasets: [{logs: robot-logs}]
                    methods: [cql]
                    seeds: 1
                """)));
        assertTrue(logs.getMessage().contains("robot logs need 'env'"), logs.getMessage());
        DescriptorException fraction = assertThrows(DescriptorException.class, () -> parse(job("""
                    envs: [hopper]
                    datasets: [{of: hopper_medium-v2.hdf5, fraction: 1.0}]
                    methods: [cql]
                    seeds: 1
                """)));
        assertTrue(fraction.getMessage().contains("strictly between 0 and 1"), fraction.getMessage());
        assertEquals("testjob.oris.datasets[0].fraction", fraction.keyPath());
        DescriptorException levels = assertThrows(DescriptorException.class, () -> parse(job("""
                    datasets: [{d4rl: medium}]
                    methods: [cql]
                    seeds: 1
                """)));
        assertTrue(levels.getMessage().contains("'envs' is not given"), levels.getMessage());
    }

    @Test
    void minariDatasetsAreNamedByTheirIdAndKeepTheirIdentity() {
        JobDescriptor job = parse(job("""
                    datasets: [{minari: mujoco/hopper/medium-v0}, {minari: mujoco/walker2d/expert-v0, env: walker2d}]
                    methods: [cql]
                    seeds: 1
                """));
        DatasetSpec.Minari hopper = (DatasetSpec.Minari) job.sweep().datasets().get(0);
        assertEquals("hopper", hopper.env(), "the env from the id's second-to-last part");
        assertEquals("minari-mujoco-hopper-medium-v0", hopper.id());
        assertEquals("mujoco/hopper/medium-v0", hopper.config().get("dataset_id"));
        assertEquals("walker2d", job.sweep().datasets().get(1).env());

        DescriptorException badId = assertThrows(DescriptorException.class, () -> parse(job("""
                    datasets: [{minari: hopper-medium}]
                    methods: [cql]
                    seeds: 1
                """)));
        assertTrue(badId.getMessage().contains("not a Minari dataset id; expected e.g. mujoco/hopper/medium-v0"),
                badId.getMessage());
        DescriptorException env = assertThrows(DescriptorException.class, () -> parse(job("""
                    datasets: [{minari: mujoco/ant/medium-v0}]
                    methods: [cql]
                    seeds: 1
                """)));
        assertTrue(env.getMessage().contains("cannot tell the env") && env.getMessage().contains("add env:"), env.getMessage());
    }

    @Test
    void sweepsMustHaveWhatTheirMethodsNeed() {
        DescriptorException noGaps = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("    gaps: [gravity=2.0]\n", ""))));
        assertTrue(noGaps.getMessage().contains("'gaps' is missing"), noGaps.getMessage());
        DescriptorException noData = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("    datasets: [hopper_medium_replay-v2.hdf5]\n", ""))));
        assertTrue(noData.getMessage().contains("'datasets' is missing"), noData.getMessage());
        DescriptorException noSeeds = assertThrows(DescriptorException.class,
                () -> parse(job(BASE.replace("    seeds: 2\n", ""))));
        assertTrue(noSeeds.getMessage().contains("missing 'seeds'"), noSeeds.getMessage());
    }

    @Test
    void dagFactoryPartIsChecked() {
        DescriptorException two = assertThrows(DescriptorException.class,
                () -> parse(job(BASE) + "other:\n  schedule: null\n"));
        assertTrue(two.getMessage().contains("exactly one top-level key"), two.getMessage());

        DescriptorException interval = assertThrows(DescriptorException.class,
                () -> parse(job(BASE).replace("schedule: null", "schedule_interval: '@daily'")));
        assertTrue(interval.getMessage().contains("removed in dag-factory 1.0"), interval.getMessage());
        assertEquals(5, interval.line());

        DescriptorException cron = assertThrows(DescriptorException.class,
                () -> parse(job(BASE).replace("schedule: null", "schedule: every day")));
        assertTrue(cron.getMessage().contains("cron expression"), cron.getMessage());

        DescriptorException delay = assertThrows(DescriptorException.class,
                () -> parse(job(BASE).replace("retry_delay: 0", "retry_delay_sec: 0")));
        assertTrue(delay.getMessage().contains("'retry_delay_sec' was removed in dag-factory 1.0; write 'retry_delay: "
                + "{__type__: datetime.timedelta, seconds: N}'"), delay.getMessage());
        DescriptorException timeoutAsNumber = assertThrows(DescriptorException.class,
                () -> parse(job(BASE).replace("retry_delay: 0", "execution_timeout: 7200")));
        assertTrue(timeoutAsNumber.getMessage().contains("testjob.default_args.execution_timeout: expected a {__type__: "
                + "datetime.timedelta"), timeoutAsNumber.getMessage());
        DescriptorException dagrunSec = assertThrows(DescriptorException.class,
                () -> parse(job(BASE).replace("schedule: null", "schedule: null\n  dagrun_timeout_sec: 60")));
        assertTrue(dagrunSec.getMessage().contains("'dagrun_timeout_sec' was removed"), dagrunSec.getMessage());
        DescriptorException unit = assertThrows(DescriptorException.class, () -> parse(job(BASE).replace(
                "retry_delay: 0", "retry_delay: {__type__: datetime.timedelta, secs: 5}")));
        assertTrue(unit.getMessage().contains("unknown datetime.timedelta argument 'secs'"), unit.getMessage());
        DescriptorException date = assertThrows(DescriptorException.class,
                () -> parse(job(BASE).replace("schedule: null", "schedule: null\n  start_date: next monday")));
        assertTrue(date.getMessage().contains("testjob.start_date: expected an ISO date"), date.getMessage());

        JobDescriptor timed = parse(job(BASE).replace("retry_delay: 0", "retry_delay: {__type__: datetime.timedelta, "
                + "minutes: 2, seconds: 30}\n    execution_timeout: {__type__: datetime.timedelta, hours: 2}")
                .replace("schedule: null", "schedule: null\n  dagrun_timeout: {__type__: datetime.timedelta, days: 1}\n"
                        + "  start_date: {__type__: datetime.datetime, year: 2026, month: 1, day: 1}"));
        assertEquals(150, timed.defaultArgs().retryDelaySec());
        assertEquals(7200L, timed.defaultArgs().executionTimeoutSec());
        assertEquals(java.util.Map.of("__type__", "datetime.timedelta", "seconds", 86400L), timed.dagParams().get("dagrun_timeout"));
        assertEquals(java.util.Map.of("__type__", "datetime.timedelta", "seconds", 7200L),
                timed.defaultArgs().entries().get("execution_timeout"));

        DescriptorException dup = assertThrows(DescriptorException.class,
                () -> parse(job(BASE + "    seeds: 3\n")));
        assertTrue(dup.getMessage().contains("duplicate key 'seeds'"), dup.getMessage());

        assertEquals("0 3 * * *", parse(job(BASE).replace("schedule: null", "schedule: '0 3 * * *'")).schedule());
    }

    @Test
    void sparkResourcesBecomeExecutorConfAndTrainTaskAmounts() {
        SparkSettings s = parse(job(BASE + """
                    spark:
                      master: spark://10.0.0.1:7077
                      executor_memory: 6g
                      executor_cores: 4
                      num_executors: 3
                      cpus_per_train_task: 2
                      gpus_per_train_task: 0.5
                """)).sweep().spark();
        assertEquals(2, s.cpusPerTrainTask());
        assertEquals(java.util.Map.of("spark.executor.memory", "6g", "spark.executor.cores", "4",
                "spark.executor.instances", "3", "spark.cores.max", "12", "spark.executor.resource.gpu.amount", "1"),
                s.executorConf());
        SparkSettings defaults = parse(job(BASE)).sweep().spark();
        assertEquals(1, defaults.cpusPerTrainTask());
        assertEquals(java.util.Map.of("spark.executor.memory", "4g", "spark.executor.cores", "1"), defaults.executorConf());

        DescriptorException tooMany = assertThrows(DescriptorException.class,
                () -> parse(job(BASE + "    spark: {executor_cores: 2, cpus_per_train_task: 3}\n")));
        assertEquals("testjob.oris.spark.cpus_per_train_task", tooMany.keyPath());
        assertTrue(tooMany.getMessage().contains("must be at most executor_cores (2)"), tooMany.getMessage());
        DescriptorException zero = assertThrows(DescriptorException.class,
                () -> parse(job(BASE + "    spark: {cpus_per_train_task: 0}\n")));
        assertEquals("testjob.oris.spark.cpus_per_train_task", zero.keyPath());
    }

    @Test
    void missingFileIsAClearError() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> JobDescriptor.load(java.nio.file.Path.of("no-such-job.yaml")));
        assertTrue(e.getMessage().startsWith("no-such-job.yaml: cannot read job file"), e.getMessage());
    }
}
