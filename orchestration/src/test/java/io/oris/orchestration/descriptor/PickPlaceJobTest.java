package io.oris.orchestration.descriptor;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.sweep.RunSpec;
import io.oris.orchestration.sweep.SweepExpander;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Job files that name pick-place (ORIS Table III): the env, its {@code sim} gap, the {@code scripted} dataset with its
 * default size, the 25-episode grid evaluation, and the combinations that cannot work, rejected with the file, line
 * and key and what is expected.
 */
class PickPlaceJobTest {
    private static final String SWEEP = """
                envs: [pick-place]
                datasets:
                  - %s
                gaps: [%s]
                methods: [bc, sac, h2o, oris]
                seeds: 2
            %s""";

    private static JobDescriptor jobWith(String dataset, String gap, String extra) {
        return parse(job(SWEEP.formatted(dataset, gap, extra)));
    }

    private static String rejected(String dataset, String gap, String extra) {
        return assertThrows(DescriptorException.class, () -> jobWith(dataset, gap, extra)).getMessage();
    }

    @Test
    void aPickPlaceJobGetsTheScriptedDatasetTheSimGapAndTheGridEvaluation() {
        JobDescriptor job = jobWith("{collect: scripted}", "sim", "");
        Sweep s = job.sweep();
        assertEquals(List.of("pick-place"), s.envs());
        DatasetSpec.Collected d = (DatasetSpec.Collected) s.datasets().get(0);
        assertEquals(DatasetSpec.SCRIPTED_DEFAULT_SIZE, d.size(), "the default size from the facts: about 100 episodes");
        assertEquals("pick-place-collect-scripted-n15000", d.id());
        assertEquals(25, s.evaluation().episodes(), "one episode per block position of the 5 x 5 grid");
        List<RunSpec> runs = new SweepExpander().expand(s);
        Map<String, List<String>> gaps = runs.stream().collect(Collectors.groupingBy(r -> r.method().id(),
                Collectors.mapping(r -> String.valueOf(r.gap()), Collectors.toList())));
        assertEquals(List.of("sim", "sim"), gaps.get("sac"), "SAC is trained in the Metaworld simulator");
        assertEquals(List.of("sim", "sim"), gaps.get("oris"));
        assertEquals(List.of("sim", "sim"), gaps.get("h2o"));
        assertEquals(8, runs.size());
        assertTrue(runs.stream().filter(r -> !r.method().id().equals("sac"))
                .allMatch(r -> r.dataset().id().equals(d.id())));

        JobDescriptor sized = jobWith("{collect: scripted, size: 3000, params: {action_noise: 0.2}}",
                "\"sim,action_delay=1\"", "    evaluation: {episodes: 50}\n");
        assertEquals(3000, ((DatasetSpec.Collected) sized.sweep().datasets().get(0)).size());
        assertEquals("sim,action_delay=1", sized.sweep().gaps().get(0).canonical());
        assertEquals(50, sized.sweep().evaluation().episodes());
    }

    @Test
    void pickPlaceGapsHaveOneCanonicalForm() {
        assertEquals("sim", GapSpec.parse(" sim ").canonical());
        assertEquals("sim,action_delay=1,block_mass=0.3,gravity=2.0",
                GapSpec.parse("sim,gravity=2,block_mass=0.3,action_delay=1").canonical());
        assertEquals(GapSpec.parse("block_mass=0.30,gripper=binary"), GapSpec.parse("gripper=binary,block_mass=0.3"));
        assertTrue(GapSpec.parse("sim").pickPlaceOnly());
        assertTrue(!GapSpec.parse("gravity=2.0").pickPlaceOnly() && GapSpec.parse("real").isReal());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("gravity=2.0,sim")).getMessage()
                .contains("'sim' (pick-place's Metaworld dynamics) must come first"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("gripper=soft")).getMessage()
                .contains("gripper must be 'binary' or 'continuous'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GapSpec.parse("action_delay=0.5")).getMessage()
                .contains("action_delay must be a whole number"));
    }

    @Test
    void combinationsThatCannotWorkAreRejectedNamingTheLineAndWhatFits() {
        String m = rejected("{collect: random, size: 1000}", "sim", "");
        assertTrue(m.startsWith("test-job.yaml:9: testjob.oris.datasets[0].collect: pick-place data is collected with"
                + " 'scripted'"), m);
        m = rejected("{d4rl: medium}", "sim", "");
        assertTrue(m.contains("pick-place has no D4RL datasets; use {collect: scripted}"), m);
        m = rejected("{collect: scripted}", "sim", "    evaluation: {episodes: 10}\n");
        assertTrue(m.contains("evaluation.episodes: pick-place is evaluated on its 5 x 5 grid of block positions, so"
                + " episodes must be a multiple of 25 (got 10)"), m);
        m = rejected("{collect: scripted}", "\"sim,finger_kp=0\"", "");
        assertTrue(m.contains("gaps[0]: gap 'finger_kp=0': finger_kp must be > 0"), m);

        String hopper = """
                envs: [hopper, pick-place]
                datasets:
                  - {collect: scripted, envs: [pick-place]}
                  - {collect: random, size: 1000, envs: [hopper]}
                gaps: [sim]
                methods: [sac]
                seeds: 1
            """;
        m = assertThrows(DescriptorException.class, () -> parse(job(hopper))).getMessage();
        assertTrue(m.contains("gap 'sim' changes pick-place's dynamics (sim = Metaworld's), but this sweep also runs"
                + " [hopper]"), m);
        m = assertThrows(DescriptorException.class, () -> parse(job(hopper.replace("envs: [pick-place]}", "}")
                .replace("gaps: [sim]", "gaps: [gravity=2.0]")))).getMessage();
        assertTrue(m.contains("'scripted' is pick-place's rule-based policy; hopper is collected with one of"), m);
        // a locomotion job keeps its defaults
        JobDescriptor loco = parse(job(hopper.replace("pick-place", "walker2d").replace("scripted", "random, size: 500")
                .replace("gaps: [sim]", "gaps: [gravity=2.0]")));
        assertEquals(10, loco.sweep().evaluation().episodes());
    }
}
