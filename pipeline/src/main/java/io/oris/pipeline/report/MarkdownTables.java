package io.oris.pipeline.report;

import io.oris.pipeline.report.ReportTable.Score;
import io.oris.pipeline.report.ReportTable.Text;
import io.oris.pipeline.report.ReportTable.Value;
import java.util.List;

/** Renders report tables as GitHub-flavoured Markdown; the best score of a row is bold. */
public final class MarkdownTables {
    private MarkdownTables() {
    }

    /** All tables under a level-1 heading for the sweep, each with a level-2 heading. */
    public static String render(String heading, List<ReportTable> tables, int decimals) {
        StringBuilder sb = new StringBuilder("# ").append(heading).append("\n\n");
        for (ReportTable t : tables) {
            sb.append(render(t, decimals)).append('\n');
        }
        return sb.toString();
    }

    /** One table with its title as a level-2 heading. */
    public static String render(ReportTable t, int decimals) {
        StringBuilder sb = new StringBuilder("## ").append(t.title()).append("\n\n|");
        t.header().forEach(h -> sb.append(' ').append(escape(h)).append(" |"));
        sb.append("\n|");
        for (int i = 0; i < t.header().size(); i++) {
            int col = i;
            boolean numbers = t.rows().stream().anyMatch(r -> r.values().get(col) instanceof Score);
            sb.append(i == 0 || !numbers ? " :--- |" : " ---: |");
        }
        sb.append('\n');
        for (ReportTable.Row row : t.rows()) {
            sb.append('|');
            for (Value v : row.values()) {
                sb.append(' ').append(cell(v, decimals, row.summary() && v == row.values().get(0))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(Value v, int decimals, boolean summaryLabel) {
        if (v instanceof Text t) {
            return summaryLabel ? "**" + escape(t.text()) + "**" : escape(t.text());
        }
        Score s = (Score) v;
        String number = s.meanText(decimals) + (Double.isNaN(s.std()) ? "" : " ± " + s.stdText(decimals));
        String shown = s.best() ? "**" + number + "**" : number;
        return s.note().isEmpty() ? shown : shown + " (" + escape(s.note()) + ")";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
