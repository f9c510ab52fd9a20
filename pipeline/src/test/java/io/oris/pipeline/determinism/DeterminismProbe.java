package io.oris.pipeline.determinism;

import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.SacLearner;
import io.oris.model.nn.HostIO;
import io.oris.model.nn.NativeThreads;
import io.oris.model.replay.Batch;
import io.oris.model.replay.UpdateInput;
import io.oris.pipeline.collect.BehaviourCollector;
import io.oris.pipeline.train.ModelLearners;
import io.oris.sim.env.Task;
import io.oris.storage.TransitionArrays;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A small, fixed piece of the pipeline's numerics whose every bit is hashed: a SAC learner (64-64, batch 128,
 * ND4J float) after 30 updates on a fixed batch stream, and a short {@code medium-replay} collection in the real
 * hopper (400 steps: SAC behaviour training with MuJoCo rollouts, 300 updates of a 64-64 SAC on batches of 64).
 * The products are large enough for OpenBLAS to split them over threads when it is allowed to. Both build their learners through
 * {@link ModelLearners}, as the stage tasks do. {@link #main} prints the fingerprint for the child-JVM check of
 * {@link DeterminismTest}.
 */
public final class DeterminismProbe {
    static final String PREFIX = "FINGERPRINT ";

    private DeterminismProbe() {
    }

    /** One line: the SAC hash, the collection hash and the behaviour return (its mean over the last 10 episodes). */
    public static String fingerprint() {
        String sac = sacFingerprint();
        Collected c = collectFingerprint();
        return "sac=" + sac + " collect=" + c.hash + " return=" + c.meanReturn;
    }

    static String sacFingerprint() {
        int obs = 11;
        int act = 3;
        Learner learner = new ModelLearners().createSac(LearnerDims.of(obs, act), Map.of("sac.hidden", List.of(64, 64), "sac.singleSourceBatch", 128), 7);
        SacLearner sac = (SacLearner) learner;
        int n = learner.batchSpec().simulated();
        SplittableRandom r = new SplittableRandom(42);
        Map<String, Double> metrics = Map.of();
        for (int k = 0; k < 30; k++) {
            Batch b = Batch.allocate(n, obs, act);
            for (int i = 0; i < b.obs().length; i++) {
                b.obs()[i] = (float) r.nextGaussian();
                b.nextObs()[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.actions().length; i++) {
                b.actions()[i] = (float) (2 * r.nextDouble() - 1);
            }
            for (int i = 0; i < n; i++) {
                b.rewards()[i] = (float) r.nextGaussian();
                b.done()[i] = r.nextInt(20) == 0 ? 1f : 0f;
            }
            metrics = learner.update(UpdateInput.of(Batch.empty(obs, act), b));
        }
        Hasher h = new Hasher();
        h.doubles(HostIO.toHost(sac.actorGroup().params()));
        h.doubles(HostIO.toHost(sac.criticGroup().params()));
        h.doubles(HostIO.toHost(sac.criticGroup().target()));
        h.doubles(new double[] {sac.logAlpha()});
        for (double v : new TreeMap<>(metrics).values()) {
            h.doubles(new double[] {v});
        }
        return h.hex();
    }

    record Collected(String hash, Object meanReturn) {
    }

    static Collected collectFingerprint() {
        Map<String, Object> params = Map.of("max_train_steps", 400, "random_steps", 100,
                "hyperparameters", Map.of("sac.hidden", List.of(64, 64), "sac.singleSourceBatch", 64));
        BehaviourCollector collector = new BehaviourCollector(Task.HOPPER, 11, new ModelLearners(), params, line -> { });
        TransitionArrays d = collector.collect("medium-replay", 400);
        Hasher h = new Hasher();
        h.floats(d.obs());
        h.floats(d.action());
        h.floats(d.reward());
        h.floats(d.nextObs());
        h.doubles(d.qpos());
        h.doubles(d.qvel());
        for (int i = 0; i < d.rows(); i++) {
            h.doubles(new double[] {d.episode()[i], d.t()[i], d.terminal()[i] ? 1 : 0, d.timeout()[i] ? 1 : 0});
        }
        Object mean = collector.report().get("medium-replay_sac_final_mean_return");
        h.doubles(new double[] {((Number) mean).doubleValue()});
        return new Collected(h.hex(), mean);
    }

    /** SHA-256 of the exact bits of the values fed to it. */
    static final class Hasher {
        private final MessageDigest md;

        Hasher() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void floats(float[] a) {
            ByteBuffer b = ByteBuffer.allocate(4 * a.length);
            for (float v : a) {
                b.putInt(Float.floatToRawIntBits(v));
            }
            md.update(b.array());
        }

        void doubles(double[] a) {
            ByteBuffer b = ByteBuffer.allocate(8 * a.length);
            for (double v : a) {
                b.putLong(Double.doubleToRawLongBits(v));
            }
            md.update(b.array());
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest()).substring(0, 24);
        }
    }

    /** Prints the fingerprint (child JVM of {@link DeterminismTest}). */
    public static void main(String[] args) {
        String f = fingerprint();
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + ", OpenBLAS threads used: "
                + NativeThreads.blasThreads());
        System.out.println(PREFIX + f);
        System.exit(0);
    }
}
