package org.raddiag.ingest.dicom.internal;

/** Where a study is: instances arriving, complete and queued, being diagnosed, diagnosed, or failed (with a reason). */
enum StudyState {
    RECEIVING, PENDING, DIAGNOSING, DONE, FAILED;

    /** Whether the state is final for the instances it covers. */
    boolean settled() {
        return this == DONE || this == FAILED;
    }
}
