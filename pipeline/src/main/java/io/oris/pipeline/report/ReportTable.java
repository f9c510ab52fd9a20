package io.oris.pipeline.report;

import java.util.List;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rendered-format-neutral table of the report: an id (file name stem), a title, a header and rows of
 * values. The Markdown, CSV, LaTeX, HTML and plain-text renderers all draw the same tables, so their
 * numbers cannot disagree.
 */
public record ReportTable(String id, String title, List<String> header, List<Row> rows) {
    public ReportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.values().size() != header.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + r.values().size()
                        + " values for " + header.size() + " columns");
            }
        }
    }

    /** One row; a summary row (an "Average" row) is set apart by the renderers that can. */
    public record Row(List<Value> values, boolean summary) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /** A table value: plain text, or a score with its spread. */
    public sealed interface Value permits Text, Score {
    }

    /** A text value (labels, "failed (5/5)", check marks). */
    public record Text(String text) implements Value {
    }

    /**
     * A score: mean ± std (std NaN when it is undefined, e.g. one seed), a note such as {@code n=4/5;
     * failed 1/5}, and whether it is the best of its row (shown in bold where the format allows).
     */
    public record Score(double mean, double std, String note, boolean best) implements Value {
        public Score {
            note = note == null ? "" : note;
        }

        /** The mean with {@code decimals} decimals. */
        public String meanText(int decimals) {
            return number(mean, decimals);
        }

        /** The std with {@code decimals} decimals, or {@code ""} when undefined. */
        public String stdText(int decimals) {
            return Double.isNaN(std) ? "" : number(std, decimals);
        }

        /** {@code mean<pm>std (note)}; just the mean when std is undefined. */
        public String format(int decimals, String pm) {
            String s = meanText(decimals) + (Double.isNaN(std) ? "" : pm + stdText(decimals));
            return note.isEmpty() ? s : s + " (" + note + ")";
        }
    }

    /**
     * A number in the report's fixed notation, rounded from its exact binary value half-to-even as C's
     * printf, Python and pandas do, so the notebook prints the same digits (locale-independent).
     */
    public static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
