package org.raddiag.metrics.internal;

import static org.raddiag.metrics.internal.Html.esc;
import static org.raddiag.metrics.internal.Html.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.raddiag.api.data.LabelSet.Split;
import org.raddiag.metrics.BootstrapIntervals;
import org.raddiag.metrics.Calibration;
import org.raddiag.metrics.ClassMetrics;
import org.raddiag.metrics.MacroMetrics;
import org.raddiag.metrics.ReferenceEvaluation;
import org.raddiag.metrics.ReferenceMetrics;
import org.raddiag.metrics.ThresholdedEvaluation;
import org.raddiag.metrics.ThresholdedMacro;

/** Self-contained HTML form of a report: XHTML-compatible markup, inline CSS and SVG, no scripts or links. */
public final class ReportHtml {
    private static final String CSS = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:2px 6px;"
            + "text-align:right;font-size:13px}th{background:#f3f3f3}td.l,th.l{text-align:left}"
            + "tr.skip td{color:#999}.note{background:#fff6dd;border-left:4px solid #e0a800;padding:.4em .8em}"
            + ".plots{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}.sw{display:inline-block;"
            + "width:10px;height:10px;margin-right:4px}";

    private ReportHtml() {
    }

    public static String toHtml(ReportData d) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"/><title>").append(esc(d.title())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n<h1>").append(esc(d.title())).append("</h1>\n");
        reference(b, d);
        b.append("<h2>Not reference semantics</h2>\n<p class=\"note\">The numbers below are additions for honest"
                + " reporting. They are not comparable with the published RP3D tables.</p>\n");
        if (d.fixedThresholds() != null) {
            fixed(b, d.fixedThresholds());
        }
        if (d.bootstrap() != null) {
            bootstrap(b, d.bootstrap());
        }
        if (d.calibration() != null) {
            calibration(b, d.calibration());
        }
        return b.append("</body></html>\n").toString();
    }

    private static void reference(StringBuilder b, ReportData d) {
        ReferenceEvaluation r = d.reference();
        b.append("<h2>Reference metrics</h2>\n<p>RP3D <code>eval_strategy</code> semantics (scikit-learn 1.2/1.3):"
                + " F1max uses the oracle threshold chosen on this set; R@x is the TPR at the ROC point whose FPR is"
                + " nearest to x. Macro means run over the classes with both label values.</p>\n");
        b.append("<table class=\"macro\"><tr><th class=\"l\">split</th><th>classes</th><th>valid</th>"
                + "<th>mAUC</th><th>mAP</th><th>mF1max</th><th>mMCC</th>");
        r.fprTargets().forEach(x -> b.append("<th>mR@").append(x).append("</th>"));
        b.append("</tr>\n");
        macroRow(b, "all", r.all());
        for (Map.Entry<Split, MacroMetrics> e : r.bySplit().entrySet()) {
            macroRow(b, e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        b.append("</table>\n");
        curves(b, d);
        b.append("<h3>Per class</h3>\n<table class=\"classes\"><tr><th>#</th><th class=\"l\">label</th>"
                + "<th class=\"l\">split</th><th>pos</th><th>neg</th><th>AUC</th><th>AP</th><th>F1max</th>"
                + "<th>threshold</th><th>MCC</th>");
        r.fprTargets().forEach(x -> b.append("<th>R@").append(x).append("</th>"));
        b.append("</tr>\n");
        for (ClassMetrics c : r.perClass()) {
            b.append(c.skipped() ? "<tr class=\"skip\">" : "<tr>").append("<td>").append(c.classIndex())
                    .append("</td><td class=\"l\">").append(esc(d.label(c.classIndex()))).append("</td><td class=\"l\">")
                    .append(r.splits().split(c.classIndex()).name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(c.positives()).append("</td><td>").append(c.negatives()).append("</td>");
            if (c.skipped()) {
                b.append("<td class=\"l\" colspan=\"").append(5 + r.fprTargets().size())
                        .append("\">skipped (single label value)</td></tr>\n");
                continue;
            }
            cells(b, c.auc(), c.ap(), c.f1max(), c.threshold(), c.mcc());
            c.recallAtFpr().forEach(x -> cells(b, x.recall()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void macroRow(StringBuilder b, String name, MacroMetrics m) {
        b.append("<tr><td class=\"l\">").append(name).append("</td><td>").append(m.to() - m.from())
                .append("</td><td>").append(m.validClasses()).append("</td>");
        cells(b, m.auc(), m.ap(), m.f1max(), m.mcc());
        m.recallAtFpr().forEach(x -> cells(b, x));
        b.append("</tr>\n");
    }

    private static void cells(StringBuilder b, double... v) {
        for (double x : v) {
            b.append("<td>").append(num(x)).append("</td>");
        }
    }

    private static void curves(StringBuilder b, ReportData d) {
        if (d.curves().isEmpty()) {
            return;
        }
        List<Svg.Series> roc = new ArrayList<>();
        List<Svg.Series> pr = new ArrayList<>();
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        int k = 0;
        for (Map.Entry<Integer, ReportData.Curves> e : d.curves().entrySet()) {
            String colour = Svg.COLOURS.get(k++ % Svg.COLOURS.size());
            ReportData.Curves c = e.getValue();
            roc.add(new Svg.Series(c.roc().fpr(), c.roc().tpr(), colour));
            pr.add(new Svg.Series(c.pr().recall(), c.pr().precision(), colour));
            legend.append("<li><span class=\"sw\" style=\"background:").append(colour).append("\"></span>")
                    .append(esc(d.label(e.getKey()))).append(" (#").append(e.getKey()).append("): AUC ")
                    .append(num(ReferenceMetrics.auc(c.roc()))).append(", AP ")
                    .append(num(ReferenceMetrics.averagePrecision(c.pr()))).append("</li>");
        }
        b.append("<h3>Curves</h3>\n<div class=\"plots\">")
                .append(Svg.plot("ROC curves", "false positive rate", "true positive rate", true, roc))
                .append(Svg.plot("Precision-recall curves", "recall", "precision", false, pr))
                .append(legend).append("</ul></div>\n");
    }

    private static void fixed(StringBuilder b, ThresholdedEvaluation t) {
        b.append("<h3>Thresholds fixed on the validation split</h3>\n<p>Per-class F1max thresholds chosen on the"
                + " validation split, applied unchanged to this split (score &gt;= threshold).</p>\n"
                + "<table class=\"fixed\"><tr><th class=\"l\">split</th><th>valid</th><th>precision</th>"
                + "<th>recall</th><th>F1</th><th>MCC</th></tr>\n");
        fixedRow(b, "all", t.all());
        t.bySplit().forEach((s, m) -> fixedRow(b, s.name().toLowerCase(Locale.ROOT), m));
        b.append("</table>\n");
    }

    private static void fixedRow(StringBuilder b, String name, ThresholdedMacro m) {
        b.append("<tr><td class=\"l\">").append(name).append("</td><td>").append(m.validClasses()).append("</td>");
        cells(b, m.precision(), m.recall(), m.f1(), m.mcc());
        b.append("</tr>\n");
    }

    private static void bootstrap(StringBuilder b, BootstrapIntervals bi) {
        b.append("<h3>Bootstrap confidence intervals</h3>\n<p>").append(bi.resamples())
                .append(" case resamples, seed ").append(bi.seed()).append(", percentile intervals at level ")
                .append(bi.level()).append(".</p>\n<table class=\"bootstrap\"><tr><th class=\"l\">split</th>"
                        + "<th>mAUC</th><th>lower</th><th>upper</th><th>mAP</th><th>lower</th><th>upper</th></tr>\n");
        bootRow(b, "all", bi.all());
        bi.bySplit().forEach((s, p) -> bootRow(b, s.name().toLowerCase(Locale.ROOT), p));
        b.append("</table>\n");
    }

    private static void bootRow(StringBuilder b, String name, BootstrapIntervals.Pair p) {
        b.append("<tr><td class=\"l\">").append(name).append("</td>");
        cells(b, p.auc().estimate(), p.auc().lower(), p.auc().upper(), p.ap().estimate(), p.ap().lower(),
                p.ap().upper());
        b.append("</tr>\n");
    }

    private static void calibration(StringBuilder b, Calibration c) {
        List<Calibration.Bin> filled = c.reliability().stream().filter(x -> x.count() > 0).toList();
        double[] x = filled.stream().mapToDouble(Calibration.Bin::meanScore).toArray();
        double[] y = filled.stream().mapToDouble(Calibration.Bin::observedRate).toArray();
        b.append("<h3>Calibration</h3>\n<p>").append(c.count()).append(" predictions, ").append(c.bins())
                .append(" bins: ECE ").append(num(c.ece())).append(", Brier ").append(num(c.brier()))
                .append(".</p>\n<div class=\"plots\">")
                .append(Svg.plot("Reliability diagram", "mean score", "observed rate", true,
                        List.of(new Svg.Series(x, y, Svg.COLOURS.get(0)))))
                .append("<table class=\"calibration\"><tr><th>bin</th><th>count</th><th>mean score</th>"
                        + "<th>observed</th></tr>\n");
        for (Calibration.Bin bin : c.reliability()) {
            b.append("<tr><td>").append(num(bin.lower())).append("-").append(num(bin.upper())).append("</td><td>")
                    .append(bin.count()).append("</td>");
            cells(b, bin.meanScore(), bin.observedRate());
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
    }
}
