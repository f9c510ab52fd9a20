package io.oris.pipeline.results;

import io.oris.pipeline.report.CellKey;
import io.oris.pipeline.report.Figure;
import io.oris.pipeline.report.Figures;
import io.oris.pipeline.report.Names;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of ORIS's state weight w(s) over training for one cell (an ORIS column on one task, dataset and gap),
 * drawn with XChart from its {@link WeightCurves}: the distribution (a p10–p90 band, the median and the mean; a
 * mean ± std band when the percentiles were not logged) and, when logged, the fraction of simulated rows at the lower
 * clip w_min (and at the upper clip w_max). Whatever metric is absent is left out; no metric, no figure. The
 * {@code h2o_reweight} variants weight the simulated rows by H2O's clipped dynamics ratio instead of w(s) and log it
 * under the same metrics, so their figures are titled after the ratio ({@link #weightName}).
 */
public final class WeightFigures {
    /** Section of these figures in the README. */
    public static final String SECTION = "w(s) over training";
    private static final Color BAND = new Color(31, 119, 180, 60);
    private static final Color MEDIAN = new Color(31, 119, 180);
    private static final Color MEAN = new Color(214, 39, 40);
    private static final Color LOWER = new Color(148, 103, 189);
    private static final Color UPPER = new Color(44, 160, 44);

    private WeightFigures() {
    }

    /** The figures of {@code cell}: distribution first, then the clip fractions; empty when nothing was logged. */
    public static List<Figure> draw(CellKey cell, WeightCurves w) {
        List<Figure> figures = new ArrayList<>();
        String where = Names.display(cell.column()) + ", " + Names.taskDataset(cell.task(), cell.dataset()) + ", "
                + Names.gapDisplay(cell.gap());
        String stem = Names.fileSafe(cell.column() + "_" + Names.taskDataset(cell.task(), cell.dataset()) + "_" + cell.gap());
        String name = weightName(cell.column());
        distribution(w, name + " over training: " + where, name).ifPresent(c ->
                figures.add(new Figure("wdist_" + stem + ".png", SECTION, c.getTitle(), c)));
        clipFractions(w, name + " at the clips: " + where).ifPresent(c ->
                figures.add(new Figure("wclip_" + stem + ".png", SECTION, c.getTitle(), c)));
        return figures;
    }

    /**
     * What the TD weight of the simulated rows is in an ORIS column: {@code w(s)}, or H2O's clipped dynamics ratio
     * P_real/P_sim(s'|s,a) in the {@code h2o_reweight} variants.
     */
    public static String weightName(String column) {
        return java.util.Arrays.asList(Names.variantOf(column).split("-")).contains("h2o_reweight")
                ? "dynamics ratio" : "w(s)";
    }

    private static Optional<XYChart> distribution(WeightCurves w, String title, String name) {
        XYChart chart = chart(title, name + " of the simulated rows");
        Optional<WeightCurves.Curve> p10 = w.get(WeightCurves.P10);
        Optional<WeightCurves.Curve> p90 = w.get(WeightCurves.P90);
        Optional<WeightCurves.Curve> mean = w.get(WeightCurves.MEAN);
        Optional<WeightCurves.Curve> std = w.get(WeightCurves.STD);
        if (p10.isPresent() && p90.isPresent()) {
            band(chart, "p10–p90", p10.get(), p90.get());
        } else if (mean.isPresent() && std.isPresent()) {
            band(chart, "mean ± std", subtract(mean.get(), std.get()), add(mean.get(), std.get()));
        }
        w.get(WeightCurves.P50).ifPresent(c -> line(chart, "median (p50)", c, MEDIAN));
        mean.ifPresent(c -> line(chart, "mean", c, MEAN));
        return chart.getSeriesMap().isEmpty() ? Optional.empty() : Optional.of(chart);
    }

    private static Optional<XYChart> clipFractions(WeightCurves w, String title) {
        XYChart chart = chart(title, "fraction of simulated rows");
        w.get(WeightCurves.AT_MIN).ifPresent(c -> line(chart, "at the lower clip", c, LOWER));
        w.get(WeightCurves.AT_MAX).ifPresent(c -> line(chart, "at the upper clip", c, UPPER));
        if (chart.getSeriesMap().isEmpty()) {
            return Optional.empty();
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        return Optional.of(chart);
    }

    /** A shaded band between two curves, over the steps both have. */
    private static void band(XYChart chart, String name, WeightCurves.Curve lower, WeightCurves.Curve upper) {
        TreeMap<Double, double[]> both = new TreeMap<>();
        for (int i = 0; i < lower.steps().length; i++) {
            both.put(lower.steps()[i], new double[] {lower.mean()[i], Double.NaN});
        }
        for (int i = 0; i < upper.steps().length; i++) {
            double[] v = both.get(upper.steps()[i]);
            if (v != null) {
                v[1] = upper.mean()[i];
            }
        }
        both.values().removeIf(v -> Double.isNaN(v[1]));
        if (both.isEmpty()) {
            return;
        }
        int n = both.size();
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        int k = 0;
        for (Map.Entry<Double, double[]> e : both.entrySet()) {
            x[k] = e.getKey();
            y[k] = e.getValue()[1];
            x[2 * n - 1 - k] = e.getKey();
            y[2 * n - 1 - k] = e.getValue()[0];
            k++;
        }
        XYSeries area = chart.addSeries(name, x, y);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        area.setFillColor(BAND);
        area.setLineColor(new Color(0, 0, 0, 0));
        area.setMarker(SeriesMarkers.NONE);
    }

    private static void line(XYChart chart, String name, WeightCurves.Curve c, Color color) {
        XYSeries s = chart.addSeries(name, c.steps(), c.mean());
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineStyle(new BasicStroke(2f));
        s.setMarker(c.steps().length > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }

    private static WeightCurves.Curve add(WeightCurves.Curve a, WeightCurves.Curve b) {
        return combine(a, b, 1);
    }

    private static WeightCurves.Curve subtract(WeightCurves.Curve a, WeightCurves.Curve b) {
        return combine(a, b, -1);
    }

    /** a + sign·b at the steps both have. */
    private static WeightCurves.Curve combine(WeightCurves.Curve a, WeightCurves.Curve b, int sign) {
        TreeMap<Double, Double> bs = new TreeMap<>();
        for (int i = 0; i < b.steps().length; i++) {
            bs.put(b.steps()[i], b.mean()[i]);
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < a.steps().length; i++) {
            Double v = bs.get(a.steps()[i]);
            if (v != null) {
                points.add(new double[] {a.steps()[i], a.mean()[i] + sign * v, a.seeds()[i]});
            }
        }
        double[] steps = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] values = points.stream().mapToDouble(p -> p[1]).toArray();
        int[] seeds = points.stream().mapToInt(p -> (int) p[2]).toArray();
        return new WeightCurves.Curve(steps, values, seeds);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(Figures.WIDTH).height(Figures.HEIGHT).title(title)
                .xAxisTitle("gradient step").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }
}
