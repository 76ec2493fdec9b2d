package org.raddiag.api.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The stable JSON form of a {@link Diagnosis} (documented in the README) as maps and lists for any JSON writer:
 * one form for the {@code diagnose} command, the REST API and the DICOM ingest's study results.
 */
public final class DiagnosisJson {
    private DiagnosisJson() {
    }

    /**
     * @param allProbabilities also give every class's probability, in class order
     * @param sources          rewrites each scan's source (a reader's path), e.g. relative to an upload
     */
    public static Map<String, Object> of(Diagnosis d, boolean allProbabilities, UnaryOperator<String> sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", d.caseId());
        m.put("model", d.modelName());
        m.put("version", d.modelVersion());
        m.put("backend", d.backend());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : d.findings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("index", f.index());
            x.put("label", f.label());
            x.put("probability", f.probability());
            x.put("threshold", f.threshold());
            x.put("positive", f.positive());
            findings.add(x);
        }
        m.put("findings", findings);
        if (allProbabilities) {
            double[] p = new double[d.findings().size()];
            for (Finding f : d.findings()) {
                if (f.index() < p.length) {
                    p[f.index()] = f.probability();
                }
            }
            m.put("probabilities", p);
        }
        List<Map<String, Object>> attention = new ArrayList<>();
        for (SliceAttention s : d.attention()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("scan", s.scan());
            x.put("source", sources.apply(s.source()));
            x.put("mostAttendedSlice", s.keySlice());
            x.put("weights", s.weights());
            x.put("slices", s.weights().length);
            attention.add(x);
        }
        m.put("sliceAttention", attention);
        m.put("timingsMs", d.timingsMs());
        return m;
    }
}
