package org.raddiag.workflows.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.metrics.ClassMetrics;
import org.raddiag.metrics.ClassSplits;
import org.raddiag.metrics.Predictions;
import org.raddiag.metrics.ReferenceMetrics;
import org.raddiag.metrics.ThresholdedClass;
import org.raddiag.metrics.ThresholdedEvaluation;
import org.raddiag.metrics.ValidationThresholds;
import org.raddiag.support.files.DurableFiles;

/**
 * {@code evaluate --zero-shot MAPPING}: the reference's zero-shot protocol on the dataset labels that the mapping
 * names. MAPPING is a JSON object {@code {"dataset label": "text given to the model", ...}} (a value may also be a
 * list of texts; the label then scores the highest of their probabilities). Per label: AUC, and ACC, TPR and FPR at
 * the label's F1max threshold on the evaluated split itself (the reference's oracle threshold); macro means over the
 * labels whose cases are not all of one value. Written as {@value #FILE}.
 */
final class ZeroShotEvaluation {
    static final String FILE = "zero-shot.json";

    private final List<Row> rows;

    private ZeroShotEvaluation(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * The mapping file, in file order.
     *
     * @throws IOException naming the file and the entry that is wrong
     */
    static Map<String, List<String>> readMapping(Path file) throws IOException {
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such zero-shot mapping file");
        } catch (JsonParseException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject() || root.getAsJsonObject().isEmpty()) {
            throw new IOException(file + ": a zero-shot mapping is a JSON object {\"dataset label\": \"text\"} with at"
                    + " least one entry");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
            List<String> texts = new ArrayList<>();
            JsonElement v = e.getValue();
            JsonArray values = v.isJsonArray() ? v.getAsJsonArray() : null;
            for (JsonElement t : values != null ? values : List.of(v)) {
                if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString() || t.getAsString().isBlank()) {
                    throw new IOException(file + ": '" + e.getKey() + "' must map to a non-empty text or a list of"
                            + " them, not " + t);
                }
                texts.add(t.getAsString().strip());
            }
            if (texts.isEmpty()) {
                throw new IOException(file + ": '" + e.getKey() + "' maps to no text");
            }
            m.put(e.getKey(), texts);
        }
        return m;
    }

    /** The mapped dataset labels as a label set (in mapping order), each checked against {@code dataset}. */
    static LabelSet truthLabels(Map<String, List<String>> mapping, LabelSet dataset, Path file) {
        for (String label : mapping.keySet()) {
            if (dataset.indexOf(label).isEmpty()) {
                throw new IllegalArgumentException(file + ": '" + label + "' is not a label of the dataset (labels: "
                        + dataset.labels() + ")");
            }
        }
        return new LabelSet("zero-shot", List.copyOf(mapping.keySet()), mapping.size(), 0);
    }

    /** The distinct texts of {@code mapping}, in first-use order: the classes the model is asked for. */
    static List<String> texts(Map<String, List<String>> mapping) {
        return mapping.values().stream().flatMap(List::stream).distinct().toList();
    }

    /** The metrics of {@code p} (probabilities per mapped label). */
    static ZeroShotEvaluation of(Predictions p, LabelSet labels) {
        float[] thresholds = new float[p.classes()];
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < p.classes(); c++) {
            ClassMetrics m = ReferenceMetrics.evaluateClass(c, p.scores(c), p.labels(c), List.of());
            metrics.add(m);
            thresholds[c] = m.threshold();
        }
        ThresholdedEvaluation t = ValidationThresholds.of(thresholds).apply(p, ClassSplits.of(labels));
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < p.classes(); c++) {
            ThresholdedClass k = t.perClass().get(c);
            ClassMetrics m = metrics.get(c);
            long n = k.tp() + k.fp() + k.fn() + k.tn();
            boolean skip = m.skipped();
            rows.add(new Row(labels.label(c), m.positives(), m.negatives(), skip ? Double.NaN : m.auc(), thresholds[c],
                    skip ? Double.NaN : (double) (k.tp() + k.tn()) / n,
                    skip ? Double.NaN : (double) k.tp() / (k.tp() + k.fn()),
                    skip ? Double.NaN : (double) k.fp() / (k.fp() + k.tn())));
        }
        return new ZeroShotEvaluation(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** Mean of {@code metric} over the labels that could be evaluated (NaN when none). */
    double mean(java.util.function.ToDoubleFunction<Row> metric) {
        return rows.stream().mapToDouble(metric).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    void write(Path dir, String model, Map<String, List<String>> mapping) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model);
        doc.put("protocol", "per label: AUC; ACC, TPR, FPR at the label's F1max threshold on this split (reference)");
        doc.put("mapping", mapping);
        doc.put("labels", rows);
        doc.put("macroAuc", mean(Row::auc));
        doc.put("macroAcc", mean(Row::acc));
        doc.put("macroTpr", mean(Row::tpr));
        doc.put("macroFpr", mean(Row::fpr));
        DurableFiles.createDirectories(dir);
        DurableFiles.writeString(dir.resolve(FILE), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                .serializeSpecialFloatingPointValues().create().toJson(doc));
    }

    String summary() {
        StringBuilder sb = new StringBuilder("zero-shot (ACC/TPR/FPR at the F1max threshold):\n");
        for (Row r : rows) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-40s AUC %.3f  ACC %.3f  TPR %.3f  FPR %.3f  (%d+ %d-)%n",
                    r.label(), r.auc(), r.acc(), r.tpr(), r.fpr(), r.positives(), r.negatives()));
        }
        sb.append(String.format(java.util.Locale.ROOT, "  %-40s AUC %.3f  ACC %.3f  TPR %.3f  FPR %.3f", "macro",
                mean(Row::auc), mean(Row::acc), mean(Row::tpr), mean(Row::fpr)));
        return sb.toString();
    }

    /** One mapped label's zero-shot metrics (NaN where its cases are all positive or all negative). */
    record Row(String label, int positives, int negatives, double auc, float threshold, double acc, double tpr,
            double fpr) {
    }
}
