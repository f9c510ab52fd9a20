package io.oris.pipeline.report;

import io.oris.pipeline.report.ReportTable.Score;
import io.oris.pipeline.report.ReportTable.Text;
import io.oris.pipeline.report.ReportTable.Value;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the report as one self-contained HTML page ({@code index.html}): inline CSS, every table, and
 * every figure embedded as a base64 PNG that links to the PNG file of the same name beside the page.
 * Nothing is loaded from elsewhere, so the page opens offline and can be mailed as one file.
 */
public final class HtmlReport {
    /** The file name inside the report folder. */
    public static final String FILE = "index.html";

    /** A figure already encoded as PNG, with the file it is saved under. */
    public record Image(String fileName, String section, String title, byte[] png) {
    }

    private static final String TABLE_THREE = "Table III (pick-place)";
    private static final List<String> SECTIONS = List.of("Table I", "Table II", TABLE_THREE, PickPlaceFigures.SUCCESS,
            Figures.SMALL_DATA,
            Figures.ROBUSTNESS, Figures.ABLATION, Figures.CURVES, "Runs");

    private HtmlReport() {
    }

    /** The page for a sweep: a summary line, then the tables and figures section by section. */
    public static String render(SweepScores s, List<ReportTable> tables, List<Image> images) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        SECTIONS.forEach(x -> sections.put(x, new StringBuilder()));
        int d = s.spec().decimals();
        for (ReportTable t : tables) {
            sections.computeIfAbsent(section(t.id()), k -> new StringBuilder()).append(table(t, d));
        }
        for (Image img : images) {
            sections.computeIfAbsent(img.section(), k -> new StringBuilder()).append(figure(img));
        }
        String title = "oris report: " + s.spec().sweepName();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#222;max-width:1400px}
                table{border-collapse:collapse;margin:0.5em 0 1.5em 0;font-size:0.9em}
                th,td{border-bottom:1px solid #ddd;padding:0.25em 0.6em;text-align:right;white-space:nowrap}
                th:first-child,td:first-child{text-align:left}
                th{border-bottom:2px solid #444}
                tr.summary td{border-top:2px solid #444;font-weight:600}
                td small{color:#a33}
                caption{caption-side:top;text-align:left;font-weight:600;padding:0.3em 0}
                figure{display:inline-block;margin:0.5em 1em 1em 0}
                figcaption{font-size:0.85em;color:#555}
                nav a{margin-right:1em}
                </style>
                </head>
                <body>
                """.formatted(escape(title)));
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(summary(s))).append("</p>\n<nav>");
        sections.forEach((name, body) -> {
            if (body.length() > 0) {
                html.append("<a href=\"#").append(anchor(name)).append("\">").append(escape(name)).append("</a>");
            }
        });
        html.append("</nav>\n");
        sections.forEach((name, body) -> {
            if (body.length() > 0) {
                html.append("<section id=\"").append(anchor(name)).append("\">\n<h2>").append(escape(name))
                        .append("</h2>\n").append(body).append("</section>\n");
            }
        });
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** {@code 30 runs: 27 succeeded, 1 failed, 2 missing; final score = mean of the last 3 evaluations.} */
    static String summary(SweepScores s) {
        List<RunScore> runs = s.runs();
        long ok = runs.stream().filter(r -> r.run().status().equals(RunResult.SUCCEEDED)).count();
        long failed = runs.stream().filter(RunScore::failed).count();
        long missing = runs.stream().filter(r -> r.run().status().equals(RunResult.MISSING)).count();
        return runs.size() + " runs: " + ok + " succeeded, " + failed + " failed, " + missing
                + " missing; final score of a run = mean normalized score of its last " + s.spec().lastK()
                + " evaluations; cells show mean ± sample std over seeds (failed and missing seeds excluded).";
    }

    private static String section(String tableId) {
        if (tableId.startsWith("table1_")) {
            return "Table I";
        }
        if (tableId.equals("table2")) {
            return "Table II";
        }
        if (tableId.startsWith("table3_")) {
            return TABLE_THREE;
        }
        if (tableId.startsWith("small_data_")) {
            return Figures.SMALL_DATA;
        }
        if (tableId.startsWith("robustness_")) {
            return Figures.ROBUSTNESS;
        }
        if (tableId.startsWith("ablation_")) {
            return Figures.ABLATION;
        }
        return "Runs";
    }

    private static String table(ReportTable t, int decimals) {
        StringBuilder sb = new StringBuilder("<table id=\"").append(escape(t.id())).append("\">\n<caption>")
                .append(escape(t.title())).append("</caption>\n<thead><tr>");
        t.header().forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (ReportTable.Row row : t.rows()) {
            sb.append(row.summary() ? "<tr class=\"summary\">" : "<tr>");
            for (Value v : row.values()) {
                sb.append("<td>").append(cell(v, decimals)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(Value v, int decimals) {
        if (v instanceof Text t) {
            return escape(t.text());
        }
        Score s = (Score) v;
        String number = escape(s.meanText(decimals) + (Double.isNaN(s.std()) ? "" : " ± " + s.stdText(decimals)));
        String shown = s.best() ? "<b>" + number + "</b>" : number;
        return s.note().isEmpty() ? shown : shown + " <small>(" + escape(s.note()) + ")</small>";
    }

    private static String figure(Image img) {
        return "<figure><a href=\"" + escape(img.fileName()) + "\"><img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(img.png()) + "\" alt=\"" + escape(img.title()) + "\" width=\""
                + Figures.WIDTH + "\"></a><figcaption>" + escape(img.title()) + " (" + escape(img.fileName())
                + ")</figcaption></figure>\n";
    }

    private static String anchor(String section) {
        return section.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

}
