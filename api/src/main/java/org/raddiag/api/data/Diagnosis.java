package org.raddiag.api.data;

import java.util.List;
import java.util.Map;

/**
 * The result of diagnosing a case: findings ranked by probability (all classes, or the top ones when truncated),
 * per-scan slice attention, which model and backend produced it, and timings in milliseconds by phase.
 *
 * @param findings findings, highest probability first
 */
public record Diagnosis(String caseId, String modelName, String modelVersion, String backend, List<Finding> findings,
        List<SliceAttention> attention, Map<String, Double> timingsMs) {
    public Diagnosis {
        findings = List.copyOf(findings);
        attention = List.copyOf(attention);
        timingsMs = Map.copyOf(timingsMs);
    }
}
