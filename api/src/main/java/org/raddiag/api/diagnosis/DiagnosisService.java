package org.raddiag.api.diagnosis;

import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;

/** Diagnoses cases with a registered model on a compute backend. */
public interface DiagnosisService {
    /**
     * Diagnoses {@code c}.
     *
     * @throws DiagnosisException naming the case and what went wrong (no such model, no backend, bad input)
     */
    Diagnosis diagnose(Case c, DiagnosisRequest request) throws DiagnosisException;
}
