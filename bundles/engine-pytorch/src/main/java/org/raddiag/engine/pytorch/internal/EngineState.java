package org.raddiag.engine.pytorch.internal;

import org.raddiag.api.compute.EngineStatus;

/** Thread-safe, observable state of the engine's initialisation. */
final class EngineState implements EngineStatus {
    private final long started = System.nanoTime();
    private volatile State state = State.STARTING;
    private volatile String detail = "";
    private volatile long initMillis = -1;

    @Override
    public String backend() {
        return PyTorchBackend.NAME;
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
        return initMillis >= 0 ? initMillis : (System.nanoTime() - started) / 1_000_000;
    }

    void ready(String d) {
        finish(State.READY, d);
    }

    void failed(String d) {
        finish(State.FAILED, d);
    }

    private void finish(State s, String d) {
        initMillis = (System.nanoTime() - started) / 1_000_000;
        detail = d;
        state = s;
    }

    @Override
    public String toString() {
        return "pytorch " + state + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
