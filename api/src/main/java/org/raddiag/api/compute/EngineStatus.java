package org.raddiag.api.compute;

/**
 * State of a native engine bundle, registered as soon as the bundle starts (before the engine is ready), so that
 * tools can show engines that are still starting or that failed, with the cause.
 */
public interface EngineStatus {
    /** Engine state. */
    enum State { STARTING, READY, FAILED }

    /** Backend name this engine provides, e.g. {@code pytorch}. */
    String backend();

    State state();

    /** Version and device when ready, the cause when failed, empty while starting. */
    String detail();

    /** Milliseconds the initialisation took (or has taken so far). */
    long initMillis();
}
