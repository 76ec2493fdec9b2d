package org.raddiag.workflows.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.metrics.BootstrapIntervals;
import org.raddiag.metrics.ClassSplits;
import org.raddiag.metrics.EvaluationReport;
import org.raddiag.metrics.MacroIntervals;
import org.raddiag.metrics.MacroMetrics;
import org.raddiag.metrics.Predictions;
import org.raddiag.metrics.ReferenceEvaluation;
import org.raddiag.metrics.ReferenceMetrics;
import org.raddiag.metrics.ValidationThresholds;

/**
 * The evaluation of a model on a test split: the reference metrics per class and per frequency split, and beyond the
 * reference, F1/MCC at thresholds fixed on the validation split and bootstrap intervals; written as
 * {@code report.json} and {@code report.html}.
 */
final class Evaluation {
    private final ReferenceEvaluation reference;
    private final ValidationThresholds thresholds;
    private final Predictions test;
    private final ClassSplits splits;

    private Evaluation(ReferenceEvaluation reference, ValidationThresholds thresholds, Predictions test,
            ClassSplits splits) {
        this.reference = reference;
        this.thresholds = thresholds;
        this.test = test;
        this.splits = splits;
    }

    /** @param validation predictions on the validation split for fixed thresholds, or null */
    static Evaluation run(Predictions test, Predictions validation, LabelSet labels, String title, Path outDir)
            throws IOException {
        ClassSplits splits = ClassSplits.of(labels);
        ReferenceEvaluation ref = ReferenceMetrics.evaluate(test, splits);
        ValidationThresholds t = validation == null ? null : ValidationThresholds.fitF1max(validation);
        EvaluationReport report = EvaluationReport.of(ref).title(title).labels(labels)
                .curves(test, firstValid(ref, 4))
                .bootstrap(BootstrapIntervals.compute(test, splits, 200, 0.95, 7));
        if (t != null) {
            report = report.fixedThresholds(t.apply(test, splits));
        }
        Files.createDirectories(outDir);
        report.writeJson(outDir.resolve("report.json"));
        report.writeHtml(outDir.resolve("report.html"));
        return new Evaluation(ref, t, test, splits);
    }

    /** Per-class thresholds fitted on the validation split (F1max), or null when there was none. */
    ValidationThresholds thresholds() {
        return thresholds;
    }

    /** Bootstrap intervals of macro AUC, AP, F1max and MCC per split (95%, the report's seed). */
    Map<String, MacroIntervals> intervals(int resamples) {
        return MacroIntervals.compute(test, splits, resamples, 0.95, 7);
    }

    ReferenceEvaluation reference() {
        return reference;
    }

    /** Macro AUC per split name (head, medium, tail, all); NaN where a split has no valid class. */
    Map<String, Double> macroAuc() {
        Map<String, Double> m = new LinkedHashMap<>();
        reference.bySplit().forEach((s, v) -> m.put(s.name().toLowerCase(), v.auc()));
        m.put("all", reference.all().auc());
        return m;
    }

    String summary() {
        StringBuilder sb = new StringBuilder();
        reference.bySplit().forEach((s, v) -> sb.append(String.format("  %-6s %s%n", s.name().toLowerCase(), line(v))));
        sb.append(String.format("  %-6s %s", "all", line(reference.all())));
        return sb.toString();
    }

    private static String line(MacroMetrics m) {
        return String.format("macro AUC %.3f  AP %.3f  F1max %.3f  MCC %.3f  (%d classes)", m.auc(), m.ap(), m.f1max(),
                m.mcc(), m.validClasses());
    }

    private static int[] firstValid(ReferenceEvaluation ref, int n) {
        int[] v = ref.validClasses();
        return java.util.Arrays.copyOf(v, Math.min(n, v.length));
    }
}
