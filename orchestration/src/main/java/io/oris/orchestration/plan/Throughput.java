package io.oris.orchestration.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oris.orchestration.descriptor.Method;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How fast one core does each kind of work, the input of {@link CostEstimate}: gradient updates per second per
 * learner (256-256 networks, batch 256), environment steps per second of simulator rollouts and evaluation episodes
 * (MuJoCo step plus a batch-1 policy), and GAN pre-training steps per second.
 *
 * <p>{@link #defaults()} are the last measurements on this project's 2-core development machine, where each figure
 * is one run's rate while a second run used the other core (how {@code local[2]} runs a sweep): SAC ≈ 55, ORIS
 * ≈ 50, H2O ≈ 35 updates/s (the 60k-step runs of {@code results/repro-hopper-gravity/}: SAC 17–22 min, ORIS
 * 15–22 min, H2O 25–34 min), CQL ≈ 9.4 updates/s (its 60k-step runs), GAN ≈ 120 steps/s (ORIS Table III's 10k-step
 * GANs in 58–85 s); the others are estimates from their update's cost relative to SAC (IQL and SQL have no policy
 * sampling in the critic target: ≈ 60; TD3+BC updates its actor every second step: ≈ 80; BC is one network: ≈ 300;
 * COMBO is CQL's update plus model rollouts: ≈ 8; DARC/DARC+ are SAC plus H2O's discriminators: ≈ 40). Rollouts and
 * evaluation: ≈ 3,000 environment steps/s (MuJoCo with frame skip 4 and a 256-256 policy on the host); they are a
 * few percent of a run. {@link #withBench} replaces the update rates by those of an {@code oris bench learners
 * --json} file, so an estimate for another machine starts from that machine's figures.
 *
 * <p>GPU rates (updates/s of one train task on one GPU) exist only where a benchmark file from the CUDA build says so
 * ({@code "backend": "cuda"}, written by {@code oris bench learners --json} under {@code -Pcuda}): no CUDA figure of
 * this project's learners has been measured yet, so there are no built-in ones, and an estimate with {@code --gpus}
 * but without such a file says that it times the train stage at the CPU rates.
 */
public final class Throughput {
    private final Map<Method, Double> updatesPerSecond;
    private final Map<Method, Double> gpuUpdatesPerSecond;
    private final String gpuSource;
    private final double envStepsPerSecond;
    private final double ganStepsPerSecond;
    private final String source;

    public Throughput(Map<Method, Double> updatesPerSecond, double envStepsPerSecond, double ganStepsPerSecond,
                      String source) {
        this(updatesPerSecond, envStepsPerSecond, ganStepsPerSecond, source, Map.of(), null);
    }

    /** Figures with per-method GPU update rates ({@code gpuSource} says where they come from; null when none). */
    public Throughput(Map<Method, Double> updatesPerSecond, double envStepsPerSecond, double ganStepsPerSecond,
                      String source, Map<Method, Double> gpuUpdatesPerSecond, String gpuSource) {
        EnumMap<Method, Double> m = new EnumMap<>(Method.class);
        m.putAll(updatesPerSecond);
        for (Method method : Method.values()) {
            Double v = m.get(method);
            if (v == null || !(v > 0)) {
                throw new IllegalArgumentException("throughput of " + method.id() + " must be a positive number of"
                        + " updates/s, got " + v);
            }
        }
        if (!(envStepsPerSecond > 0) || !(ganStepsPerSecond > 0)) {
            throw new IllegalArgumentException("environment and GAN steps/s must be positive");
        }
        this.updatesPerSecond = m;
        EnumMap<Method, Double> g = new EnumMap<>(Method.class);
        gpuUpdatesPerSecond.forEach((method, v) -> {
            if (v == null || !(v > 0)) {
                throw new IllegalArgumentException("GPU throughput of " + method.id() + " must be a positive number of"
                        + " updates/s, got " + v);
            }
            g.put(method, v);
        });
        this.gpuUpdatesPerSecond = g;
        this.gpuSource = gpuSource;
        this.envStepsPerSecond = envStepsPerSecond;
        this.ganStepsPerSecond = ganStepsPerSecond;
        this.source = source;
    }

    /** The built-in figures (see the class comment for where each comes from). */
    public static Throughput defaults() {
        Map<Method, Double> m = new EnumMap<>(Method.class);
        m.put(Method.SAC, 55.0);
        m.put(Method.ORIS, 50.0);
        m.put(Method.H2O, 35.0);
        m.put(Method.DARC, 40.0);
        m.put(Method.DARC_PLUS, 40.0);
        m.put(Method.CQL, 9.4);
        m.put(Method.COMBO, 8.0);
        m.put(Method.IQL, 60.0);
        m.put(Method.SQL, 60.0);
        m.put(Method.TD3BC, 80.0);
        m.put(Method.BC, 300.0);
        return new Throughput(m, 3_000, 120, "built-in defaults (2-core development machine, 2026-12)");
    }

    /**
     * These figures with the update rates of an {@code oris bench learners --json} file: per method, the best
     * one-thread {@code dl4j} figure over the benchmark's shapes. A file from the CPU build replaces the CPU rates;
     * methods it lacks keep their rate scaled by the file's SAC figure over the default SAC rate (so the machine's
     * speed carries over), and the GAN rate is scaled the same way. A file from the CUDA build ({@code "backend":
     * "cuda"}) sets the GPU rates instead (methods it lacks get no GPU rate and are timed at their CPU rate).
     */
    public Throughput withBench(Path benchJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(benchJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark file " + benchJson + ": " + e.getMessage(), e);
        }
        JsonNode figures = root == null ? null : root.get("figures");
        if (figures == null || !figures.isArray()) {
            throw new IllegalArgumentException("benchmark file " + benchJson + ": no 'figures' array (expected the"
                    + " JSON of 'oris bench learners --json FILE')");
        }
        String backend = root.path("backend").asText("cpu");
        if (!backend.equals("cpu") && !backend.equals("cuda")) {
            throw new IllegalArgumentException("benchmark file " + benchJson + ": backend '" + backend
                    + "', expected cpu or cuda");
        }
        Map<Method, Double> measured = new LinkedHashMap<>();
        for (JsonNode f : figures) {
            if (!"dl4j".equals(f.path("engine").asText()) || f.path("threads").asInt() != 1) {
                continue;
            }
            String id = f.path("method").asText();
            double ups = f.path("updates_per_s").asDouble(Double.NaN);
            for (Method m : Method.values()) {
                if (m.id().equals(id) && ups > 0) {
                    measured.merge(m, ups, Math::max);
                }
            }
        }
        if (backend.equals("cuda")) {
            if (measured.isEmpty()) {
                throw new IllegalArgumentException("benchmark file " + benchJson + ": no one-thread dl4j figure");
            }
            return new Throughput(updatesPerSecond, envStepsPerSecond, ganStepsPerSecond, source, measured,
                    "GPU bench file " + benchJson);
        }
        Double sac = measured.get(Method.SAC);
        if (sac == null) {
            throw new IllegalArgumentException("benchmark file " + benchJson + ": no one-thread dl4j figure for sac");
        }
        double scale = sac / updatesPerSecond.get(Method.SAC);
        Map<Method, Double> m = new EnumMap<>(Method.class);
        for (Method method : Method.values()) {
            m.put(method, measured.getOrDefault(method, updatesPerSecond.get(method) * scale));
        }
        return new Throughput(m, envStepsPerSecond, ganStepsPerSecond * scale,
                "bench file " + benchJson + " (methods it lacks scaled by its SAC figure)", gpuUpdatesPerSecond,
                gpuSource);
    }

    public double updatesPerSecond(Method method) {
        return updatesPerSecond.get(method);
    }

    /** The GPU update rate of a method, if a CUDA benchmark file gave one. */
    public OptionalDouble gpuUpdatesPerSecond(Method method) {
        Double v = gpuUpdatesPerSecond.get(method);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Where the GPU rates come from; null when there are none. */
    public String gpuSource() {
        return gpuSource;
    }

    public double envStepsPerSecond() {
        return envStepsPerSecond;
    }

    public double ganStepsPerSecond() {
        return ganStepsPerSecond;
    }

    /** Where the figures come from, for the printed estimate. */
    public String source() {
        return source;
    }
}
