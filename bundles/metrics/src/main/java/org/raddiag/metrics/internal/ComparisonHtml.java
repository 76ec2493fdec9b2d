package org.raddiag.metrics.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.raddiag.metrics.BootstrapIntervals.Interval;
import org.raddiag.metrics.ComparisonReport.Variant;
import org.raddiag.metrics.LossCurvePlot;
import org.raddiag.metrics.MacroIntervals;

/**
 * The comparison page: one table row per variant and split (estimate and bootstrap interval of each metric) and
 * one inline loss-curve plot per variant. No script, no external resource.
 */
public final class ComparisonHtml {
    private static final List<String> HEADINGS = List.of("AUC", "AP", "F1max", "MCC");

    private ComparisonHtml() {
    }

    public static String page(String title, String dataset, List<Variant> variants) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>").append(Html.esc(title))
                .append("</title><style>body{font-family:sans-serif;margin:1.5em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right;font-size:13px}th{background:#f3f3f3}td.name,td.settings{text-align:left}"
                        + "td.settings{font-family:monospace;font-size:11px;max-width:28em}tr.split-all td{font-weight:bold}"
                        + ".ci{color:#777;font-weight:normal;font-size:11px}figure{display:inline-block;margin:0 1em 1em 0}"
                        + "figcaption{font-weight:bold}</style></head><body>\n");
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n<p>Dataset: ").append(Html.esc(dataset))
                .append(". ").append(variants.size()).append(" variant(s). Macro means over the classes of each split"
                        + " that have both label values in the test split; in brackets a bootstrap percentile interval"
                        + " (NOT reference semantics). F1max and MCC at each class's oracle F1max threshold.</p>\n");
        b.append("<table id=\"comparison\"><thead><tr><th>Variant</th><th>Settings</th><th>Split</th>"
                + "<th>Classes</th>");
        HEADINGS.forEach(h -> b.append("<th>").append(h).append("</th>"));
        b.append("</tr></thead><tbody>\n");
        for (Variant v : variants) {
            boolean first = true;
            for (Map.Entry<String, MacroIntervals> e : v.splits().entrySet()) {
                b.append("<tr class=\"variant-row split-").append(Html.esc(e.getKey())).append("\" data-variant=\"")
                        .append(Html.esc(v.name())).append("\">");
                if (first) {
                    int rows = v.splits().size();
                    b.append("<td class=\"name\" rowspan=\"").append(rows).append("\">").append(Html.esc(v.name()))
                            .append("</td><td class=\"settings\" rowspan=\"").append(rows).append("\">")
                            .append(Html.esc(settings(v.settings()))).append("</td>");
                    first = false;
                }
                b.append("<td class=\"name\">").append(Html.esc(e.getKey())).append("</td><td>")
                        .append(e.getValue().classes()).append("</td>");
                for (Interval i : e.getValue().values()) {
                    b.append("<td>").append(Html.num(i.estimate())).append(" <span class=\"ci\">[")
                            .append(short3(i.lower())).append(", ").append(short3(i.upper())).append("]</span></td>");
                }
                b.append("</tr>\n");
            }
        }
        b.append("</tbody></table>\n<h2>Loss curves</h2>\n<div id=\"curves\">\n");
        for (Variant v : variants) {
            b.append("<figure class=\"curve\" data-variant=\"").append(Html.esc(v.name())).append("\"><figcaption>")
                    .append(Html.esc(v.name())).append("</figcaption>")
                    .append(LossCurvePlot.svg(v.name() + ": training loss", v.steps(), v.trainEpochs(),
                            v.valEpochs()))
                    .append("</figure>\n");
        }
        b.append("</div>\n</body></html>\n");
        return b.toString();
    }

    private static String settings(Map<String, String> s) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(s).forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    private static String short3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
