package org.raddiag.api.compute;

/** What a compute backend runs on. */
public final class BackendInfo {
    private final String engine;
    private final String engineVersion;
    private final String device;
    private final int threads;
    private final long initMillis;

    public BackendInfo(String engine, String engineVersion, String device, int threads, long initMillis) {
        this.engine = engine;
        this.engineVersion = engineVersion;
        this.device = device;
        this.threads = threads;
        this.initMillis = initMillis;
    }

    public String engine() {
        return engine;
    }

    public String engineVersion() {
        return engineVersion;
    }

    /** e.g. {@code cpu} or {@code gpu(0)}. */
    public String device() {
        return device;
    }

    /** Intra-op threads. */
    public int threads() {
        return threads;
    }

    /** Time the engine took to initialise. */
    public long initMillis() {
        return initMillis;
    }

    @Override
    public String toString() {
        return engine + " " + engineVersion + " on " + device + ", " + threads + " thread(s), init " + initMillis + " ms";
    }
}
