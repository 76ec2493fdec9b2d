package org.raddiag.metrics.internal;

import java.util.List;
import java.util.Map;
import org.raddiag.metrics.BootstrapIntervals;
import org.raddiag.metrics.Calibration;
import org.raddiag.metrics.PrCurve;
import org.raddiag.metrics.ReferenceEvaluation;
import org.raddiag.metrics.RocCurve;
import org.raddiag.metrics.ThresholdedEvaluation;

/**
 * Everything a report shows; optional parts are null.
 *
 * @param labels class names, or null for "class i"
 * @param curves ROC and PR curves of selected classes, by class index, in display order
 */
public record ReportData(String title, List<String> labels, ReferenceEvaluation reference,
                         Map<Integer, Curves> curves, ThresholdedEvaluation fixedThresholds,
                         BootstrapIntervals bootstrap, Calibration calibration) {

    /** ROC and PR curves of one class. */
    public record Curves(RocCurve roc, PrCurve pr) {
    }

    /** Display name of class {@code i}. */
    public String label(int i) {
        return labels != null && i < labels.size() ? labels.get(i) : "class " + i;
    }
}
