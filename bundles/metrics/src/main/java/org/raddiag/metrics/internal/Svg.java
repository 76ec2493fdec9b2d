package org.raddiag.metrics.internal;

import java.util.List;
import java.util.Locale;

/** Inline SVG line plots on the unit square (ROC, PR, reliability), XML-well-formed. */
public final class Svg {
    /** Series colours, cycled. */
    public static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
            "#8c564b", "#e377c2", "#17becf");
    private static final int SIZE = 260;
    private static final int PAD = 34;

    private Svg() {
    }

    /** One line: x and y in [0, 1]. */
    public record Series(double[] x, double[] y, String colour) {
    }

    /** A square plot with axes labels, an optional diagonal and the series. */
    public static String plot(String title, String xLabel, String yLabel, boolean diagonal, List<Series> series) {
        int w = SIZE - 2 * PAD;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(SIZE).append("\" height=\"")
                .append(SIZE).append("\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" role=\"img\"><title>").append(Html.esc(title)).append("</title>");
        b.append("<rect x=\"").append(PAD).append("\" y=\"").append(PAD / 2).append("\" width=\"").append(w)
                .append("\" height=\"").append(w).append("\" fill=\"#fff\" stroke=\"#888\"/>");
        for (int k = 1; k < 5; k++) {
            double t = k / 5.0;
            b.append(line(t, 0, t, 1, "#eee")).append(line(0, t, 1, t, "#eee"));
        }
        if (diagonal) {
            b.append(line(0, 0, 1, 1, "#bbb"));
        }
        for (Series s : series) {
            b.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(s.colour())
                    .append("\" points=\"");
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    b.append(fmt(px(s.x()[i]))).append(',').append(fmt(py(s.y()[i]))).append(' ');
                }
            }
            b.append("\"/>");
        }
        b.append(text(PAD + w / 2.0, SIZE - 4, xLabel, "middle"));
        b.append("<text x=\"10\" y=\"").append(PAD / 2 + w / 2).append("\" font-size=\"11\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 10 ").append(PAD / 2 + w / 2).append(")\">").append(Html.esc(yLabel))
                .append("</text>");
        b.append(text(PAD, PAD / 2.0 + w + 12, "0", "middle")).append(text(PAD + w, PAD / 2.0 + w + 12, "1", "middle"))
                .append(text(PAD - 4, PAD / 2.0 + w, "0", "end")).append(text(PAD - 4, PAD / 2.0 + 8, "1", "end"));
        return b.append("</svg>").toString();
    }

    private static double px(double x) {
        return PAD + x * (SIZE - 2 * PAD);
    }

    private static double py(double y) {
        return PAD / 2.0 + (1 - y) * (SIZE - 2 * PAD);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + fmt(px(x1)) + "\" y1=\"" + fmt(py(y1)) + "\" x2=\"" + fmt(px(x2)) + "\" y2=\""
                + fmt(py(y2)) + "\" stroke=\"" + colour + "\"/>";
    }

    private static String text(double x, double y, String s, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">"
                + Html.esc(s) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
