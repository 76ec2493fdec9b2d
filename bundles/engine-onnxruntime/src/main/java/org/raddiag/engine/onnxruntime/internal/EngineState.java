package org.raddiag.engine.onnxruntime.internal;

import org.raddiag.api.compute.EngineStatus;

/** The live {@link EngineStatus} of this engine; written by the init thread, read by anyone. */
final class EngineState implements EngineStatus {
    private final String backend;
    private final long startNanos = System.nanoTime();
    private volatile State state = State.STARTING;
    private volatile String detail = "";
    private volatile long initMillis = -1;

    EngineState(String backend) {
        this.backend = backend;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String detail() {
        return detail;
    }

    @Override
    public long initMillis() {
        long done = initMillis;
        return done >= 0 ? done : elapsedMillis();
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void ready(String detail, long initMillis) {
        finish(State.READY, detail, initMillis);
    }

    void failed(String cause) {
        finish(State.FAILED, cause, elapsedMillis());
    }

    private void finish(State s, String d, long millis) {
        this.detail = d;
        this.initMillis = millis;
        this.state = s;
    }

    @Override
    public String toString() {
        return backend + ": " + state + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
