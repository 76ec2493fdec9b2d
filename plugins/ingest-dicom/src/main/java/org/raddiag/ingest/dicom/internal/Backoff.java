package org.raddiag.ingest.dicom.internal;

/**
 * The one retry schedule of the ingest: the first retry after {@code initialMillis}, each further one after twice
 * the last wait, never longer than {@code maxMillis} (equal values: a fixed delay). Used for reports a destination
 * did not acknowledge and for studies waiting for the diagnosis services.
 */
record Backoff(long initialMillis, long maxMillis) {
    Backoff {
        initialMillis = Math.max(1, initialMillis);
        maxMillis = Math.max(initialMillis, maxMillis);
    }

    static Backoff fixed(long millis) {
        return new Backoff(millis, millis);
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first failure). */
    long delay(int attempt) {
        int doublings = Math.max(0, Math.min(30, attempt - 1));
        long d = initialMillis << doublings;
        return d <= 0 || d > maxMillis ? maxMillis : d;
    }
}
