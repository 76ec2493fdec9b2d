package org.raddiag.api.compute;

/**
 * What a compute backend runs on.
 *
 * @param device e.g. {@code cpu} or {@code gpu(0)}
 * @param threads intra-op threads
 * @param initMillis time the engine took to initialise
 */
public record BackendInfo(String engine, String engineVersion, String device, int threads, long initMillis) {
    @Override
    public String toString() {
        return engine + " " + engineVersion + " on " + device + ", " + threads + " thread(s), init " + initMillis + " ms";
    }
}
