package org.raddiag.core.diagnosis.internal;

/**
 * How requests are batched: at most {@code maxCases} cases per forward pass, and a batch waits at most
 * {@code maxWaitNanos} after its first request for more to join. {@code maxCases <= 1} turns batching off.
 */
public record BatchSettings(int maxCases, long maxWaitNanos) {
    public static final BatchSettings OFF = new BatchSettings(1, 0);

    public BatchSettings {
        maxCases = Math.max(1, maxCases);
        maxWaitNanos = Math.max(0, maxWaitNanos);
    }

    /** From milliseconds (fractions allowed). */
    public static BatchSettings of(int maxCases, double maxWaitMillis) {
        return new BatchSettings(maxCases, Math.round(Math.max(0, maxWaitMillis) * 1e6));
    }

    public boolean enabled() {
        return maxCases > 1;
    }
}
