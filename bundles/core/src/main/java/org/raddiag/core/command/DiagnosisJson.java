package org.raddiag.core.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.api.data.SliceAttention;

/** The stable JSON form of a {@link Diagnosis} (documented in the README), shared by commands and REST. */
public final class DiagnosisJson {
    private DiagnosisJson() {
    }

    /** @param allProbabilities also give every class's probability, in class order */
    public static Map<String, Object> of(Diagnosis d, boolean allProbabilities) {
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
            x.put("source", s.source());
            x.put("mostAttendedSlice", s.keySlice());
            x.put("weights", s.weights());
            attention.add(x);
        }
        m.put("sliceAttention", attention);
        m.put("timingsMs", d.timingsMs());
        return m;
    }
}
