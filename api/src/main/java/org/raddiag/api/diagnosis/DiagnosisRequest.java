package org.raddiag.api.diagnosis;

import java.util.List;
import org.raddiag.api.model.ModelRef;

/**
 * Which model and backend to use, how many findings to return (0 = all), and optionally the label texts of a
 * zero-shot diagnosis: the findings are then those texts, scored through the model's knowledge head and text encoder
 * instead of its trained labels.
 *
 * @param backend backend name, or null for the active default
 * @param labels  zero-shot label texts; empty for the model's own labels
 */
public record DiagnosisRequest(ModelRef model, String backend, int topK, List<String> labels) {
    public DiagnosisRequest {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A diagnosis with the model's own labels. */
    public DiagnosisRequest(ModelRef model, String backend, int topK) {
        this(model, backend, topK, List.of());
    }
}
