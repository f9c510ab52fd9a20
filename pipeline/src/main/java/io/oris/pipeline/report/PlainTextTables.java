package io.oris.pipeline.report;

import io.oris.pipeline.report.ReportTable.Score;
import io.oris.pipeline.report.ReportTable.Text;
import io.oris.pipeline.report.ReportTable.Value;
import java.util.ArrayList;
import java.util.List;

/** Renders report tables as aligned plain text for the terminal (monospace, no markup). */
public final class PlainTextTables {
    private PlainTextTables() {
    }

    /** The tables one after the other, separated by a blank line. */
    public static String render(List<ReportTable> tables, int decimals) {
        List<String> parts = new ArrayList<>();
        tables.forEach(t -> parts.add(render(t, decimals)));
        return String.join("\n", parts);
    }

    /** One table: title, header, a rule, rows; summary rows set apart by a rule. */
    public static String render(ReportTable t, int decimals) {
        int cols = t.header().size();
        List<List<String>> cells = new ArrayList<>();
        for (ReportTable.Row row : t.rows()) {
            cells.add(row.values().stream().map(v -> text(v, decimals)).toList());
        }
        int[] width = new int[cols];
        for (int i = 0; i < cols; i++) {
            width[i] = t.header().get(i).length();
            for (List<String> r : cells) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        int total = 0;
        for (int w : width) {
            total += w;
        }
        String rule = "-".repeat(total + 2 * (cols - 1));
        StringBuilder sb = new StringBuilder(t.title()).append('\n');
        line(sb, t.header(), width);
        sb.append(rule).append('\n');
        for (int r = 0; r < cells.size(); r++) {
            if (t.rows().get(r).summary()) {
                sb.append(rule).append('\n');
            }
            line(sb, cells.get(r), width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                l.append("  ");
            }
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            l.append(i == 0 ? c + pad : pad + c);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static String text(Value v, int decimals) {
        return v instanceof Text t ? t.text() : ((Score) v).format(decimals, " ± ");
    }
}
