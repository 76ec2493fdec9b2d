package org.raddiag.api.data;

import java.util.List;
import java.util.Map;

/**
 * The result of diagnosing a case: findings ranked by probability (all classes, or the top ones when truncated),
 * per-scan slice attention, which model and backend produced it, and timings in milliseconds by phase.
 */
public final class Diagnosis {
    private final String caseId;
    private final String modelName;
    private final String modelVersion;
    private final String backend;
    private final List<Finding> findings;
    private final List<SliceAttention> attention;
    private final Map<String, Double> timingsMs;

    public Diagnosis(String caseId, String modelName, String modelVersion, String backend, List<Finding> findings,
            List<SliceAttention> attention, Map<String, Double> timingsMs) {
        this.caseId = caseId;
        this.modelName = modelName;
        this.modelVersion = modelVersion;
        this.backend = backend;
        this.findings = List.copyOf(findings);
        this.attention = List.copyOf(attention);
        this.timingsMs = Map.copyOf(timingsMs);
    }

    public String caseId() {
        return caseId;
    }

    public String modelName() {
        return modelName;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String backend() {
        return backend;
    }

    /** Findings, highest probability first. */
    public List<Finding> findings() {
        return findings;
    }

    public List<SliceAttention> attention() {
        return attention;
    }

    public Map<String, Double> timingsMs() {
        return timingsMs;
    }
}
