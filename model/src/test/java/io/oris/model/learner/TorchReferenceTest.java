package io.oris.model.learner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oris.model.config.CqlConfig;
import io.oris.model.config.DiscriminatorConfig;
import io.oris.model.config.GanConfig;
import io.oris.model.config.H2oConfig;
import io.oris.model.config.IqlConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.config.OrisConfig;
import io.oris.model.config.SacConfig;
import io.oris.model.config.SqlConfig;
import io.oris.model.config.Td3BcConfig;
import io.oris.model.h2o.DynamicsDiscriminators;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.Mlp;
import io.oris.model.nn.ParamGroup;
import io.oris.model.nn.SeededRandom;
import io.oris.model.oris.StateGan;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An independent computation of every loss: each learner runs one update (TD3+BC two, so that its delayed actor
 * steps once; SAC 50, H2O and ORIS 20 in the multi-update cases, which carry Adam's moments, the targets and α from
 * one update to the next) on fixed batches from fixed weights in double precision, and a PyTorch script written from the papers
 * ({@code bench/reference/*.py}, run with Debian's {@code /usr/bin/python3}, package {@code python3-torch}) runs the
 * same update from the same weights, batch and noise. Compared: every loss term, the per-row weights (dynamics
 * ratio, u, ω, DARC's Δr, ORIS's w(s)), every gradient, and every parameter after the update (values and steps).
 *
 * <p>Tolerance: {@code |java − torch| ≤ 1e-4·max(|java|, |torch|) + 1e-9} for losses, row values, gradients and
 * updated parameters; the parameter steps (after − before) to {@code 1e-4} relative with an absolute floor of 1e-12.
 * Everything is double precision on both sides, so agreement is ~1e-12 in practice; the maxima are printed.
 *
 * <p>Where {@code /usr/bin/python3 -c "import torch"} fails every case is skipped with a message saying so.
 * The exchanged JSON files stay under {@code target/torch-reference/}; the format is described in
 * {@code bench/reference/README.md}.
 */
class TorchReferenceTest {
    static final int OBS = 4;
    static final int ACT = 2;
    static final int N_OFF = 6;
    static final int N_SIM = 7;
    static final int D_REAL = 5;
    static final int D_SIM = 7;
    static final double REL = 1e-4;
    static final double ABS = 1e-9;
    static final double ABS_STEP = 1e-12;
    static final double[] STATE_STD = {0.5, 1.0, 2.0, 0.8};
    static final double[] STATE_MEAN = {0.3, -0.1, 1.2, 0.05};
    static final double[] GAN_MEAN = {0.1, -0.2, 0.3, 0.0};
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TorchReference torch;
    private static String absent;

    @BeforeAll
    static void startPyTorch() throws Exception {
        String why = TorchReference.unavailable();
        if (why != null) {
            absent = "PyTorch absent: " + why + " -- the comparison with the PyTorch reference is SKIPPED";
            System.err.println("[torch reference] " + absent);
            return;
        }
        torch = TorchReference.start(Path.of("target", "torch-reference"));
    }

    /** Skips each case, saying why, where PyTorch is absent (reported per test, unlike a class-level skip). */
    @BeforeEach
    void requirePyTorch() {
        Assumptions.assumeTrue(absent == null, absent);
    }

    @AfterAll
    static void stopPyTorch() {
        if (torch != null) {
            torch.close();
        }
    }

    // ------------------------------------------------------------------ configurations

    /** Dataset statistics: a non-zero state mean (TD3+BC's normalisation) and a return range (IQL's reward scale). */
    static LearnerDims dims() {
        return new LearnerDims(OBS, ACT, new DatasetStats(STATE_MEAN, STATE_STD, -20.0, 480.0));
    }

    /**
     * Tiny double-precision networks (8-8), defaults elsewhere except: initial α 0.7 (so log α ≠ 0), last-layer gain 0
     * (default init, so outputs are O(1)), H2O's β = 0.5 (instead of 0.01, so the conservative term's gradient shows
     * at the 1e-4 level), ORIS's w_min = 0.01 (the bottom of the range in docs/reference.md §5, so fewer weights sit on the clip).
     */
    static LearnerConfig config() {
        LearnerConfig d = LearnerConfig.defaults();
        SacConfig sac = SacConfig.builder()
                .hidden(List.of(8, 8))
                .initialAlpha(0.7)
                .lastLayerGain(0.0)
                .offlineBatch(N_OFF)
                .simulatedBatch(N_SIM)
                .singleSourceBatch(N_OFF + N_SIM)
                .dataType("double")
                .build();
        DiscriminatorConfig disc = DiscriminatorConfig.builder()
                .hidden(List.of(8, 8))
                .lr(1e-3)
                .realBatch(D_REAL)
                .simBatch(D_SIM)
                .build();
        return d.toBuilder().sac(sac).h2o(d.h2o().withBeta(0.5)).discriminator(disc).oris(d.oris().withWMin(0.01))
                .build();
    }

    /** The same with log σ bounds tight enough that some entries sit on the clamp (its gradient cut). */
    static LearnerConfig clampedConfig() {
        LearnerConfig c = config();
        SacConfig s = c.sac();
        SacConfig sac = s.toBuilder()
                .autoAlpha(true)
                .targetEntropy(null)
                .logStdMin(-1.4)
                .logStdMax(-1.25)
                .dataType("double")
                .backupEntropy(false)
                .build();
        return c.withSac(sac);
    }

    /** The same with the soft Bellman backup (− α log π(a'|s') in the target). */
    static LearnerConfig softBackupConfig() {
        return config().withOverrides(java.util.Map.of("sac.backupEntropy", true));
    }

    /** The SAC learning check's configuration: the SAC paper's head (log σ = ℓ, nothing affine trained), soft backup. */
    static LearnerConfig standardHeadConfig() {
        return config().withOverrides(java.util.Map.of("sac.backupEntropy", true, "sac.logStdAffine", false,
                "sac.logStdOffset", 0.0));
    }

    static StateGan gan() {
        GanConfig gc = GanConfig.builder()
                .generatorHidden(List.of(8, 8))
                .discriminatorHidden(List.of(8, 8))
                .steps(1)
                .batch(4)
                .lr(1e-3)
                .curveEvery(1)
                .build();
        return new StateGan(OBS, gc, GAN_MEAN, STATE_STD, DataType.DOUBLE, new SeededRandom(9));
    }

    // ------------------------------------------------------------------ the cases

    @Test
    void sac() throws Exception {
        Random r = new Random(1);
        check(sacFamily("sac", "sac", config(), UpdateInput.of(null, batch(r, N_OFF + N_SIM)), null));
    }

    @Test
    void sacWithEntropyInTheBackup() throws Exception {
        Random r = new Random(3);
        check(sacFamily("sac-soft-backup", "sac", softBackupConfig(), UpdateInput.of(null, batch(r, N_OFF + N_SIM)),
                null));
    }

    @Test
    void sacWithTheStandardHead() throws Exception {
        Random r = new Random(4);
        check(sacFamily("sac-standard-head", "sac", standardHeadConfig(), UpdateInput.of(null, batch(r, N_OFF + N_SIM)),
                null));
    }

    /**
     * Fifty consecutive updates at the SAC learning check's configuration (soft backup, the SAC paper's head), each on
     * a new batch: Adam after its first step, the Polyak targets and α as they evolve.
     */
    @Test
    void sacOverFiftyUpdates() throws Exception {
        Random r = new Random(5);
        LearnerConfig cfg = standardHeadConfig();
        cfg = cfg.withSac(cfg.sac().toBuilder().backupEntropy(true).build());
        List<UpdateInput> ins = new ArrayList<>();
        for (int u = 0; u < 50; u++) {
            ins.add(UpdateInput.of(null, batch(r, N_OFF + N_SIM)));
        }
        check(sacFamily("sac-50-updates", "sac", cfg, ins, null,
                (SacLearner) Learners.create("sac", cfg, dims(), null, 21)));
    }

    /**
     * The float32 path that every real run takes (ND4J float matrices, float Adam) at full size — 256-256 networks, a
     * batch of 256 — over three updates, beside the float64 reference. Element-wise agreement is not expected
     * (float32 rounding, ReLU units on the boundary, Adam steps of entries whose gradient is rounding noise), so the
     * case compares averages: the losses to 1e-6 relative, every gradient and parameter group to a mean relative
     * error of 1e-5, the online networks' steps to 1e-4. Measured: losses ~1e-9, gradients and parameters 3e-8 to
     * 3e-6, steps ~1e-5. The Polyak targets' steps are not compared: a float32 target of size ~0.1 resolves ~1e-8,
     * about its whole step τ·(θ − θ').
     */
    @Test
    void sacInFloat32AtFullSize() throws Exception {
        Random r = new Random(8);
        LearnerConfig cfg = standardHeadConfig();
        cfg = cfg.withSac(cfg.sac().toBuilder().backupEntropy(true).hidden(List.of(256, 256)).lastLayerGain(0.01)
                .initialAlpha(1.0).singleSourceBatch(256).dataType("float").build());
        List<UpdateInput> ins = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            ins.add(UpdateInput.of(null, batch(r, 256)));
        }
        checkOnAverage(sacFamily("sac-float32-full-size", "sac", cfg, ins, null,
                (SacLearner) Learners.create("sac", cfg, dims(), null, 21)));
    }

    /** Twenty consecutive H2O updates: the discriminators' Adam and the dynamics ratio as they evolve, too. */
    @Test
    void h2oOverTwentyUpdates() throws Exception {
        Random r = new Random(6);
        List<UpdateInput> ins = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            ins.add(hybrid(r, true));
        }
        check(sacFamily("h2o-20-updates", "h2o", config(), ins, null,
                (SacLearner) Learners.create("h2o", config(), dims(), null, 21)));
    }

    /** Twenty consecutive ORIS updates. */
    @Test
    void orisOverTwentyUpdates() throws Exception {
        Random r = new Random(7);
        List<UpdateInput> ins = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            ins.add(hybrid(r, false));
        }
        StateGan g = gan();
        check(sacFamily("oris-20-updates", "oris", config(), ins, g,
                (SacLearner) Learners.create("oris", config(), dims(), g, 21)));
    }

    @Test
    void sacWithClampedLogStd() throws Exception {
        Random r = new Random(2);
        check(sacFamily("sac-clamped", "sac", clampedConfig(), UpdateInput.of(null, batch(r, N_OFF + N_SIM)), null));
    }

    @Test
    void cql() throws Exception {
        Random r = new Random(3);
        check(sacFamily("cql", "cql", config(), UpdateInput.of(batch(r, N_OFF + N_SIM), null), null));
    }

    /**
     * COMBO's critic objective on a learning batch of offline rows then model rows: the push-down log-sum-exp at the
     * model states ("model", the paper's ρ) or at every state ("mix"), the push-up at the offline rows. The model rows
     * are given (the rollouts that make them are tested in {@code ComboLearnerTest}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"model", "mix"})
    void combo(String pushDown) throws Exception {
        Random r = new Random(17);
        LearnerConfig base = config();
        io.oris.model.config.ComboConfig d = base.combo();
        io.oris.model.config.ComboConfig cc = d.toBuilder()
                .rolloutHorizon(2)
                .realRatio(0.5)
                .rolloutBatch(8)
                .rolloutEvery(1000)
                .retainRounds(1)
                .pushDownStates(pushDown)
                .build();
        LearnerConfig cfg = base.withCombo(cc);
        io.oris.model.config.DynamicsConfig dc = io.oris.model.config.DynamicsConfig.builder()
                .ensembleSize(2)
                .elites(1)
                .hidden(List.of(4))
                .batch(4)
                .weightDecay(List.of(0.0, 0.0))
                .maxHoldout(10)
                .patience(1)
                .maxEpochs(1)
                .build();
        io.oris.model.combo.DynamicsEnsemble model = new io.oris.model.combo.DynamicsEnsemble(OBS, ACT, dc,
                new double[OBS + ACT], new double[OBS + ACT], DataType.DOUBLE, new SeededRandom(1));
        Batch data = batch(r, 10);
        io.oris.model.replay.Transitions offline = new io.oris.model.replay.Transitions(data.size(), OBS, ACT,
                data.obs(), data.actions(), data.rewards(), data.nextObs(), data.done());
        ComboLearner l = (ComboLearner) Learners.createWith("combo", cfg, dims(),
                new Learners.Pretrained(null, model, offline, io.oris.model.combo.TerminationFn.NEVER), 21);
        check(sacFamily("combo-" + pushDown, "combo", cfg, UpdateInput.of(batch(r, N_OFF), batch(r, N_SIM)), null,
                l));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2o", "h2o-a", "h2o-dr", "h2o-reg", "h2o-v"})
    void h2o(String method) throws Exception {
        Random r = new Random(4);
        check(sacFamily(method, method, config(), hybrid(r, true), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"darc", "darc+"})
    void darc(String method) throws Exception {
        Random r = new Random(5);
        UpdateInput in = method.equals("darc")
                ? new UpdateInput(null, batch(r, N_OFF + N_SIM), batch(r, D_REAL), batch(r, D_SIM))
                : hybrid(r, true);
        check(sacFamily(method, method, config(), in, null));
    }

    @Test
    void oris() throws Exception {
        Random r = new Random(6);
        check(sacFamily("oris", "oris", config(), hybrid(r, false), gan()));
    }

    @Test
    void bc() throws Exception {
        Random r = new Random(7);
        LearnerConfig cfg = config();
        BcLearner l = (BcLearner) Learners.create("bc", cfg, dims(), null, 27);
        ObjectNode input = root("bc");
        ObjectNode c = base(input);
        c.put("lr", cfg.bc().lr());
        input.putObject("nets").set("actor", net(l.actorGroup(), 0, false));
        UpdateInput in = UpdateInput.of(batch(r, N_OFF + N_SIM), null);
        ObjectNode java = MAPPER.createObjectNode();
        Map<String, Double> m = l.update(in);
        ObjectNode upd = input.putArray("updates").addObject();
        upd.putObject("batch").set("offline", batchJson(in.offline()));
        upd.putObject("noise");
        java.putObject("rows");
        java.putObject("grads").set("actor", grad(l.actorGroup(), 0));
        java.putObject("after").set("actor", net(l.actorGroup(), 0, false));
        check(new Case("bc", input, List.of(m), List.of(java), Set.of()));
    }

    /**
     * TD3+BC: two updates (the actor and the targets move on the second). The reference follows the authors' code:
     * states normalised by the dataset mean and std + 1e-3, the actor loss computed after the critic step. (The
     * learner of this branch has no state normalisation and computes the actor loss at the pre-update critic; with
     * the normalisation left out, everything but that agrees: update 2's λ is 24.0472 against the reference's 24.1329,
     * and 24.0472 when the reference evaluates the actor loss before the critic step.)
     */
    @Test
    void td3bc() throws Exception {
        Random r = new Random(8);
        LearnerConfig cfg = config();
        Td3BcConfig t = cfg.td3bc();
        Td3BcLearner l = (Td3BcLearner) Learners.create("td3bc", cfg, dims(), null, 28);
        ObjectNode input = root("td3bc");
        ObjectNode c = base(input);
        c.put("gamma", cfg.sac().gamma()).put("tau", cfg.sac().tau()).put("alpha", t.alpha())
                .put("policy_noise", t.policyNoise()).put("noise_clip", t.noiseClip())
                .put("policy_freq", t.policyDelay()).put("actor_lr", t.lr()).put("critic_lr", t.lr())
                .put("max_action", 1.0).put("start_step", l.step());
        double[][] norm = td3bcStateNormalisation(l);
        if (norm != null) {
            c.set("state_mean", vec(norm[0], 0, OBS));
            c.set("state_std", vec(norm[1], 0, OBS));
        }
        ObjectNode nets = input.putObject("nets");
        nets.set("actor", net(l.actorGroup(), 0, false));
        nets.set("actor_target", net(l.actorGroup(), 0, true));
        putCritics(nets, l.criticGroup());
        ArrayNode updates = input.putArray("updates");
        List<Map<String, Double>> metrics = new ArrayList<>();
        List<ObjectNode> javas = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            UpdateInput in = UpdateInput.of(batch(r, N_OFF + N_SIM), null);
            metrics.add(l.update(in));
            ObjectNode upd = updates.addObject();
            upd.putObject("batch").set("offline", batchJson(in.offline()));
            upd.putObject("noise").set("smoothing", matrix(l.smoothingNoise(), N_OFF + N_SIM, ACT));
            ObjectNode java = MAPPER.createObjectNode();
            java.putObject("rows");
            ObjectNode g = java.putObject("grads");
            g.set("q1", grad(l.criticGroup(), 0));
            g.set("q2", grad(l.criticGroup(), 1));
            if (l.isActorStep()) {
                g.set("actor", grad(l.actorGroup(), 0));
            }
            ObjectNode after = java.putObject("after");
            after.set("actor", net(l.actorGroup(), 0, false));
            after.set("actor_target", net(l.actorGroup(), 0, true));
            putCritics(after, l.criticGroup());
            javas.add(java);
        }
        // the learner reports its actor and BC losses on actor steps only, as the reference computes them
        check(new Case("td3bc", input, metrics, javas, Set.of()));
    }

    /** IQL (CORL): Gaussian actor with a state-independent log std, expectile value loss, AWR actor. */
    @Test
    void iql() throws Exception {
        Random r = new Random(9);
        LearnerConfig cfg = config();
        IqlConfig q = cfg.iql();
        IqlLearner l = (IqlLearner) Learners.create("iql", cfg, dims(), null, 29);
        ObjectNode input = root("iql");
        ObjectNode c = base(input);
        c.put("gamma", cfg.sac().gamma()).put("tau", cfg.sac().tau()).put("expectile", q.expectile())
                .put("beta", q.beta()).put("max_weight", q.maxWeight()).put("actor_lr", q.lr())
                .put("critic_lr", q.lr()).put("value_lr", q.lr()).put("reward_scale", iqlRewardScale(l))
                .put("reward_shift", 0.0);
        ObjectNode nets = input.putObject("nets");
        nets.set("actor", net(l.actorGroup(), 0, false));
        nets.set("value", net(l.valueGroup(), 0, false));
        putCritics(nets, l.criticGroup());
        double[] logStd = iqlActorLogStd(l);
        input.putObject("vectors").set("actor_log_std", vec(logStd, 0, logStd.length));
        UpdateInput in = UpdateInput.of(batch(r, N_OFF + N_SIM), null);
        Map<String, Double> m = l.update(in);
        ObjectNode upd = input.putArray("updates").addObject();
        upd.putObject("batch").set("offline", batchJson(in.offline()));
        upd.putObject("noise");
        ObjectNode java = MAPPER.createObjectNode();
        java.putObject("rows");
        ObjectNode g = java.putObject("grads");
        g.set("value", grad(l.valueGroup(), 0));
        g.set("q1", grad(l.criticGroup(), 0));
        g.set("q2", grad(l.criticGroup(), 1));
        g.set("actor", grad(l.actorGroup(), 0));
        double[] logStdGrad = iqlActorLogStdGrad(l);
        g.set("actor_log_std", vec(logStdGrad, 0, logStdGrad.length));
        ObjectNode after = java.putObject("after");
        after.set("actor", net(l.actorGroup(), 0, false));
        double[] logStdAfter = iqlActorLogStd(l);
        after.set("actor_log_std", vec(logStdAfter, 0, logStdAfter.length));
        after.set("value", net(l.valueGroup(), 0, false));
        putCritics(after, l.criticGroup());
        check(new Case("iql", input, List.of(m), List.of(java), Set.of()));
    }

    /**
     * SQL (Xu et al. 2023): sparse value objective, then critics and the weighted-regression actor on the stepped V.
     * α = 0.25 so that the sparse indicator cuts some rows of this batch.
     */
    @Test
    void sql() throws Exception {
        Random r = new Random(13);
        LearnerConfig base = config();
        SqlConfig d = base.sql();
        SqlConfig q = d.withAlpha(0.25);
        LearnerConfig cfg = base.withSql(q);
        SqlLearner l = (SqlLearner) Learners.create("sql", cfg, dims(), null, 31);
        ObjectNode input = root("sql");
        ObjectNode c = base(input);
        c.put("gamma", cfg.sac().gamma()).put("tau", cfg.sac().tau()).put("alpha", q.alpha())
                .put("actor_weight", q.actorWeight()).put("max_weight", q.maxWeight()).put("actor_lr", q.lr())
                .put("critic_lr", q.lr()).put("value_lr", q.lr()).put("reward_scale", l.rewardScale())
                .put("log_std_min", cfg.sac().logStdMin()).put("log_std_max", cfg.sac().logStdMax());
        ObjectNode nets = input.putObject("nets");
        nets.set("actor", net(l.actorGroup(), 0, false));
        nets.set("value", net(l.valueGroup(), 0, false));
        putCritics(nets, l.criticGroup());
        double[] logStd = l.logStd().clone();
        input.putObject("vectors").set("actor_log_std", vec(logStd, 0, logStd.length));
        UpdateInput in = UpdateInput.of(batch(r, N_OFF + N_SIM), null);
        Map<String, Double> m = l.update(in);
        double active = m.get("sparse_active_fraction");
        assertTrue(active > 0 && active < 1, "both branches of the sparse indicator should occur: " + active);
        ObjectNode upd = input.putArray("updates").addObject();
        upd.putObject("batch").set("offline", batchJson(in.offline()));
        upd.putObject("noise");
        ObjectNode java = MAPPER.createObjectNode();
        java.putObject("rows");
        ObjectNode g = java.putObject("grads");
        g.set("value", grad(l.valueGroup(), 0));
        g.set("q1", grad(l.criticGroup(), 0));
        g.set("q2", grad(l.criticGroup(), 1));
        g.set("actor", grad(l.actorGroup(), 0));
        double[] logStdGrad = l.logStdGradient().clone();
        g.set("actor_log_std", vec(logStdGrad, 0, logStdGrad.length));
        ObjectNode after = java.putObject("after");
        after.set("actor", net(l.actorGroup(), 0, false));
        double[] logStdAfter = l.logStd().clone();
        after.set("actor_log_std", vec(logStdAfter, 0, logStdAfter.length));
        after.set("value", net(l.valueGroup(), 0, false));
        putCritics(after, l.criticGroup());
        check(new Case("sql", input, List.of(m), List.of(java), Set.of()));
    }

    // ---- what the TD3+BC and IQL references need from the learners

    /** TD3+BC's dataset state mean and std (without the 1e-3), or null where the learner sees normalised batches. */
    private static double[][] td3bcStateNormalisation(Td3BcLearner l) {
        double[] std = l.normalizer().scale();
        for (int j = 0; j < std.length; j++) {
            std[j] -= StateNormalizer.EPS;
        }
        return new double[][] {l.normalizer().mean(), std};
    }

    /** IQL's reward scale (CORL rescales rewards); 1 where the learner does not scale. */
    private static double iqlRewardScale(IqlLearner l) {
        return l.rewardScale();
    }

    /** IQL's state-independent actor log std. */
    private static double[] iqlActorLogStd(IqlLearner l) {
        return l.logStd().clone();
    }

    /** The gradient of IQL's actor loss with respect to that log std. */
    private static double[] iqlActorLogStdGrad(IqlLearner l) {
        return l.logStdGradient().clone();
    }

    // ------------------------------------------------------------------ SAC family

    private Case sacFamily(String name, String method, LearnerConfig cfg, UpdateInput in, StateGan gan)
            throws Exception {
        return sacFamily(name, method, cfg, in, gan, (SacLearner) Learners.create(method, cfg, dims(), gan, 21));
    }

    /**
     * One update of {@code l} on {@code in} (COMBO: the SAC-core update on exactly this batch, without its rollouts
     * and model-replay sampling) beside the reference.
     */
    private Case sacFamily(String name, String method, LearnerConfig cfg, UpdateInput in, StateGan gan, SacLearner l)
            throws Exception {
        return sacFamily(name, method, cfg, List.of(in), gan, l);
    }

    /**
     * Consecutive updates of {@code l}, one per input, beside the reference (which keeps its optimiser states, targets
     * and α from one update to the next, as the learner does): the multi-update case checks what one update cannot,
     * Adam's moments and bias correction after the first step, the Polyak targets and α over time.
     */
    private Case sacFamily(String name, String method, LearnerConfig cfg, List<UpdateInput> ins, StateGan gan,
                           SacLearner l) throws Exception {
        LearnerConfig rc = Learners.resolve(method, cfg);
        DynamicsDiscriminators disc = discriminators(l);
        ObjectNode input = root(method);
        ObjectNode c = base(input);
        SacConfig s = rc.sac();
        c.put("gamma", s.gamma()).put("tau", s.tau()).put("actor_lr", s.actorLr()).put("critic_lr", s.criticLr())
                .put("alpha_lr", s.alphaLr()).put("auto_alpha", s.autoAlpha()).put("log_std_min", s.logStdMin())
                .put("log_std_max", s.logStdMax()).put("backup_entropy", s.backupEntropy())
                .put("log_std_affine", s.logStdAffine());
        if (s.targetEntropy() == null) {
            c.putNull("target_entropy");
        } else {
            c.put("target_entropy", s.targetEntropy());
        }
        if (disc != null) {
            DiscriminatorConfig d = rc.discriminator();
            c.putObject("discriminator").put("lr", d.lr()).put("input_noise", d.inputNoise())
                    .put("output_scale", d.outputScale()).put("dsa_learns_from_sas_loss", d.dsaLearnsFromSasLoss());
        }
        H2oConfig h = rc.h2o();
        if (l instanceof H2oLearner) {
            c.putObject("h2o").put("beta", h.beta()).put("temperature", h.temperature()).put("clip_diff", h.clipDiff())
                    .put("ratio_min", h.ratioMin()).put("ratio_max", h.ratioMax())
                    .put("next_state_samples", h.nextStateSamples()).put("next_state_noise", h.nextStateNoise())
                    .put("u_min", h.uMin()).put("u_max", h.uMax()).put("adaptive_weights", h.adaptiveWeights())
                    .put("dynamics_ratio", h.dynamicsRatio()).put("regularisation", h.regularisation())
                    .put("expectation_variant", h.expectationVariant());
            c.set("state_std", vec(STATE_STD, 0, OBS));
        }
        if (l instanceof CqlLearner) {
            CqlConfig q = rc.cql();
            c.putObject("cql").put("min_q_weight", q.minQWeight()).put("sampled_actions", q.sampledActions())
                    .put("temperature", q.temperature()).put("importance_sampling", q.importanceSampling())
                    .put("clip_diff", q.clipDiff());
        }
        if (l instanceof ComboLearner) {
            c.putObject("combo").put("beta", rc.combo().beta()).put("push_down_states", rc.combo().pushDownStates());
        }
        if (l instanceof OrisLearner) {
            c.putObject("oris").put("w_min", rc.oris().wMin()).put("w_max", rc.oris().wMax());
            ObjectNode g = c.putObject("gan");
            g.set("mean", vec(GAN_MEAN, 0, OBS));
            g.set("std", vec(gan.stateStd(), 0, OBS));
        }
        ObjectNode nets = input.putObject("nets");
        nets.set("actor", net(l.actorGroup(), 0, false));
        putCritics(nets, l.criticGroup());
        if (disc != null) {
            nets.set("dsa", net(disc.group(), 0, false));
            nets.set("dsas", net(disc.group(), 1, false));
        }
        if (gan != null) {
            nets.set("gan_d", net(gan.discriminatorGroup(), 0, false));
        }
        input.putObject("scalars").put("log_alpha", l.logAlpha()).put("log_std_multiplier", l.head().multiplier())
                .put("log_std_offset", l.head().offset());

        ArrayNode updates = input.putArray("updates");
        List<Map<String, Double>> metrics = new ArrayList<>();
        List<ObjectNode> javas = new ArrayList<>();
        for (UpdateInput in : ins) {
            Map<String, Double> m;
            if (l instanceof ComboLearner) {
                l.prepare(in);
                m = l.lossesAndGradients();
                l.applyGradients();
            } else {
                m = l.update(in);
            }

            int n = l.rows();
            int nOff = in.offline() == null ? 0 : in.offline().size();
            ObjectNode upd = updates.addObject();
            ObjectNode b = upd.putObject("batch");
            b.set("offline", in.offline() == null ? null : batchJson(in.offline()));
            b.set("simulated", in.simulated() == null ? null : batchJson(in.simulated()));
            if (disc != null) {
                b.set("disc_real", batchJson(in.discriminatorOffline()));
                b.set("disc_sim", batchJson(in.discriminatorSimulated()));
            }
            ObjectNode noise = upd.putObject("noise");
            noise.set("actor", matrix(l.actorNoise(), 2 * n, ACT));
            if (disc != null) {
                noise.set("disc", matrix(disc.noise(), D_REAL + D_SIM, 2 * OBS + ACT));
            }
            ObjectNode java = MAPPER.createObjectNode();
            ObjectNode rows = java.putObject("rows");
            if (l instanceof H2oLearner hl) {
                rows.set("dynamics_ratio", vec(hl.ratios(), nOff, n));
                if (h.regularisation()) {
                    if (h.adaptiveWeights()) {
                        noise.set("u", matrix(hl.uNoise(), (n - nOff) * h.nextStateSamples(), OBS));
                        rows.set("u", vec(hl.u(), nOff, n));
                    }
                    rows.set("omega", vec(hl.omega(), nOff, n));
                }
            }
            if (l instanceof DarcLearner dl) {
                rows.set("reward_correction", vec(dl.corrections(), nOff, n));
            }
            if (l instanceof OrisLearner ol) {
                rows.set("sim_weight", vec(ol.weights(), nOff, n));
            }
            if (l instanceof CqlLearner cl) {
                int k = rc.cql().sampledActions();
                int down = cl.uniformActions().length / (k * ACT);   // push-down rows (COMBO "model": the model rows)
                noise.set("cql_uniform", matrix(cl.uniformActions(), down * k, ACT));
                noise.set("cql_policy", matrix(cl.repeatNoise(), 2 * down * k, ACT));
            }
            ObjectNode g = java.putObject("grads");
            g.set("actor", grad(l.actorGroup(), 0));
            g.set("q1", grad(l.criticGroup(), 0));
            g.set("q2", grad(l.criticGroup(), 1));
            g.put("log_alpha", l.alphaGradient()).put("log_std_multiplier", l.head().multiplierGrad())
                    .put("log_std_offset", l.head().offsetGrad());
            ObjectNode after = java.putObject("after");
            after.set("actor", net(l.actorGroup(), 0, false));
            putCritics(after, l.criticGroup());
            after.put("log_alpha", l.logAlpha()).put("log_std_multiplier", l.head().multiplier())
                    .put("log_std_offset", l.head().offset());
            if (disc != null) {
                g.set("dsa", grad(disc.group(), 0));
                g.set("dsas", grad(disc.group(), 1));
                after.set("dsa", net(disc.group(), 0, false));
                after.set("dsas", net(disc.group(), 1, false));
            }
            metrics.add(m);
            javas.add(java);
        }
        return new Case(name, input, metrics, javas, Set.of());
    }

    private static DynamicsDiscriminators discriminators(SacLearner l) {
        if (l instanceof H2oLearner h) {
            return h.discriminators();
        }
        if (l instanceof DarcLearner d) {
            return d.discriminators();
        }
        return null;
    }

    private static UpdateInput hybrid(Random r, boolean withDiscriminatorBatches) {
        Batch off = batch(r, N_OFF);
        Batch sim = batch(r, N_SIM);
        return withDiscriminatorBatches ? new UpdateInput(off, sim, batch(r, D_REAL), batch(r, D_SIM))
                : UpdateInput.of(off, sim);
    }

    static Batch batch(Random r, int n) {
        return Ref.randomBatch(r, n, OBS, ACT);
    }

    // ------------------------------------------------------------------ JSON exchange

    private static ObjectNode root(String method) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("method", method);
        return n;
    }

    private static ObjectNode base(ObjectNode input) {
        return input.putObject("config").put("obs_dim", OBS).put("act_dim", ACT);
    }

    private static void putCritics(ObjectNode nets, ParamGroup critics) {
        nets.set("q1", net(critics, 0, false));
        nets.set("q2", net(critics, 1, false));
        nets.set("q1_target", net(critics, 0, true));
        nets.set("q2_target", net(critics, 1, true));
    }

    /** Network {@code net} of a group (or its target copy) as [{W: [in][out], b: [out]}] (x ↦ x W + b per layer). */
    static ArrayNode net(ParamGroup g, int net, boolean target) {
        return layers(g.net(net), HostIO.toHost(target ? g.target() : g.params()), g.offset(net));
    }

    /** The gradient of network {@code net} of a group, same layout. */
    static ArrayNode grad(ParamGroup g, int net) {
        return layers(g.net(net), HostIO.toHost(g.grads()), g.offset(net));
    }

    /** Splits the folded [W; b] matrices (constant columns and padding dropped) into W and b. */
    private static ArrayNode layers(Mlp mlp, double[] flat, long base) {
        ArrayNode out = MAPPER.createArrayNode();
        for (int l = 0; l < mlp.layers(); l++) {
            int in = mlp.size(l);
            int o = mlp.size(l + 1);
            int cols = mlp.cols(l);
            int off = (int) (base + mlp.offset(l));
            ObjectNode layer = out.addObject();
            ArrayNode w = layer.putArray("W");
            for (int r = 0; r < in; r++) {
                ArrayNode row = w.addArray();
                for (int c = 0; c < o; c++) {
                    row.add(flat[off + r * cols + c]);
                }
            }
            ArrayNode b = layer.putArray("b");
            for (int c = 0; c < o; c++) {
                b.add(flat[off + in * cols + c]);
            }
        }
        return out;
    }

    static ArrayNode matrix(double[] a, int rows, int cols) {
        assertTrue(a.length >= rows * cols, "array of " + a.length + " values for " + rows + " x " + cols);
        ArrayNode m = MAPPER.createArrayNode();
        for (int i = 0; i < rows; i++) {
            ArrayNode row = m.addArray();
            for (int j = 0; j < cols; j++) {
                row.add(a[i * cols + j]);
            }
        }
        return m;
    }

    static ArrayNode matrix(float[] a, int rows, int cols) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return matrix(d, rows, cols);
    }

    static ArrayNode vec(double[] a, int from, int to) {
        ArrayNode v = MAPPER.createArrayNode();
        for (int i = from; i < to; i++) {
            v.add(a[i]);
        }
        return v;
    }

    static ObjectNode batchJson(Batch b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("obs", matrix(b.obs(), b.size(), b.obsDim()));
        n.set("act", matrix(b.actions(), b.size(), b.actDim()));
        n.set("next", matrix(b.nextObs(), b.size(), b.obsDim()));
        ArrayNode r = n.putArray("rew");
        ArrayNode d = n.putArray("done");
        for (int i = 0; i < b.size(); i++) {
            r.add((double) b.rewards()[i]);
            d.add((double) b.done()[i]);
        }
        return n;
    }

    // ------------------------------------------------------------------ comparison

    /**
     * One case: the reference's input (config, weights before, per update its batch and noise) and the learner's
     * results per update (metrics; rows, grads, after). {@code javaOnly}: loss metrics the learner reports that are
     * not part of the compared update (with the reason at the call).
     */
    record Case(String name, ObjectNode input, List<Map<String, Double>> metrics, List<ObjectNode> java,
                Set<String> javaOnly) {
    }

    /** Comparison figures: overall maxima, the mismatches, and per kind of value the largest and mean relative error. */
    private static final class Stats {
        int values;
        double maxRel;
        double maxAbs;
        final List<String> failures = new ArrayList<>();
        /** Per kind ("loss critic_loss", "grad.q1", "step.actor", ...): {max rel, sum rel, count}. */
        final Map<String, double[]> kinds = new java.util.TreeMap<>();

        void compare(String what, double java, double ref, double absFloor) {
            values++;
            double diff = Math.abs(java - ref);
            double scale = Math.max(Math.abs(java), Math.abs(ref));
            maxAbs = Math.max(maxAbs, diff);
            if (scale >= 1e-6) {
                maxRel = Math.max(maxRel, diff / scale);
                double[] k = kinds.computeIfAbsent(kindOf(what), x -> new double[3]);
                k[0] = Math.max(k[0], diff / scale);
                k[1] += diff / scale;
                k[2]++;
            }
            if (!(diff <= REL * scale + absFloor)) {
                failures.add(String.format(Locale.ROOT, "%s: java %.12g, torch %.12g (diff %.3g, rel %.3g)", what,
                        java, ref, diff, scale > 0 ? diff / scale : 0.0));
            }
        }

        /** "NAME update U loss X" → "loss X"; "NAME update U grad.q1[0].W[1][2]" → "grad.q1". */
        static String kindOf(String what) {
            String[] w = what.split(" ");
            if (w.length > 4) {
                return w[3] + " " + w[4].replace(":", "");
            }
            return w.length > 3 ? w[3].replaceAll("\\[.*", "") : what;
        }

        double meanRel(String kind) {
            double[] k = kinds.get(kind);
            return k == null ? 0 : k[1] / k[2];
        }
    }

    private Stats compare(Case c) throws Exception {
        JsonNode ref = torch.run(c.name(), c.input());
        JsonNode refUpdates = ref.get("updates");
        Stats st = new Stats();
        if (refUpdates.size() != c.java().size()) {
            fail(c.name() + ": the reference ran " + refUpdates.size() + " updates, the learner " + c.java().size());
        }
        for (int u = 0; u < c.java().size(); u++) {
            String at = c.name() + " update " + (u + 1) + " ";
            JsonNode r = refUpdates.get(u);
            Map<String, Double> m = c.metrics().get(u);
            // every loss term the reference computes, and every loss the learner reports
            Set<String> refLosses = names(r.get("losses"));
            for (String k : refLosses) {
                if (!m.containsKey(k)) {
                    st.failures.add(at + "loss " + k + ": computed by the reference, not reported by the learner");
                    continue;
                }
                st.compare(at + "loss " + k, m.get(k), r.get("losses").get(k).asDouble(), ABS);
            }
            for (String k : m.keySet()) {
                if (k.contains("loss") && !refLosses.contains(k) && !c.javaOnly().contains(k)) {
                    st.failures.add(at + "loss " + k + ": reported by the learner, not computed by the reference");
                }
            }
            ObjectNode j = c.java().get(u);
            tree(at + "rows", j.get("rows"), r.get("rows"), null, ABS, st);
            tree(at + "grad", j.get("grads"), r.get("grads"), null, ABS, st);
            tree(at + "after", j.get("after"), r.get("after"), null, ABS, st);
            JsonNode before = u == 0 ? beforeOf(c.input()) : refUpdates.get(u - 1).get("after");
            tree(at + "step", j.get("after"), r.get("after"), before, ABS_STEP, st);
        }
        return st;
    }

    private void check(Case c) throws Exception {
        Stats st = compare(c);
        String line = String.format(Locale.ROOT, "%d values, max rel err %.2e (|value| >= 1e-6), max abs err %.2e%s",
                st.values, st.maxRel, st.maxAbs, st.failures.isEmpty() ? "" : ", " + st.failures.size() + " MISMATCHES");
        System.out.println("[torch reference] " + c.name() + ": " + line);
        if (!st.failures.isEmpty()) {
            fail(c.name() + " differs from the PyTorch reference (" + st.failures.size() + " values; files in "
                    + "target/torch-reference/" + c.name() + ".*.json):\n  "
                    + String.join("\n  ", st.failures.subList(0, Math.min(40, st.failures.size()))));
        }
    }

    /**
     * The float32 comparison (see {@link #sacInFloat32AtFullSize}): losses to 1e-6 relative (largest error), every
     * gradient and parameter group to a mean relative error of 1e-5, the online networks' steps to 1e-4 (mean);
     * the targets' steps are printed, not checked.
     */
    private void checkOnAverage(Case c) throws Exception {
        Stats st = compare(c);
        List<String> bad = new ArrayList<>();
        st.kinds.forEach((kind, k) -> {
            double mean = k[1] / k[2];
            System.out.printf(Locale.ROOT, "[torch reference] %s %-28s max rel %.2e, mean rel %.2e (%d values)%n",
                    c.name(), kind, k[0], mean, (long) k[2]);
            double limit = kind.startsWith("loss") ? 1e-6 : kind.startsWith("step") ? 1e-4 : 1e-5;
            double measured = kind.startsWith("loss") ? k[0] : mean;
            if (!kind.startsWith("step") || !kind.endsWith("_target")) {
                if (!(measured <= limit)) {
                    bad.add(String.format(Locale.ROOT, "%s: %s rel error %.3g > %.0e", kind,
                            kind.startsWith("loss") ? "max" : "mean", measured, limit));
                }
            }
        });
        for (String f : st.failures) {
            if (f.contains(": computed by the reference") || f.contains(": reported by the learner")
                    || f.contains("entries in the learner's") || f.contains("missing in") || f.contains("shapes")) {
                bad.add(f);
            }
        }
        if (!bad.isEmpty()) {
            fail(c.name() + " differs from the PyTorch reference on average:\n  " + String.join("\n  ", bad));
        }
    }

    /** The parameters before the first update: the input's nets, scalars and vectors in one object. */
    private static JsonNode beforeOf(ObjectNode input) {
        ObjectNode b = MAPPER.createObjectNode();
        for (String part : List.of("nets", "scalars", "vectors")) {
            if (input.has(part)) {
                b.setAll((ObjectNode) input.get(part));
            }
        }
        return b;
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new TreeSet<>();
        if (n != null) {
            n.fieldNames().forEachRemaining(s::add);
        }
        return s;
    }

    /**
     * Compares two JSON trees of numbers (objects with the same keys, arrays of the same lengths); with
     * {@code before}, compares the differences java − before and ref − before (the parameter steps).
     */
    private static void tree(String path, JsonNode java, JsonNode ref, JsonNode before, double absFloor, Stats st) {
        if (java == null || ref == null) {
            if (java != ref) {
                st.failures.add(path + ": " + (java == null ? "missing in the learner's results"
                        : "missing in the reference's results"));
            }
            return;
        }
        if (java.isObject() && ref.isObject()) {
            Set<String> keys = names(java);
            keys.addAll(names(ref));
            for (String k : keys) {
                if (before != null && (before.get(k) == null)) {
                    continue; // a step needs the value before
                }
                tree(path + "." + k, java.get(k), ref.get(k), before == null ? null : before.get(k), absFloor, st);
            }
        } else if (java.isArray() && ref.isArray()) {
            if (java.size() != ref.size()) {
                st.failures.add(path + ": " + java.size() + " entries in the learner's results, " + ref.size()
                        + " in the reference's");
                return;
            }
            for (int i = 0; i < java.size(); i++) {
                tree(path + "[" + i + "]", java.get(i), ref.get(i), before == null ? null : before.get(i), absFloor,
                        st);
            }
        } else if (java.isNumber() && ref.isNumber()) {
            double b = before == null ? 0 : before.asDouble();
            st.compare(path, java.asDouble() - b, ref.asDouble() - b, absFloor);
        } else {
            st.failures.add(path + ": different shapes (" + java.getNodeType() + " vs " + ref.getNodeType() + ")");
        }
    }
}
