package io.oris.pipeline.results;

import io.oris.storage.table.TableReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How ORIS's state weight w(s) = clip(1 − 2D(s), w_min, w_max) on the simulated rows moved during training, from
 * the {@code sim_weight_*} metrics of the runs' {@code train_metrics.parquet} (each an epoch mean, logged at the
 * epoch's last step), averaged over the seeds of a cell at every step. A metric no run logged is absent; a run
 * without a readable metrics file is skipped and counted, so an older or partial run never stops a results folder.
 *
 * @param curves  metric → its seed-mean curve, for the metrics that some run logged, in {@link #METRICS} order
 * @param runs    runs whose metrics file was read
 * @param skipped runs without a readable metrics file
 */
public record WeightCurves(Map<String, Curve> curves, int runs, int skipped) {
    public static final String MEAN = "sim_weight_mean";
    public static final String STD = "sim_weight_std";
    public static final String P10 = "sim_weight_p10";
    public static final String P50 = "sim_weight_p50";
    public static final String P90 = "sim_weight_p90";
    public static final String AT_MIN = "sim_weight_at_min";
    public static final String AT_MAX = "sim_weight_at_max";
    /** The w(s) metrics the figures draw, in order. */
    public static final List<String> METRICS = List.of(MEAN, STD, P10, P50, P90, AT_MIN, AT_MAX);

    public WeightCurves {
        curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
    }

    /**
     * One metric over training: the steps, the mean over the seeds that logged it at that step, and how many did.
     */
    public record Curve(double[] steps, double[] mean, int[] seeds) {
    }

    /** Reads the metrics files of a cell's runs (one per seed). */
    public static WeightCurves read(List<Path> metricFiles) {
        Map<String, TreeMap<Long, double[]>> sums = new LinkedHashMap<>();
        METRICS.forEach(m -> sums.put(m, new TreeMap<>()));
        int read = 0;
        int skipped = 0;
        for (Path file : metricFiles) {
            List<Map<String, Object>> rows;
            try {
                rows = Files.isRegularFile(file) ? TableReader.readAll(file) : null;
            } catch (UncheckedIOException e) {
                rows = null;
            }
            if (rows == null) {
                skipped++;
                continue;
            }
            read++;
            for (Map<String, Object> r : rows) {
                TreeMap<Long, double[]> bySteps = sums.get(String.valueOf(r.get("metric")));
                if (bySteps != null && r.get("step") instanceof Long step && r.get("value") instanceof Double v
                        && Double.isFinite(v)) {
                    double[] acc = bySteps.computeIfAbsent(step, k -> new double[2]);
                    acc[0] += v;
                    acc[1] += 1;
                }
            }
        }
        Map<String, Curve> curves = new LinkedHashMap<>();
        sums.forEach((metric, bySteps) -> {
            if (!bySteps.isEmpty()) {
                double[] steps = new double[bySteps.size()];
                double[] mean = new double[bySteps.size()];
                int[] seeds = new int[bySteps.size()];
                int i = 0;
                for (Map.Entry<Long, double[]> e : bySteps.entrySet()) {
                    steps[i] = e.getKey();
                    mean[i] = e.getValue()[0] / e.getValue()[1];
                    seeds[i] = (int) e.getValue()[1];
                    i++;
                }
                curves.put(metric, new Curve(steps, mean, seeds));
            }
        });
        return new WeightCurves(curves, read, skipped);
    }

    /** The curve of {@code metric}, when some run logged it. */
    public Optional<Curve> get(String metric) {
        return Optional.ofNullable(curves.get(metric));
    }

    /** True when no run logged any w(s) metric. */
    public boolean isEmpty() {
        return curves.isEmpty();
    }

    /** The w(s) metrics no run logged, in {@link #METRICS} order. */
    public List<String> absent() {
        List<String> absent = new ArrayList<>(METRICS);
        absent.removeAll(curves.keySet());
        return absent;
    }
}
