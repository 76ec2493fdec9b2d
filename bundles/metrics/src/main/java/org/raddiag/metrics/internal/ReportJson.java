package org.raddiag.metrics.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet.Split;
import org.raddiag.metrics.BootstrapIntervals;
import org.raddiag.metrics.Calibration;
import org.raddiag.metrics.ClassMetrics;
import org.raddiag.metrics.MacroMetrics;
import org.raddiag.metrics.RecallAtFpr;
import org.raddiag.metrics.ReferenceEvaluation;
import org.raddiag.metrics.ThresholdedClass;
import org.raddiag.metrics.ThresholdedEvaluation;
import org.raddiag.metrics.ThresholdedMacro;

/** JSON form of a report. NaN and infinities are written as {@code null}. */
public final class ReportJson {
    private ReportJson() {
    }

    /** Pretty-printed JSON text. */
    public static String toJson(ReportData d) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(build(d));
    }

    /** The JSON tree. */
    public static JsonObject build(ReportData d) {
        JsonObject root = new JsonObject();
        root.addProperty("title", d.title());
        root.add("reference", reference(d));
        JsonObject extra = new JsonObject();
        extra.addProperty("note", "NOT reference semantics: not comparable with the published RP3D tables");
        if (d.fixedThresholds() != null) {
            extra.add("validation_thresholds", fixed(d.fixedThresholds()));
        }
        if (d.bootstrap() != null) {
            extra.add("bootstrap", bootstrap(d.bootstrap()));
        }
        if (d.calibration() != null) {
            extra.add("calibration", calibration(d.calibration()));
        }
        root.add("not_reference", extra);
        JsonObject curves = new JsonObject();
        for (Map.Entry<Integer, ReportData.Curves> e : d.curves().entrySet()) {
            JsonObject c = new JsonObject();
            c.addProperty("label", d.label(e.getKey()));
            c.add("roc_fpr", arr(e.getValue().roc().fpr()));
            c.add("roc_tpr", arr(e.getValue().roc().tpr()));
            c.add("pr_precision", arr(e.getValue().pr().precision()));
            c.add("pr_recall", arr(e.getValue().pr().recall()));
            curves.add(String.valueOf(e.getKey()), c);
        }
        root.add("curves", curves);
        return root;
    }

    /** A number, or JSON null for NaN and infinities. */
    public static JsonElement num(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private static JsonArray arr(double[] v) {
        JsonArray a = new JsonArray(v.length);
        for (double x : v) {
            a.add(num(x));
        }
        return a;
    }

    private static JsonObject reference(ReportData d) {
        ReferenceEvaluation r = d.reference();
        JsonObject o = new JsonObject();
        o.addProperty("semantics", "RP3D eval_strategy (scikit-learn 1.2/1.3): per-class AUC, AP, oracle F1max, MCC"
                + " at the F1max threshold, R@FPR nearest on the drop-intermediate ROC curve; macro = mean over"
                + " classes with both label values");
        JsonArray targets = new JsonArray();
        r.fprTargets().forEach(targets::add);
        o.add("fpr_targets", targets);
        JsonObject splits = new JsonObject();
        splits.addProperty("head_end", r.splits().headEnd());
        splits.addProperty("medium_end", r.splits().mediumEnd());
        o.add("splits", splits);
        JsonObject macro = new JsonObject();
        macro.add("all", macro(r.all(), r.fprTargets()));
        for (Map.Entry<Split, MacroMetrics> e : r.bySplit().entrySet()) {
            macro.add(e.getKey().name().toLowerCase(java.util.Locale.ROOT), macro(e.getValue(), r.fprTargets()));
        }
        o.add("macro", macro);
        JsonArray per = new JsonArray();
        for (ClassMetrics c : r.perClass()) {
            per.add(perClass(c, d.label(c.classIndex())));
        }
        o.add("per_class", per);
        return o;
    }

    private static JsonObject macro(MacroMetrics m, List<Double> targets) {
        JsonObject o = new JsonObject();
        o.addProperty("from", m.from());
        o.addProperty("to", m.to());
        o.addProperty("valid_classes", m.validClasses());
        o.add("mAUC", num(m.auc()));
        o.add("mAP_CW", num(m.ap()));
        o.add("mF1max", num(m.f1max()));
        o.add("mMCC", num(m.mcc()));
        for (int k = 0; k < targets.size(); k++) {
            o.add("mR@F" + targets.get(k), num(m.recallAtFpr().get(k)));
        }
        return o;
    }

    private static JsonObject perClass(ClassMetrics c, String label) {
        JsonObject o = new JsonObject();
        o.addProperty("class", c.classIndex());
        o.addProperty("label", label);
        o.addProperty("n_pos", c.positives());
        o.addProperty("n_neg", c.negatives());
        o.addProperty("skipped", c.skipped());
        if (c.skipped()) {
            return o;
        }
        o.add("auc", num(c.auc()));
        o.add("ap", num(c.ap()));
        o.add("f1max", num(c.f1max()));
        o.add("f1max_threshold", num(c.threshold()));
        o.add("precision_at_f1max", num(c.precisionAtF1max()));
        o.add("recall_at_f1max", num(c.recallAtF1max()));
        o.add("mcc_at_f1max_threshold", num(c.mcc()));
        JsonObject r = new JsonObject();
        for (RecallAtFpr x : c.recallAtFpr()) {
            JsonObject e = new JsonObject();
            e.add("recall", num(x.recall()));
            e.add("chosen_fpr", num(x.chosenFpr()));
            e.addProperty("index_in_roc_arrays", x.index());
            r.add(String.valueOf(x.targetFpr()), e);
        }
        o.add("recall_at_nearest_fpr", r);
        return o;
    }

    private static JsonObject fixed(ThresholdedEvaluation t) {
        JsonObject o = new JsonObject();
        o.addProperty("semantics", "thresholds = F1max thresholds fitted on a validation split, applied to the test"
                + " split (score >= threshold)");
        JsonObject macro = new JsonObject();
        macro.add("all", fixedMacro(t.all()));
        t.bySplit().forEach((s, m) -> macro.add(s.name().toLowerCase(java.util.Locale.ROOT), fixedMacro(m)));
        o.add("macro", macro);
        JsonArray per = new JsonArray();
        for (ThresholdedClass c : t.perClass()) {
            JsonObject e = new JsonObject();
            e.addProperty("class", c.classIndex());
            e.add("threshold", num(c.threshold()));
            e.addProperty("skipped", c.skipped());
            e.addProperty("tp", c.tp());
            e.addProperty("fp", c.fp());
            e.addProperty("fn", c.fn());
            e.addProperty("tn", c.tn());
            e.add("precision", num(c.precision()));
            e.add("recall", num(c.recall()));
            e.add("f1", num(c.f1()));
            e.add("mcc", num(c.mcc()));
            per.add(e);
        }
        o.add("per_class", per);
        return o;
    }

    private static JsonObject fixedMacro(ThresholdedMacro m) {
        JsonObject o = new JsonObject();
        o.addProperty("valid_classes", m.validClasses());
        o.add("precision", num(m.precision()));
        o.add("recall", num(m.recall()));
        o.add("f1", num(m.f1()));
        o.add("mcc", num(m.mcc()));
        return o;
    }

    private static JsonObject bootstrap(BootstrapIntervals b) {
        JsonObject o = new JsonObject();
        o.addProperty("seed", b.seed());
        o.addProperty("resamples", b.resamples());
        o.addProperty("level", b.level());
        o.add("all", pair(b.all()));
        b.bySplit().forEach((s, p) -> o.add(s.name().toLowerCase(java.util.Locale.ROOT), pair(p)));
        return o;
    }

    private static JsonObject pair(BootstrapIntervals.Pair p) {
        JsonObject o = new JsonObject();
        o.add("mAUC", interval(p.auc()));
        o.add("mAP_CW", interval(p.ap()));
        return o;
    }

    /** An interval as the report writes it: estimate, lower, upper (null when undefined), defined_resamples. */
    public static JsonObject interval(BootstrapIntervals.Interval i) {
        JsonObject o = new JsonObject();
        o.add("estimate", num(i.estimate()));
        o.add("lower", num(i.lower()));
        o.add("upper", num(i.upper()));
        o.addProperty("defined_resamples", i.defined());
        return o;
    }

    private static JsonObject calibration(Calibration c) {
        JsonObject o = new JsonObject();
        o.addProperty("count", c.count());
        o.add("ece", num(c.ece()));
        o.add("brier", num(c.brier()));
        JsonArray bins = new JsonArray();
        for (Calibration.Bin b : c.reliability()) {
            JsonObject e = new JsonObject();
            e.addProperty("lower", b.lower());
            e.addProperty("upper", b.upper());
            e.addProperty("count", b.count());
            e.add("mean_score", num(b.meanScore()));
            e.add("observed_rate", num(b.observedRate()));
            bins.add(e);
        }
        o.add("reliability", bins);
        return o;
    }
}
