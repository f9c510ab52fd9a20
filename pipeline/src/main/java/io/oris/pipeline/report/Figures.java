package io.oris.pipeline.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;

/**
 * The report's figures, drawn with XChart: ORIS Fig. 3 left (score vs data fraction) and right (score vs
 * gap coefficient), the ablation bars of Fig. 4, and learning curves (mean normalized score over seeds
 * with a ± std band). Every chart is data from the scored sweep; nothing is drawn by hand.
 */
public final class Figures {
    /** Width of every figure in pixels. */
    public static final int WIDTH = 720;
    /** Height of every figure in pixels. */
    public static final int HEIGHT = 440;
    static final String SMALL_DATA = "Small data";
    static final String ROBUSTNESS = "Robustness";
    static final String ABLATION = "Ablation";
    static final String CURVES = "Learning curves";

    private Figures() {
    }

    /** The figure kinds of a standard report, in the order the HTML page shows them. */
    public static List<FigureStep> standardSteps() {
        return List.of(Figures::smallData, Figures::robustness, Figures::orisAblation, PickPlaceFigures::successBars,
                Figures::learningCurves, PickPlaceFigures::returnCurves);
    }

    /** Grouped bars of the normalized score per method at 100 / 25 / 5 % of the data, with ± std error bars. */
    public static List<Figure> smallData(SweepScores s) {
        List<Figure> figures = new ArrayList<>();
        for (SweepGroups.SmallDataGroup g : SweepGroups.smallDataGroups(s)) {
            CategoryChart chart = categoryChart("Small data: " + Names.taskDataset(g.task(), g.base()) + ", "
                    + Names.gapDisplay(g.gap()), "fraction of trajectories");
            List<String> x = g.fractions().stream().map(Names::percent).toList();
            for (String c : g.columns()) {
                List<Optional<CellStats>> cells = g.datasets().stream().map(d -> s.resolve(c, g.task(), d, g.gap())).toList();
                addBars(chart, Names.display(c), x, cells);
            }
            if (!chart.getSeriesMap().isEmpty()) {
                figures.add(new Figure(g.id() + ".png", SMALL_DATA, chart.getTitle(), chart));
            }
        }
        return figures;
    }

    /** Lines of the normalized score against the gap coefficient (e.g. gravity ×2…5) per method, ± std error bars. */
    public static List<Figure> robustness(SweepScores s) {
        List<Figure> figures = new ArrayList<>();
        for (SweepGroups.RobustnessGroup g : SweepGroups.robustnessGroups(s)) {
            XYChart chart = xyChart("Robustness: " + Names.taskDataset(g.task(), g.dataset()) + ", score vs " + g.kind(),
                    g.kind() + " coefficient");
            for (String c : g.columns()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                List<Double> e = new ArrayList<>();
                for (String gap : g.gaps()) {
                    Optional<CellStats> cell = s.underGap(c, g.task(), g.dataset(), gap).filter(CellStats::hasScore);
                    if (cell.isPresent()) {
                        x.add(Names.gapCoefficient(gap));
                        y.add(cell.get().mean());
                        e.add(Double.isNaN(cell.get().std()) ? 0.0 : cell.get().std());
                    }
                }
                if (!x.isEmpty()) {
                    chart.addSeries(Names.display(c), x, y, e);
                }
            }
            if (!chart.getSeriesMap().isEmpty()) {
                figures.add(new Figure(g.id() + ".png", ROBUSTNESS, chart.getTitle(), chart));
            }
        }
        return figures;
    }

    /** Bars of ORIS and each ORIS variant (ORIS Fig. 4) per task-dataset-gap with variants, ± std error bars. */
    public static List<Figure> orisAblation(SweepScores s) {
        List<Figure> figures = new ArrayList<>();
        for (SweepGroups.AblationGroup g : SweepGroups.ablationGroups(s, "oris")) {
            CategoryChart chart = categoryChart("ORIS ablation: " + Names.taskDataset(g.task(), g.dataset()) + ", "
                    + Names.gapDisplay(g.gap()), "variant");
            chart.getStyler().setLegendVisible(false);
            List<String> x = new ArrayList<>();
            List<Optional<CellStats>> cells = new ArrayList<>();
            for (String c : g.columns()) {
                x.add(c.equals("oris") ? "Original" : Names.display(c).replace("ORIS (", "").replace(")", ""));
                cells.add(s.exact(c, g.task(), g.dataset(), g.gap()));
            }
            addBars(chart, "normalized score", x, cells);
            if (!chart.getSeriesMap().isEmpty()) {
                figures.add(new Figure(g.id() + ".png", ABLATION, chart.getTitle(), chart));
            }
        }
        return figures;
    }

    /**
     * Learning curves per task-dataset-gap: for each column with scores, the mean normalized score over its
     * succeeded seeds at every evaluation step, with a shaded band of ± one sample std.
     */
    public static List<Figure> learningCurves(SweepScores s) {
        List<Figure> figures = new ArrayList<>();
        for (String gap : s.tableGaps()) {
            List<TaskDataset> rows = new ArrayList<>(s.rows(gap, false));
            rows.addAll(s.rows(gap, true));
            for (TaskDataset r : rows) {
                XYChart chart = xyChart("Learning curves: " + r.label() + ", " + Names.gapDisplay(gap), "gradient step");
                Color[] palette = chart.getStyler().getSeriesColors();
                int i = 0;
                for (String c : s.columns()) {
                    Optional<CellStats> cell = s.resolve(c, r.task(), r.dataset(), gap).filter(CellStats::hasScore);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    Color color = palette[i++ % palette.length];
                    addCurve(chart, Names.display(c), meanCurve(cell.get()), color);
                }
                if (!chart.getSeriesMap().isEmpty()) {
                    figures.add(new Figure("curve_" + Names.fileSafe(r.label() + "_" + gap) + ".png", CURVES,
                            chart.getTitle(), chart));
                }
            }
        }
        return figures;
    }

    /** The seeds' curves of a cell averaged per step: step, mean, sample std (NaN with one seed at that step). */
    public static double[][] meanCurve(CellStats cell) {
        TreeMap<Long, List<Double>> byStep = new TreeMap<>();
        for (RunScore r : cell.runs()) {
            if (r.usable()) {
                r.run().curve().forEach(p -> byStep.computeIfAbsent(p.step(), k -> new ArrayList<>())
                        .add(p.meanNormalizedScore()));
            }
        }
        double[][] out = new double[3][byStep.size()];
        int i = 0;
        for (Map.Entry<Long, List<Double>> e : byStep.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            out[0][i] = e.getKey();
            out[1][i] = Stats.mean(v);
            out[2][i] = Stats.sampleStd(v);
            i++;
        }
        return out;
    }

    private static void addCurve(XYChart chart, String name, double[][] curve, Color color) {
        double[] x = curve[0];
        double[] mean = curve[1];
        double[] std = curve[2];
        boolean band = false;
        for (double v : std) {
            band |= !Double.isNaN(v);
        }
        if (band && x.length > 1) {
            double[] bx = new double[2 * x.length];
            double[] by = new double[2 * x.length];
            for (int k = 0; k < x.length; k++) {
                double sd = Double.isNaN(std[k]) ? 0 : std[k];
                bx[k] = x[k];
                by[k] = mean[k] + sd;
                bx[2 * x.length - 1 - k] = x[k];
                by[2 * x.length - 1 - k] = mean[k] - sd;
            }
            XYSeries area = chart.addSeries(name + " ± std", bx, by);
            area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
            area.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
            area.setMarker(SeriesMarkers.NONE);
            area.setShowInLegend(false);
        }
        XYSeries line = chart.addSeries(name, x, mean);
        line.setLineColor(color);
        line.setMarkerColor(color);
        line.setMarker(x.length > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }

    private static void addBars(CategoryChart chart, String name, List<String> x, List<Optional<CellStats>> cells) {
        List<Double> y = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        boolean any = false;
        for (Optional<CellStats> cell : cells) {
            Optional<CellStats> c = cell.filter(CellStats::hasScore);
            any |= c.isPresent();
            y.add(c.map(CellStats::mean).orElse(null));
            e.add(c.map(x1 -> Double.isNaN(x1.std()) ? 0.0 : x1.std()).orElse(0.0));
        }
        if (!any) {
            return;
        }
        if (y.contains(null)) {
            chart.addSeries(name, x, y);   // XChart 3.8 draws holes (null) only without error bars
        } else {
            chart.addSeries(name, x, y, e);
        }
    }

    private static CategoryChart categoryChart(String title, String xTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("normalized score").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    private static XYChart xyChart(String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("normalized score").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }
}
