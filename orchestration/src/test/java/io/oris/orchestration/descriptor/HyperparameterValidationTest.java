package io.oris.orchestration.descriptor;

import static io.oris.orchestration.TestJobs.job;
import static io.oris.orchestration.TestJobs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.sweep.RunSpec;
import io.oris.orchestration.sweep.SweepExpander;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every key of a job's hyperparameters: and gan: sections is applied to its runs or rejected when the job is parsed. */
class HyperparameterValidationTest {
    private static final String SWEEP = """
                envs: [hopper]
                datasets: [hopper_medium_replay-v2.hdf5]
                gaps: [gravity=2.0]
                methods: [%s]
                seeds: 2
                hyperparameters:
                  %s
            """;

    private static JobDescriptor jobWith(String methods, String hyperparameters) {
        return parse(job(SWEEP.formatted(methods, hyperparameters)));
    }

    private static String rejected(String methods, String hyperparameters) {
        return assertThrows(DescriptorException.class, () -> jobWith(methods, hyperparameters)).getMessage();
    }

    @Test
    void anUnknownKeyNamesTheKeyTheMethodAndItsValidKeys() {
        String m = rejected("oris", "oris: {oris.rolloutHorizon: 20, gan.stepz: 100}");
        assertTrue(m.startsWith("test-job.yaml:13: testjob.oris.hyperparameters.oris.gan.stepz: unknown hyperparameter"
                + " 'gan.stepz' for method oris; the keys oris reads are ["), m);
        for (String key : List.of("sac.actorLr", "sac.offlineBatch", "oris.rolloutHorizon", "oris.wMin",
                "oris.restartNoiseScale", "gan.steps", "gan.lr", "sim_buffer_size")) {
            assertTrue(m.contains(key), key + " is listed: " + m);
        }
        assertFalse(m.contains("cql.minQWeight"), m);
        assertFalse(m.contains("sac.singleSourceBatch"), "hybrids draw offline + simulated batches: " + m);
    }

    @Test
    void aKeyOfAnotherMethodIsRejectedAsNotRead() {
        String m = rejected("oris, cql", "oris: {cql.minQWeight: 5.0}");
        assertTrue(m.contains("oris.hyperparameters.oris.cql.minQWeight: 'cql.minQWeight' is not read by method oris"
                + " (it is read by [cql])"), m);
        String c = rejected("oris, cql", "cql: {oris.wMin: 0.05}");
        assertTrue(c.contains("'oris.wMin' is not read by method cql (it is read by [oris]); the keys cql reads are"
                + " [cql.clipDiff, cql.importanceSampling,"), c);
        String bc = rejected("bc", "bc: {sac.actorLr: 1.0e-3}");
        assertTrue(bc.contains("'sac.actorLr' is not read by method bc")
                && bc.contains("the keys bc reads are [bc.lr, sac.dataType, sac.hidden, sac.singleSourceBatch]"), bc);
    }

    @Test
    void simBufferSizeOnlyForMethodsThatCollectInTheSimulator() {
        String m = rejected("cql", "cql: {sim_buffer_size: 1000}");
        assertTrue(m.contains("'sim_buffer_size' is not read by method cql: it sizes the simulated replay, and only"
                + " methods that collect in the simulator have one ([sac, h2o, darc, darc+, oris])"), m);
        JobDescriptor ok = jobWith("sac, h2o, darc+", "sac: {sim_buffer_size: 5000}\n      h2o: {sim_buffer_size: 6000}");
        assertEquals(Map.of("sim_buffer_size", 5000L), ok.sweep().hyperparameters().get("sac"));
    }

    @Test
    void ablationSwitchesAreChosenByVariantNotByHyperparameter() {
        String m = rejected("oris", "oris: {oris.restartFromGenerator: false}");
        assertTrue(m.contains("'oris.restartFromGenerator' switches an ablation on or off; list the variant oris-no_restart"
                + " under methods instead"), m);
        assertTrue(rejected("h2o", "h2o: {h2o.adaptiveWeights: false}").contains("list the variant h2o-a"));
    }

    @Test
    void orisReadsH2oRegularisationKeysOnlyWithThatRegularisation() {
        String m = rejected("oris", "oris: {h2o.beta: 0.1}");
        assertTrue(m.contains("'h2o.beta' is not read by method oris"), m);
        JobDescriptor ok = jobWith("oris, oris-no_restart-h2o_reweight",
                "oris-no_restart-h2o_reweight: {oris.regularisation: h2o, h2o.beta: 0.1}");
        List<RunSpec> runs = new SweepExpander().expand(ok.sweep());
        RunSpec ablation = runs.stream().filter(r -> r.variant().equals("no_restart-h2o_reweight")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("oris.regularisation", "h2o", "h2o.beta", 0.1), ablation.config().get("hyperparameters"));
    }

    @Test
    void variantKeysFollowWhatTheVariantReads() {
        // without restarts and with H2O's re-weighting, ORIS reads no GAN: gan.* keys are not applicable
        String m = rejected("oris-no_restart-h2o_reweight", "oris-no_restart-h2o_reweight: {gan.steps: 500}");
        assertTrue(m.contains("'gan.steps' is not read by method oris-no_restart-h2o_reweight (it is read by [oris])"), m);
        assertTrue(m.contains("discriminator.lr") && m.contains("h2o.ratioMin") && !m.contains("oris.wMin"), m);
        // a method-level key must reach at least one variant of the sweep ...
        String none = rejected("oris-no_restart", "oris: {oris.restartNoiseScale: 0.02}");
        assertTrue(none.contains("'oris.restartNoiseScale' is not read by method oris"), none);
        // ... and reaches only the variants that read it
        JobDescriptor job = jobWith("oris, oris-no_restart", "oris: {oris.restartNoiseScale: 0.02, oris.rolloutHorizon: 10}");
        List<RunSpec> runs = new SweepExpander().expand(job.sweep());
        RunSpec oris = runs.stream().filter(r -> r.column().equals("oris")).findFirst().orElseThrow();
        RunSpec noRestart = runs.stream().filter(r -> r.column().equals("oris-no_restart")).findFirst().orElseThrow();
        assertEquals(Map.of("oris.restartNoiseScale", 0.02, "oris.rolloutHorizon", 10L), oris.hyperparameters());
        assertEquals(Map.of("oris.rolloutHorizon", 10L), noRestart.hyperparameters());
    }

    @Test
    void ganKeysAreTypedAndTheGanSectionRejectsUnknownKeys() {
        String bad = rejected("oris", "oris: {gan.steps: many}");
        assertTrue(bad.contains("oris.hyperparameters.oris.gan.steps: expected an integer, found 'many'"), bad);
        String gan = assertThrows(DescriptorException.class, () -> parse(job(SWEEP.formatted("oris", "oris: {}")
                + "    gan: {steps: 100, stepz: 3}\n"))).getMessage();
        assertTrue(gan.contains("testjob.oris.gan.stepz: unknown key 'stepz'; expected one of [batch_size, hidden,"
                + " learning_rate, noise_dim, share_across_seeds, steps]"), gan);
        String unused = assertThrows(DescriptorException.class, () -> parse(job(SWEEP.formatted("h2o", "h2o: {}")
                + "    gan: {steps: 100}\n"))).getMessage();
        assertTrue(unused.contains("testjob.oris.gan: the gan: section configures the GANs that ORIS pre-trains, but no"
                + " method of this sweep reads one ([h2o])"), unused);
    }
}
