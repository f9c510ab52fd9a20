package io.oris.pipeline.report;

import io.oris.orchestration.descriptor.MethodCatalog;
import io.oris.orchestration.descriptor.MethodInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rules of the report in one place: table columns (method-variant), display names as the
 * papers print them (methods' labels, flags and column order from the method catalog, {@link MethodCatalog}), dataset subsets ({@code medium-replay@25%}), dynamics gaps ({@code gravity=2.0}), the
 * default orders of rows and columns, and file-name-safe ids.
 */
public final class Names {
    private static final List<String> TASK_ORDER = List.of("hopper", "walker2d", "halfcheetah");
    private static final List<String> DATASET_ORDER =
            List.of("random", "medium-replay", "medium", "medium-expert", "expert");
    private static final List<String> GAP_ORDER = List.of("gravity", "friction", "action_noise", "density");
    private static final Pattern SUBSET = Pattern.compile("(.*)@([0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern GAP = Pattern.compile("([A-Za-z_]+)=([-+0-9.eE]+)");

    private Names() {
    }

    /** The column of a run: {@code method} or {@code method-variant}; accepts the variant with or without prefix. */
    public static String column(String method, String variant) {
        if (variant == null || variant.isEmpty()) {
            return method;
        }
        return variant.startsWith(method + "-") ? variant : method + "-" + variant;
    }

    /** The method part of a column ({@code oris} for {@code oris-no_restart}). */
    public static String methodOf(String column) {
        int dash = column.indexOf('-');
        return dash < 0 ? column : column.substring(0, dash);
    }

    /** The variant part of a column without the method ({@code no_restart}), or {@code ""}. */
    public static String variantOf(String column) {
        int dash = column.indexOf('-');
        return dash < 0 ? "" : column.substring(dash + 1);
    }

    /** The variant flags of a column ({@code [a, dr]} for {@code h2o-a-dr}). */
    public static List<String> flagsOf(String column) {
        String v = variantOf(column);
        return v.isEmpty() ? List.of() : List.of(v.split("-"));
    }

    /** The column as the papers print it: {@code TD3+BC}, {@code H2O-a-dr}, {@code ORIS (w/o restart)}. */
    public static String display(String column) {
        String method = methodOf(column);
        String variant = variantOf(column);
        return MethodCatalog.byId(method).map(m -> m.display(variant)).orElseGet(
                () -> method.toUpperCase(Locale.ROOT) + (variant.isEmpty() ? "" : "-" + variant));
    }

    /** The data fraction of a dataset name in percent: 25 for {@code medium-replay@25%}, 100 for full data. */
    public static double fraction(String dataset) {
        Matcher m = SUBSET.matcher(dataset);
        return m.matches() ? Double.parseDouble(m.group(2)) : 100.0;
    }

    /** The dataset a subset was drawn from ({@code medium-replay} for {@code medium-replay@25%}). */
    public static String baseDataset(String dataset) {
        Matcher m = SUBSET.matcher(dataset);
        return m.matches() ? m.group(1) : dataset;
    }

    /** True for a trajectory subset of another dataset. */
    public static boolean isSubset(String dataset) {
        return SUBSET.matcher(dataset).matches();
    }

    /** {@code hopper-medium-replay}, or {@code hopper (no data)} for sim-only runs. */
    public static String taskDataset(String task, String dataset) {
        return dataset.isEmpty() ? task + " (sim only)" : task + "-" + dataset;
    }

    /** The gap's kind ({@code gravity} for {@code gravity=2.0}), or the whole name when it has no value. */
    public static String gapKind(String gap) {
        Matcher m = GAP.matcher(gap);
        return m.matches() ? m.group(1) : gap;
    }

    /** The gap's coefficient ({@code 2.0} for {@code gravity=2.0}), or NaN when it has none. */
    public static double gapCoefficient(String gap) {
        Matcher m = GAP.matcher(gap);
        if (!m.matches()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(m.group(2));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A readable gap: {@code gravity ×2.0}, {@code action noise σ=1.0}, {@code real (offline only)}. */
    public static String gapDisplay(String gap) {
        if (gap.equals(RunResult.REAL)) {
            return "real (offline only)";
        }
        String kind = gapKind(gap);
        double c = gapCoefficient(gap);
        if (Double.isNaN(c)) {
            return gap;
        }
        String v = trimNumber(c);
        return switch (kind) {
            case "gravity", "friction", "density" -> kind + " ×" + v;
            case "action_noise" -> "action noise σ=" + v;
            default -> kind + "=" + v;
        };
    }

    /** A file-name-safe form of any label: {@code gravity=2.0} becomes {@code gravity-2.0}. */
    public static String fileSafe(String text) {
        String s = text.replace("=", "-").replace("%", "pct").replace("@", "_").replace("+", "plus");
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A data fraction as a header: {@code 100 %}, {@code 25 %}, {@code 2.5 %}. */
    public static String percent(double fraction) {
        return (fraction == Math.rint(fraction) ? Long.toString((long) fraction) : Double.toString(fraction)) + " %";
    }

    static String trimNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    /** Column order: the spec's order first, then offline baselines, SAC, DARC, H2O, ORIS; variants after their method. */
    public static Comparator<String> columnOrder(List<String> preferred) {
        return Comparator.<String>comparingInt(c -> rank(preferred, c))
                .thenComparingInt(c -> MethodCatalog.byId(methodOf(c)).map(MethodInfo::columnRank)
                        .orElse(MethodCatalog.all().size()))
                .thenComparing(Names::methodOf)
                .thenComparing(c -> !variantOf(c).isEmpty())
                .thenComparing(Names::variantRank)
                .thenComparing(Names::variantOf);
    }

    /**
     * Orders variants as the papers list them (H2O, H2O-a, H2O-dr, H2O-a-dr, H2O-reg, H2O-reg-dr; ORIS, w/o
     * restart, H2O reweight, both): by the flags' ranks, highest first, compared as sequences.
     */
    private static String variantRank(String column) {
        List<String> order = MethodCatalog.byId(methodOf(column)).map(MethodInfo::flags).orElse(List.of());
        StringBuilder key = new StringBuilder();
        flagsOf(column).stream().map(f -> order.contains(f) ? order.indexOf(f) : 99)
                .sorted(Comparator.reverseOrder())
                .forEach(r -> key.append((char) ('A' + r)));
        return key.toString();
    }

    /** Task order of the papers (hopper, walker2d, halfcheetah), others after by name. */
    public static Comparator<String> taskOrder() {
        return Comparator.<String>comparingInt(t -> rank(TASK_ORDER, t)).thenComparing(Comparator.naturalOrder());
    }

    /** Dataset order of the papers (random, medium-replay, medium, medium-expert), subsets after their base, larger first. */
    public static Comparator<String> datasetOrder() {
        return Comparator.<String>comparingInt(d -> rank(DATASET_ORDER, baseDataset(d)))
                .thenComparing(Names::baseDataset)
                .thenComparing(Comparator.comparingDouble(Names::fraction).reversed());
    }

    /** Gap order: gravity, friction, action noise, others; by coefficient within a kind; {@code real} last. */
    public static Comparator<String> gapOrder() {
        return Comparator.<String>comparingInt(g -> g.equals(RunResult.REAL) ? 1 : 0)
                .thenComparingInt(g -> rank(GAP_ORDER, gapKind(g)))
                .thenComparing(Names::gapKind)
                .thenComparingDouble(g -> Double.isNaN(gapCoefficient(g)) ? Double.MAX_VALUE : gapCoefficient(g))
                .thenComparing(Comparator.naturalOrder());
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }
}
