package org.raddiag.api.diagnosis;

import org.raddiag.api.model.ModelRef;

/**
 * Which model and backend to use, and how many findings to return (0 = all).
 *
 * @param backend backend name, or null for the active default
 */
public record DiagnosisRequest(ModelRef model, String backend, int topK) {
    public DiagnosisRequest {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0");
        }
    }
}
