package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.api.data.SliceAttention;

/**
 * A {@link Diagnosis} as JSON in the shape of {@code POST /api/v1/diagnoses}' result (the stable field names of
 * the README: case, model, version, backend, findings, sliceAttention, timingsMs), without slice image URLs.
 */
final class DiagnosisOutput {
    private DiagnosisOutput() {
    }

    /** @param paths rewrites scan sources (reader paths) into paths relative to the study */
    static JsonObject of(Diagnosis d, UnaryOperator<String> paths) {
        JsonObject m = new JsonObject();
        m.addProperty("case", d.caseId());
        m.addProperty("model", d.modelName());
        m.addProperty("version", d.modelVersion());
        m.addProperty("backend", d.backend());
        JsonArray findings = new JsonArray();
        for (Finding f : d.findings()) {
            JsonObject x = new JsonObject();
            x.addProperty("index", f.index());
            x.addProperty("label", f.label());
            x.addProperty("probability", f.probability());
            x.addProperty("threshold", f.threshold());
            x.addProperty("positive", f.positive());
            findings.add(x);
        }
        m.add("findings", findings);
        JsonArray attention = new JsonArray();
        for (SliceAttention s : d.attention()) {
            JsonObject x = new JsonObject();
            x.addProperty("scan", s.scan());
            x.addProperty("source", paths.apply(s.source()));
            x.addProperty("mostAttendedSlice", s.keySlice());
            JsonArray w = new JsonArray();
            for (float v : s.weights()) {
                w.add(v);
            }
            x.add("weights", w);
            x.addProperty("slices", s.weights().length);
            attention.add(x);
        }
        m.add("sliceAttention", attention);
        JsonObject timings = new JsonObject();
        for (Map.Entry<String, Double> e : d.timingsMs().entrySet()) {
            timings.addProperty(e.getKey(), e.getValue());
        }
        m.add("timingsMs", timings);
        return m;
    }
}
