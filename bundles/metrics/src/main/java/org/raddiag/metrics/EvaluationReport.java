package org.raddiag.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.api.data.LabelSet;
import org.raddiag.metrics.internal.ReportData;
import org.raddiag.metrics.internal.ReportHtml;
import org.raddiag.metrics.internal.ReportJson;

/**
 * An evaluation report as JSON and as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * resources, XHTML-compatible markup). The reference metrics always appear; validation thresholds, bootstrap
 * intervals and calibration appear, marked as not reference semantics, when set. Files are written atomically.
 * Mutable and not thread-safe: configure, then write.
 */
public final class EvaluationReport {
    private final ReferenceEvaluation reference;
    private final Map<Integer, ReportData.Curves> curves = new LinkedHashMap<>();
    private String title = "RadDiag evaluation";
    private List<String> labels;
    private ThresholdedEvaluation fixedThresholds;
    private BootstrapIntervals bootstrap;
    private Calibration calibration;

    private EvaluationReport(ReferenceEvaluation reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** A report of the given reference evaluation. */
    public static EvaluationReport of(ReferenceEvaluation reference) {
        return new EvaluationReport(reference);
    }

    public EvaluationReport title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** Class names shown instead of "class i". */
    public EvaluationReport labels(List<String> names) {
        this.labels = List.copyOf(names);
        return this;
    }

    public EvaluationReport labels(LabelSet labelSet) {
        return labels(labelSet.labels());
    }

    /** Adds ROC and PR curves of the given classes (classes with a single label value are left out). */
    public EvaluationReport curves(Predictions predictions, int... classes) {
        for (int c : classes) {
            boolean[] y = predictions.labels(c);
            boolean any = false;
            boolean all = true;
            for (boolean v : y) {
                any |= v;
                all &= v;
            }
            if (any && !all) {
                float[] s = predictions.scores(c);
                curves.put(c, new ReportData.Curves(ReferenceMetrics.roc(s, y), ReferenceMetrics.pr(s, y)));
            }
        }
        return this;
    }

    public EvaluationReport fixedThresholds(ThresholdedEvaluation evaluation) {
        this.fixedThresholds = evaluation;
        return this;
    }

    public EvaluationReport bootstrap(BootstrapIntervals intervals) {
        this.bootstrap = intervals;
        return this;
    }

    public EvaluationReport calibration(Calibration c) {
        this.calibration = c;
        return this;
    }

    /** Pretty-printed JSON; NaN (undefined) values are written as null. */
    public String toJson() {
        return ReportJson.toJson(data());
    }

    /** The HTML page. */
    public String toHtml() {
        return ReportHtml.toHtml(data());
    }

    /** Writes {@link #toJson()} durably ({@link DurableFiles}: readers see the old or the complete new file). */
    public void writeJson(Path file) throws IOException {
        write(file, toJson());
    }

    /** Writes {@link #toHtml()} durably. */
    public void writeHtml(Path file) throws IOException {
        write(file, toHtml());
    }

    private static void write(Path file, String text) throws IOException {
        DurableFiles.createDirectories(file.toAbsolutePath().getParent());
        DurableFiles.writeString(file, text);
    }

    private ReportData data() {
        return new ReportData(title, labels, reference, new LinkedHashMap<>(curves), fixedThresholds, bootstrap,
                calibration);
    }
}
