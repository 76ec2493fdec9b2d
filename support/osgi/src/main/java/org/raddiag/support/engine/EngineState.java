package org.raddiag.support.engine;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.raddiag.api.compute.EngineStatus;

/** The live {@link EngineStatus} of one engine: written by its start thread, read by anyone. */
public final class EngineState implements EngineStatus {
    private final String backend;
    private final long startNanos = System.nanoTime();
    private volatile State state = State.STARTING;
    private volatile String detail = "";
    private volatile long initMillis = -1;

    /** STARTING, from now on. @param backend the backend name the engine provides */
    public EngineState(String backend) {
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

    /** Milliseconds since this state was created (the engine's start). */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** READY, with the time since the start as the init time. */
    public void ready(String detail) {
        finish(State.READY, detail, elapsedMillis());
    }

    /** READY, with the init time the engine measured itself. */
    public void ready(String detail, long initMillis) {
        finish(State.READY, detail, initMillis);
    }

    /** FAILED, with the error's type and every message down its cause chain as the detail. */
    public void failed(Throwable error) {
        finish(State.FAILED, describe(error), elapsedMillis());
    }

    /** e.g. {@code ExceptionInInitializerError: Failed to load onnx-runtime library: /tmp/x: Not a directory}. */
    public static String describe(Throwable error) {
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
