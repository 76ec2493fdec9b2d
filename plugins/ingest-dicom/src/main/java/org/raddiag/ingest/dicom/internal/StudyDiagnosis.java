package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonObject;

/** Diagnoses one stored study (the tracker's view of {@link StudyDiagnoser}, replaceable in tests). */
interface StudyDiagnosis {
    /**
     * @throws NotReady  when the runtime cannot diagnose yet (no diagnosis service, reader or model): retried later
     * @throws Exception when the study cannot be diagnosed: the study fails with the message as reason
     */
    Outcome diagnose(String studyUid) throws Exception;

    /** The model studies will be diagnosed with (name or name:version), or null when none can be chosen yet. */
    String plannedModel();

    /** The diagnosis JSON and the model (name:version) that made it. */
    final class Outcome {
        final JsonObject json;
        final String model;
        /** The structured report written for it, or null (none could be written: the reason is in the JSON). */
        final String reportSop;

        Outcome(JsonObject json, String model) {
            this(json, model, null);
        }

        Outcome(JsonObject json, String model, String reportSop) {
            this.json = json;
            this.model = model;
            this.reportSop = reportSop;
        }
    }

    /** The runtime is not ready to diagnose; the study stays queued. */
    final class NotReady extends Exception {
        private static final long serialVersionUID = 1L;

        NotReady(String message) {
            super(message);
        }
    }
}
