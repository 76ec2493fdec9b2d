package org.raddiag.engine.onnxruntime.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

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

    /** FAILED, with the error's type and every message down its cause chain as the detail. */
    void failed(Throwable error) {
        finish(State.FAILED, describe(error), elapsedMillis());
    }

    /** e.g. {@code ExceptionInInitializerError: Failed to load onnx-runtime library: /tmp/x: Not a directory}. */
    static String describe(Throwable error) {
        StringBuilder b = new StringBuilder(error.getClass().getSimpleName());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && b.indexOf(m) < 0) {
                b.append(": ").append(m);
            }
        }
        return b.toString();
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
