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
import org.knowm.xchart.style.Styler;

/**
 * The pick-place figures of the report (ORIS Table III as bars): per Table III group, the Reach, Pick and Place
 * success rates of every method as grouped bars, and the learning curves as mean return in the real environment
 * (pick-place has no normalized score). The numbers are {@link PickPlaceTables}'s.
 */
public final class PickPlaceFigures {
    /** HTML section of the success-rate bars. */
    static final String SUCCESS = "Success rates (Table III)";

    private PickPlaceFigures() {
    }

    /** Grouped bars: x = method, one series per success kind (Reach, Pick, Place), in %. */
    public static List<Figure> successBars(SweepScores s) {
        List<Figure> figures = new ArrayList<>();
        for (PickPlaceTables.Group g : PickPlaceTables.groups(s)) {
            CategoryChart chart = new CategoryChartBuilder().width(Figures.WIDTH).height(Figures.HEIGHT)
                    .title("Success rates: " + g.label()).xAxisTitle("method").yAxisTitle("success rate %").build();
            style(chart.getStyler());
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(100.0);
            List<String> x = new ArrayList<>();
            List<List<Double>> y = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (String c : g.columns()) {
                Optional<PickPlaceTables.Rates> r = PickPlaceTables.cell(s, g, c)
                        .flatMap(cell -> PickPlaceTables.rates(cell, s.spec().lastK()));
                if (r.isEmpty()) {
                    continue;
                }
                x.add(Names.display(c));
                for (int i = 0; i < 3; i++) {
                    y.get(i).add(r.get().pooled()[i]);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            List<String> kinds = List.of("Reach", "Pick", "Place");
            for (int i = 0; i < 3; i++) {
                chart.addSeries(kinds.get(i), x, y.get(i));
            }
            figures.add(new Figure("success_" + g.id() + ".png", SUCCESS, chart.getTitle(), chart));
        }
        return figures;
    }

    /** Learning curves of the pick-place groups: mean return over seeds at every evaluation step, per method. */
    public static List<Figure> returnCurves(SweepScores s) {
        List<Figure> figures = new ArrayList<>();
        for (PickPlaceTables.Group g : PickPlaceTables.groups(s)) {
            XYChart chart = new XYChartBuilder().width(Figures.WIDTH).height(Figures.HEIGHT)
                    .title("Learning curves: " + g.label()).xAxisTitle("gradient step").yAxisTitle("return").build();
            style(chart.getStyler());
            for (String c : g.columns()) {
                Optional<CellStats> cell = PickPlaceTables.cell(s, g, c).filter(CellStats::hasScore);
                if (cell.isEmpty()) {
                    continue;
                }
                TreeMap<Long, List<Double>> byStep = new TreeMap<>();
                cell.get().runs().stream().filter(RunScore::usable).forEach(r -> r.run().curve().forEach(p ->
                        byStep.computeIfAbsent(p.step(), k -> new ArrayList<>()).add(p.meanReturn())));
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (Map.Entry<Long, List<Double>> e : byStep.entrySet()) {
                    xs.add((double) e.getKey());
                    ys.add(Stats.mean(e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
                }
                chart.addSeries(Names.display(c), xs, ys);
            }
            if (!chart.getSeriesMap().isEmpty()) {
                figures.add(new Figure("curve_" + g.id() + ".png", Figures.CURVES, chart.getTitle(), chart));
            }
        }
        return figures;
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setAntiAlias(true);
    }
}
