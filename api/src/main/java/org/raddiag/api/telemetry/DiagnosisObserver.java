package org.raddiag.api.telemetry;

import org.raddiag.api.data.Diagnosis;

/**
 * Told about every diagnosis the diagnosis service made (model, version, backend and stage timings), and about the
 * steps around it that the diagnosis does not see (reading the files, sharing forward passes), on the calling
 * thread: implementations must be quick and must not throw.
 */
public interface DiagnosisObserver {
    void diagnosed(Diagnosis diagnosis);

    /**
     * A modality reader read a scan file or series folder into {@code scans} scans in {@code millis} ms (before the
     * case reaches the diagnosis service, so its timings do not hold it).
     *
     * @since 1.1
     */
    default void read(String reader, int scans, double millis) {
    }

    /**
     * A forward pass on {@code backend} answered {@code requests} diagnosis requests together (1 when not
     * batched): the micro-batcher's batch sizes.
     *
     * @since 1.1
     */
    default void forwardPass(String backend, int requests) {
    }
}
