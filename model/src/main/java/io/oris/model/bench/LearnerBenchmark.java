package io.oris.model.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oris.model.config.GanConfig;
import io.oris.model.config.LearnerConfig;
import io.oris.model.learner.DatasetStats;
import io.oris.model.learner.Learner;
import io.oris.model.learner.LearnerDims;
import io.oris.model.learner.Learners;
import io.oris.model.nn.FlopMeter;
import io.oris.model.nn.SeededRandom;
import io.oris.model.oris.StateGan;
import io.oris.model.replay.Batch;
import io.oris.model.replay.BatchSpec;
import io.oris.model.replay.UpdateInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Learner throughput: updates per second of every learner and of ORIS's GAN step at the papers' shapes (256-256,
 * batch 256; hopper 11/3 and halfcheetah 17/6) with ND4J on 1 thread and on all cores, their matrix work per update
 * ({@link FlopMeter}) and what fraction of ND4J's own float32 matmul peak at that thread count it reaches, next to
 * PyTorch updates of the same shapes on the CPU for SAC, CQL, IQL, TD3+BC and H2O (the project's
 * {@code bench/learners_torch.py}, written from the papers, run with {@code /usr/bin/python3}) on 1 thread and all
 * cores.
 *
 * <p>Each ND4J figure runs in its own child JVM so that the thread count ({@code OMP_NUM_THREADS}) is set before
 * ND4J starts; the child reports wall-clock updates/s and updates per CPU-second of its training thread.
 */
public final class LearnerBenchmark {
    /** Task shapes of the papers (docs/reference.md §1). */
    public record Shape(String env, int obsDim, int actDim) {
    }

    /**
     * One measured figure.
     *
     * @param gflopPerUpdate matrix work of one update counted by {@link io.oris.model.nn.FlopMeter} (0 for PyTorch,
     *                       whose updates have the same shapes as the SAC figure's)
     */
    public record Figure(String engine, String method, String env, int threads, double updatesPerSecond,
                         double updatesPerCpuSecond, int updates, double gflopPerUpdate) {
        /** Achieved matrix GFLOP/s (wall clock). */
        public double gflops() {
            return gflopPerUpdate * updatesPerSecond;
        }
    }

    /** The float32 matrix-product peak of ND4J at one thread count: GFLOP/s of square products of each size. */
    public record Peak(int threads, Map<Integer, Double> gflopsBySize) {
        /** The best of the sizes: the peak a learner's figure is compared with. */
        public double best() {
            return gflopsBySize.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /** Everything one run measured. */
    public record Report(int cores, double secondsPerFigure, int repeats, List<Figure> figures,
                         Map<String, Double> sacRatio, Map<String, Double> sacRatioCpu, String torchNote,
                         List<Peak> peaks) {
        /** The fraction of the matmul peak at the figure's thread count that its GFLOP/s reach (0 if unknown). */
        public double fractionOfPeak(Figure f) {
            for (Peak p : peaks) {
                if (p.threads() == f.threads() && p.best() > 0) {
                    return f.gflops() / p.best();
                }
            }
            return 0;
        }
    }

    /** The square matrix sizes of the peak measurement (the learners' hidden width, and a large one). */
    public static final List<Integer> PEAK_SIZES = List.of(256, 1024);

    public static final List<Shape> SHAPES = List.of(new Shape("hopper", 11, 3), new Shape("halfcheetah", 17, 6));
    /** The methods with a PyTorch reference update in {@code bench/learners_torch.py}. */
    public static final List<String> TORCH_METHODS = List.of("sac", "cql", "iql", "td3bc", "h2o");
    /** {@code gan} is one step of ORIS's state GAN (discriminator and generator) at its default batch. */
    public static final List<String> METHODS = List.of("sac", "cql", "iql", "td3bc", "bc", "sql", "combo", "h2o", "darc",
            "oris", "gan");
    private static final String PYTHON = "/usr/bin/python3";

    private final double seconds;
    private final int repeats;
    private final List<String> methods;
    private final List<Shape> shapes;
    private final Consumer<String> log;

    /**
     * @param repeats each figure is measured this many times, ND4J and PyTorch interleaved, and the best kept (the
     *                machine may be shared: the best of several is the closest to its quiet speed)
     */
    public LearnerBenchmark(double seconds, int repeats, List<String> methods, List<Shape> shapes,
                            Consumer<String> log) {
        this.seconds = seconds;
        this.repeats = Math.max(1, repeats);
        this.methods = methods;
        this.shapes = shapes;
        this.log = log;
    }

    /** Runs every figure (ND4J in child JVMs, PyTorch in child Python processes). */
    public Report run() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts = cores > 1 ? List.of(1, cores) : List.of(1);
        List<Figure> all = new ArrayList<>();
        String note = ensureTorch();
        if (note != null) {
            log.accept(note);
        }
        Path script = note == null ? extractScript() : null;
        List<Peak> peaks = new ArrayList<>();
        for (int t : threadCounts) {
            Peak p = peak(t);
            log.accept(String.format("dl4j  float32 matmul peak, %d thread(s): %s GFLOP/s", t, p.gflopsBySize()));
            peaks.add(p);
        }
        try {
            for (int rep = 0; rep < repeats; rep++) {
                for (Shape s : shapes) {
                    for (int t : threadCounts) {
                        for (String m : methods) {
                            Figure f = childJvm(m, s, t);
                            log.accept(String.format("dl4j  %-5s %-12s %d thread(s): %8.1f updates/s (%.1f per CPU-s),"
                                    + " %.2f GFLOP/update", m, s.env(), t, f.updatesPerSecond(), f.updatesPerCpuSecond(),
                                    f.gflopPerUpdate()));
                            all.add(f);
                        }
                        for (String m : methods) {
                            if (script == null || !TORCH_METHODS.contains(m)) {
                                continue;
                            }
                            Figure f = torch(script, m, s, t);
                            log.accept(String.format("torch %-5s %-12s %d thread(s): %8.1f updates/s (%.1f per CPU-s)",
                                    m, s.env(), t, f.updatesPerSecond(), f.updatesPerCpuSecond()));
                            all.add(f);
                        }
                    }
                }
            }
        } finally {
            if (script != null) {
                Files.deleteIfExists(script);
            }
        }
        List<Figure> figures = bestOfRepeats(all);
        Map<String, Double> ratio = new LinkedHashMap<>();
        Map<String, Double> ratioCpu = new LinkedHashMap<>();
        for (Shape s : shapes) {
            double dl4j = best(figures, "dl4j", "sac", s.env());
            double torch = best(figures, "torch", "sac", s.env());
            if (dl4j > 0 && torch > 0) {
                ratio.put(s.env(), dl4j / torch);
            }
            double dl4jCpu = bestCpu(figures, "dl4j", "sac", s.env());
            double torchCpu = bestCpu(figures, "torch", "sac", s.env());
            if (dl4jCpu > 0 && torchCpu > 0) {
                ratioCpu.put(s.env(), dl4jCpu / torchCpu);
            }
        }
        return new Report(cores, seconds, repeats, figures, ratio, ratioCpu, note, peaks);
    }

    private static List<Figure> bestOfRepeats(List<Figure> all) {
        Map<String, Figure> best = new LinkedHashMap<>();
        for (Figure f : all) {
            String key = f.engine() + "/" + f.method() + "/" + f.env() + "/" + f.threads();
            Figure b = best.get(key);
            if (b == null) {
                best.put(key, f);
            } else {
                best.put(key, new Figure(f.engine(), f.method(), f.env(), f.threads(),
                        Math.max(b.updatesPerSecond(), f.updatesPerSecond()),
                        Math.max(b.updatesPerCpuSecond(), f.updatesPerCpuSecond()), -1, f.gflopPerUpdate()));
            }
        }
        return new ArrayList<>(best.values());
    }

    /** The best updates/s of an engine, method and env over thread counts (0 if none). */
    public static double best(List<Figure> figures, String engine, String method, String env) {
        double b = 0;
        for (Figure f : figures) {
            if (f.engine().equals(engine) && f.method().equals(method) && f.env().equals(env)) {
                b = Math.max(b, f.updatesPerSecond());
            }
        }
        return b;
    }

    /** The best updates per CPU-second over the 1-thread figures (0 if none). */
    public static double bestCpu(List<Figure> figures, String engine, String method, String env) {
        double b = 0;
        for (Figure f : figures) {
            if (f.engine().equals(engine) && f.method().equals(method) && f.env().equals(env) && f.threads() == 1) {
                b = Math.max(b, f.updatesPerCpuSecond());
            }
        }
        return b;
    }

    /**
     * A child JVM running this class's {@link #main} with {@code METHOD OBS ACT SECONDS THREADS}, its native threads
     * set through the environment before ND4J starts.
     */
    private ProcessBuilder child(String method, int obs, int act, int threads) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                LearnerBenchmark.class.getName(), method, Integer.toString(obs), Integer.toString(act),
                Double.toString(seconds), Integer.toString(threads));
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        return pb.redirectErrorStream(true);
    }

    private Figure childJvm(String method, Shape s, int threads) throws IOException, InterruptedException {
        String line = lastJsonLine(child(method, s.obsDim(), s.actDim(), threads).start(),
                "java child for " + method + "/" + s.env());
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(line);
        return new Figure("dl4j", method, s.env(), threads, n.get("updates_per_s").asDouble(),
                n.get("updates_per_cpu_s").asDouble(), n.get("updates").asInt(), n.get("gflop_per_update").asDouble());
    }

    /** The matmul peak at {@code threads}, measured in a child JVM like the learners' figures. */
    private Peak peak(int threads) throws IOException, InterruptedException {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(lastJsonLine(child("peak", 0, 0, threads).start(),
                "java child for the matmul peak"));
        Map<Integer, Double> bySize = new LinkedHashMap<>();
        for (int size : PEAK_SIZES) {
            bySize.put(size, n.get("gflops_" + size).asDouble());
        }
        return new Peak(threads, bySize);
    }

    private Figure torch(Path script, String method, Shape s, int threads) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), method, Integer.toString(s.obsDim()),
                Integer.toString(s.actDim()), Integer.toString(threads), Double.toString(seconds));
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        pb.redirectErrorStream(true);
        String line = lastJsonLine(pb.start(), "python3 " + script);
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(line);
        double rate = n.get("updates_per_s").asDouble();
        double cpu = n.get("cpu_s_per_update").asDouble();
        return new Figure("torch", method, s.env(), threads, rate, cpu > 0 ? 1 / cpu : 0, -1, 0);
    }

    private static String lastJsonLine(Process p, String what) throws IOException, InterruptedException {
        String json = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("{")) {
                    json = line;
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || json == null) {
            throw new IOException(what + " failed (exit " + rc + "):\n" + all);
        }
        return json;
    }

    /** Null when {@code import torch} works (installing python3-torch first when root); else why not. */
    static String ensureTorch() throws IOException, InterruptedException {
        if (run(PYTHON, "-c", "import torch") == 0) {
            return null;
        }
        String install = "apt-get install -y python3-torch libopenblas0-pthread";
        if (!"root".equals(System.getProperty("user.name"))) {
            return "PyTorch is not importable from " + PYTHON + "; install it with: sudo " + install
                    + " (PyTorch figures skipped)";
        }
        run("sh", "-c", "apt-get update -q && DEBIAN_FRONTEND=noninteractive " + install);
        return run(PYTHON, "-c", "import torch") == 0 ? null
                : "installing PyTorch failed; run: " + install + " (PyTorch figures skipped)";
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
    }

    private static Path extractScript() throws IOException {
        Path tmp = Files.createTempFile("oris-learners-torch", ".py");
        try (InputStream in = LearnerBenchmark.class.getResourceAsStream("/bench/learners_torch.py")) {
            if (in == null) {
                throw new IOException("bench/learners_torch.py is missing from the classpath");
            }
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    /** The report as JSON (figures, {@code sac_ratio_vs_pytorch}, H2O and ORIS relative to SAC). */
    public static ObjectNode toJson(Report r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("backend", org.nd4j.linalg.factory.Nd4j.getEnvironment().isCPU() ? "cpu" : "cuda");
        root.put("cores", r.cores());
        root.put("seconds_per_figure", r.secondsPerFigure());
        root.put("repeats_best_of", r.repeats());
        root.set("numerics", mapper.valueToTree(io.oris.model.nn.NativeThreads.describe()));
        root.put("note", "updates_per_s is wall clock; updates_per_cpu_s counts the CPU time of the training thread "
                + "(ND4J) or the process (PyTorch), robust to other load on a shared machine");
        root.put("shapes", "256-256 MLPs, batch 256 (hybrids 128 + 128)");
        ArrayNode a = root.putArray("figures");
        for (Figure f : r.figures()) {
            ObjectNode n = a.addObject();
            n.put("engine", f.engine());
            n.put("method", f.method());
            n.put("env", f.env());
            n.put("threads", f.threads());
            n.put("updates_per_s", f.updatesPerSecond());
            n.put("updates_per_cpu_s", f.updatesPerCpuSecond());
            if (f.gflopPerUpdate() > 0) {
                n.put("gflop_per_update", f.gflopPerUpdate());
                n.put("gflops", f.gflops());
                n.put("fraction_of_peak", r.fractionOfPeak(f));
            }
            double torch = best(r.figures(), "torch", f.method(), f.env());
            if (f.engine().equals("dl4j") && torch > 0) {
                n.put("ratio_vs_pytorch_best", f.updatesPerSecond() / torch);
            }
        }
        ObjectNode peak = root.putObject("matmul_peak_gflops");
        for (Peak p : r.peaks()) {
            ObjectNode one = peak.putObject(p.threads() + "_threads");
            p.gflopsBySize().forEach((size, g) -> one.put(size + "x" + size, g));
        }
        ObjectNode ratio = root.putObject("sac_ratio_vs_pytorch");
        r.sacRatio().forEach(ratio::put);
        ObjectNode ratioCpu = root.putObject("sac_ratio_vs_pytorch_cpu_time_1thread");
        r.sacRatioCpu().forEach(ratioCpu::put);
        ObjectNode rel = root.putObject("best_vs_best_sac");
        for (Shape s : SHAPES) {
            double sac = best(r.figures(), "dl4j", "sac", s.env());
            for (String m : METHODS.subList(1, METHODS.size())) {
                double v = best(r.figures(), "dl4j", m, s.env());
                if (sac > 0 && v > 0) {
                    rel.put(m + "/" + s.env(), v / sac);
                }
            }
        }
        if (r.torchNote() != null) {
            root.put("pytorch_note", r.torchNote());
        }
        return root;
    }

    // ------------------------------------------------------------------ child process

    /**
     * Child mode: {@code METHOD OBS ACT SECONDS THREADS}; prints one JSON line with updates/s (wall clock) and updates
     * per CPU-second of the training thread.
     */
    public static void main(String[] args) {
        String method = args[0];
        int obs = Integer.parseInt(args[1]);
        int act = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        if (method.equals("peak")) {
            StringBuilder json = new StringBuilder("{\"method\":\"peak\"");
            for (int size : PEAK_SIZES) {
                json.append(",\"gflops_").append(size).append("\":").append(matmulGflops(size, seconds / PEAK_SIZES.size()));
            }
            System.out.println(json.append('}'));
            System.exit(0);
        }
        if (method.equals("gan")) {
            ganStep(obs, seconds);
            System.exit(0);
        }
        double[] std = new double[obs];
        java.util.Arrays.fill(std, 1.0);
        // synthetic dataset statistics: unit std (H2O, ORIS), zero mean (TD3+BC), a return range (IQL's and SQL's reward scale)
        LearnerDims dims = new LearnerDims(obs, act, new DatasetStats(new double[obs], std, 0.0, 1000.0));
        StateGan gan = method.startsWith("oris") ? new StateGan(obs, GanConfig.defaults(), new double[obs], std,
                DataType.FLOAT, new SeededRandom(1)) : null;
        Learner l = Learners.createWith(method, LearnerConfig.defaults(), dims,
                new Learners.Pretrained(gan, method.equals("combo") ? comboModel(obs, act, std) : null,
                        method.equals("combo") ? comboStarts(obs, act) : null,
                        io.oris.model.combo.TerminationFn.NEVER), 1);   // synthetic states: no task to end
        SeededRandom rng = new SeededRandom(2);
        BatchSpec s = l.batchSpec();
        UpdateInput in = new UpdateInput(batch(s.offline(), obs, act, rng), batch(s.simulated(), obs, act, rng),
                s.needsDiscriminatorBatches() ? batch(s.discriminatorOffline(), obs, act, rng) : null,
                s.needsDiscriminatorBatches() ? batch(s.discriminatorSimulated(), obs, act, rng) : null);
        timed(method, seconds, () -> l.update(in));
        System.exit(0);
    }

    /**
     * Warms {@code update} up (at least 5 calls and 1.5 s), then times it for {@code seconds} (at least 3 calls) and
     * prints the child's JSON line: updates/s, updates per CPU-second of this thread, GFLOP per update.
     */
    private static void timed(String method, double seconds, Runnable update) {
        long warm = System.nanoTime();
        int w = 0;
        while (w < 5 || System.nanoTime() - warm < 1.5e9) {
            update.run();
            w++;
        }
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        long c0 = tb.getCurrentThreadCpuTime();
        long f0 = FlopMeter.count();
        long t0 = System.nanoTime();
        int n = 0;
        while (n < 3 || System.nanoTime() - t0 < seconds * 1e9) {
            update.run();
            n++;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (tb.getCurrentThreadCpuTime() - c0) / 1e9;
        long flops = FlopMeter.count() - f0;
        System.out.println("{\"method\":\"" + method + "\",\"updates\":" + n + ",\"updates_per_s\":" + (n / wall)
                + ",\"updates_per_cpu_s\":" + (n / cpu) + ",\"gflop_per_update\":" + (flops / 1e9 / n) + "}");
    }

    /** GFLOP/s of the float32 product of two {@code size × size} matrices through {@link io.oris.model.nn.Gemm} (the call the learners make), best of 1-second-ish windows. */
    static double matmulGflops(int size, double seconds) {
        INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray c = Nd4j.create(DataType.FLOAT, size, size);
        double flop = 2.0 * size * size * size;
        for (int i = 0; i < 3; i++) {
            io.oris.model.nn.Gemm.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        double best = 0;
        long end = System.nanoTime() + (long) (Math.max(seconds, 0.5) * 1e9);
        do {
            int reps = Math.max(1, (int) (2e9 / flop));
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                io.oris.model.nn.Gemm.gemm(a, b, c, false, false, 1.0, 0.0);
            }
            best = Math.max(best, reps * flop / ((System.nanoTime() - t0) / 1e9) / 1e9);
        } while (System.nanoTime() < end);
        return best;
    }

    /** One ORIS GAN step (losses, gradients and both Adam steps) at the default GAN config and batch, timed. */
    private static void ganStep(int obs, double seconds) {
        double[] std = new double[obs];
        java.util.Arrays.fill(std, 1.0);
        GanConfig cfg = GanConfig.defaults();
        StateGan gan = new StateGan(obs, cfg, new double[obs], std, DataType.FLOAT, new SeededRandom(1));
        SeededRandom rng = new SeededRandom(2);
        int b = cfg.batch();
        double[] real = new double[b * obs];
        double[] z = new double[b * gan.noiseDim()];
        rng.gaussians(real, real.length);
        rng.gaussians(z, z.length);
        timed("gan", seconds, () -> {
            gan.lossesAndGradients(real, z, b);
            gan.applyGradients();
        });
    }

    /**
     * COMBO's default-sized dynamics ensemble (7 members of 200x4, untrained: the bench times the arithmetic, not the
     * predictions). Its figure is the update with its model rollouts as they fall: one round of 50,000 h-step
     * rollouts every 1000 updates (the first runs during the warm-up), so a short window may contain none.
     */
    private static io.oris.model.combo.DynamicsEnsemble comboModel(int obs, int act, double[] std) {
        double[] in = new double[obs + act];
        double[] ones = new double[obs + act];
        java.util.Arrays.fill(ones, 1.0);
        return new io.oris.model.combo.DynamicsEnsemble(obs, act, LearnerConfig.defaults().dynamics(), in, ones,
                DataType.FLOAT, new SeededRandom(3));
    }

    /** Synthetic offline transitions whose states start COMBO's rollouts. */
    private static io.oris.model.replay.Transitions comboStarts(int obs, int act) {
        Batch b = batch(10_000, obs, act, new SeededRandom(4));
        return new io.oris.model.replay.Transitions(b.size(), obs, act, b.obs(), b.actions(), b.rewards(), b.nextObs(),
                b.done());
    }

    /** A batch of {@code n} random transitions (Gaussian states and rewards, uniform actions); empty for n = 0. */
    public static Batch batch(int n, int obs, int act, SeededRandom rng) {
        if (n == 0) {
            return Batch.empty(obs, act);
        }
        Batch b = Batch.allocate(n, obs, act);
        for (int i = 0; i < n * obs; i++) {
            b.obs()[i] = (float) rng.nextGaussian();
            b.nextObs()[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < n * act; i++) {
            b.actions()[i] = (float) (2 * rng.nextDouble() - 1);
        }
        for (int i = 0; i < n; i++) {
            b.rewards()[i] = (float) rng.nextGaussian();
        }
        return b;
    }
}
