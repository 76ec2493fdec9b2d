package org.raddiag.core.diagnosis.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.raddiag.api.compute.EngineStatus;

/**
 * Waits for the model runner of a backend whose engine is still starting (its natives are being extracted and
 * loaded), so that a request sent right after start-up, or a one-shot command, is not refused. A backend without an
 * engine status, or whose engine failed, is not waited for.
 */
public final class StartingBackends {
    private final Map<EngineStatus, String> engines = new ConcurrentHashMap<>();
    private final Object changed = new Object();

    public void addEngine(EngineStatus status) {
        engines.put(status, status.backend());
        signal();
    }

    public void removeEngine(EngineStatus status) {
        engines.remove(status);
        signal();
    }

    /** Call when a runner appeared. */
    public void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /**
     * The runner for {@code backend}, waiting up to {@code maxWaitMillis} while an engine for it exists and has not
     * failed; null when there is none (yet).
     */
    public <R> R await(String backend, Function<String, R> runners, long maxWaitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
        synchronized (changed) {
            while (true) {
                R runner = runners.apply(backend);
                if (runner != null || !coming(backend)) {
                    return runner;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return null;
                }
                // engines change state without an event; poll them a few times a second
                changed.wait(Math.min(left, 100));
            }
        }
    }

    private boolean coming(String backend) {
        for (Map.Entry<EngineStatus, String> e : engines.entrySet()) {
            if (e.getValue().equals(backend) && e.getKey().state() != EngineStatus.State.FAILED) {
                return true;
            }
        }
        return false;
    }
}
