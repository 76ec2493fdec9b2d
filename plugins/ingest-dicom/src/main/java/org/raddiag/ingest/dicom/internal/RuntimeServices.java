package org.raddiag.ingest.dicom.internal;

import java.util.List;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.telemetry.DiagnosisObserver;

/** The services a diagnosis needs right now (they come and go dynamically); null when absent. */
interface RuntimeServices {
    DiagnosisService diagnosis();

    ModelRegistry registry();

    /** The DICOM reader plugin to use (highest service ranking, then lowest service id). */
    ModalityReader dicomReader();

    /** {@code defaultModel} of the REST API's configuration (PID org.raddiag.rest), or null. */
    String restDefaultModel();

    /** Told how long each series took to read (the diagnosis service tells them the rest). */
    default List<DiagnosisObserver> observers() {
        return List.of();
    }
}
