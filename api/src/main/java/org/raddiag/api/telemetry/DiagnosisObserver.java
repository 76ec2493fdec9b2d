package org.raddiag.api.telemetry;

import org.raddiag.api.data.Diagnosis;

/**
 * Told about every diagnosis the diagnosis service made (model, version, backend and stage timings), on the
 * diagnosing thread: implementations must be quick and must not throw.
 */
public interface DiagnosisObserver {
    void diagnosed(Diagnosis diagnosis);
}
