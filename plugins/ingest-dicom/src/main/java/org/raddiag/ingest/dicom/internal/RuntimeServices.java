package org.raddiag.ingest.dicom.internal;

import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.model.ModelRegistry;

/** The services a diagnosis needs right now (they come and go dynamically); null when absent. */
interface RuntimeServices {
    DiagnosisService diagnosis();

    ModelRegistry registry();

    /** The DICOM reader plugin to use (highest service ranking, then lowest service id). */
    ModalityReader dicomReader();

    /** {@code defaultModel} of the REST API's configuration (PID org.raddiag.rest), or null. */
    String restDefaultModel();
}
