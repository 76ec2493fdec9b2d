package org.raddiag.api.diagnosis;

import org.raddiag.api.model.ModelRef;

/** Which model and backend to use, and how many findings to return (0 = all). */
public final class DiagnosisRequest {
    private final ModelRef model;
    private final String backend;
    private final int topK;

    public DiagnosisRequest(ModelRef model, String backend, int topK) {
        this.model = model;
        this.backend = backend;
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0");
        }
        this.topK = topK;
    }

    public ModelRef model() {
        return model;
    }

    /** Backend name, or null for the active default. */
    public String backend() {
        return backend;
    }

    public int topK() {
        return topK;
    }
}
