package io.oris.pipeline.report;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One figure of the report: the XChart chart, the PNG file name it is saved under, the report section it
 * belongs to and a title for the HTML page.
 */
public record Figure(String fileName, String section, String title, Chart<?, ?> chart) {
    public Figure {
        if (fileName == null || !fileName.matches("[A-Za-z0-9._-]+\\.png")) {
            throw new IllegalArgumentException("figure file name '" + fileName + "' must be a plain name ending in .png");
        }
    }
}
