package io.oris.orchestration.sweep;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.descriptor.Method;
import io.oris.orchestration.descriptor.Sweep;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepExpanderTest {
    private static final String SWEEP = """
                envs: [hopper, walker2d]
                datasets:
                  - d4rl: [medium, medium-replay]
                gaps: [gravity=2.0, friction=0.3]
                methods: [sac, cql, oris, oris-no_restart]
                seeds: 3
                hyperparameters:
                  oris: {oris.rolloutHorizon: 20, oris.randomActionProbability: 0.2}
                  oris-no_restart: {oris.randomActionProbability: 0.0}
            """;

    private final SweepExpander expander = new SweepExpander();

    @Test
    void methodsMultiplyOnlyByWhatTheyUse() {
        List<RunSpec> runs = expander.expand(parse(job(SWEEP)).sweep());
        Map<Method, Long> byMethod = new java.util.EnumMap<>(Method.class);
        runs.forEach(r -> byMethod.merge(r.method(), 1L, Long::sum));
        assertEquals(2 * 2 * 3, byMethod.get(Method.SAC), "sac: env x gap x seed");
        assertEquals(4 * 3, byMethod.get(Method.CQL), "cql: dataset x seed, no gap");
        assertEquals(4 * 2 * 3 * 2, byMethod.get(Method.ORIS), "oris and its variant: dataset x gap x seed each");
        assertEquals(runs.size(), new HashSet<>(runs.stream().map(RunSpec::runId).toList()).size(), "run ids are unique");
        for (RunSpec r : runs) {
            if (r.method() == Method.SAC) {
                assertNull(r.dataset());
            }
            if (r.method() == Method.CQL) {
                assertNull(r.gap());
                assertNull(r.gan());
            }
            if (r.method() == Method.ORIS) {
                assertTrue(r.gan() != null);
            }
        }
    }

    @Test
    void runIdsAreStableAndDependOnTheResolvedConfigOnly() {
        Sweep a = parse(job(SWEEP)).sweep();
        // the same sweep written differently (seed list, gap spelled with other number formats, other spark settings)
        Sweep b = parse(job(SWEEP.replace("seeds: 3", "seeds: [0, 1, 2]").replace("gravity=2.0", "gravity=2")
                + "    spark: {master: 'spark://h:7077', executor_cores: 8}\n")).sweep();
        assertEquals(expander.expand(a).stream().map(RunSpec::runId).toList(),
                expander.expand(b).stream().map(RunSpec::runId).toList());
        Sweep c = parse(job(SWEEP + "    budget: {gradient_steps: 1000}\n")).sweep();
        Set<String> idsA = new HashSet<>(expander.expand(a).stream().map(RunSpec::runId).toList());
        expander.expand(c).forEach(r -> assertTrue(!idsA.contains(r.runId()), "a new budget gives new run ids"));
        RunSpec first = expander.expand(a).get(0);
        assertEquals(16, first.runId().length());
        assertEquals(first, expander.expand(a).get(0));
    }

    @Test
    void offlineRunsDoNotChangeWhenOnlyGapsChange() {
        Sweep a = parse(job(SWEEP)).sweep();
        Sweep b = parse(job(SWEEP.replace("[gravity=2.0, friction=0.3]", "[action_noise=1.0]"))).sweep();
        List<String> cqlA = expander.expand(a).stream().filter(r -> r.method() == Method.CQL).map(RunSpec::runId).toList();
        List<String> cqlB = expander.expand(b).stream().filter(r -> r.method() == Method.CQL).map(RunSpec::runId).toList();
        assertEquals(cqlA, cqlB);
    }

    @Test
    void variantsInheritTheirMethodsHyperparameters() {
        List<RunSpec> runs = expander.expand(parse(job(SWEEP)).sweep());
        RunSpec oris = runs.stream().filter(r -> r.column().equals("oris")).findFirst().orElseThrow();
        RunSpec noRestart = runs.stream().filter(r -> r.column().equals("oris-no_restart")).findFirst().orElseThrow();
        assertEquals(Map.of("oris.rolloutHorizon", 20L, "oris.randomActionProbability", 0.2), oris.hyperparameters());
        assertEquals(Map.of("oris.rolloutHorizon", 20L, "oris.randomActionProbability", 0.0), noRestart.hyperparameters());
        assertEquals("no_restart", noRestart.variant());
        assertEquals("oris", noRestart.config().get("method"));
        assertNotEquals(oris.runId(), noRestart.runId());
        RunSpec cql = runs.stream().filter(r -> r.method() == Method.CQL).findFirst().orElseThrow();
        assertTrue(cql.hyperparameters().isEmpty());
    }
}
