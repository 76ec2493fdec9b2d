package org.raddiag.core.diagnosis.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.raddiag.api.compute.EngineStatus;

/**
 * Waits for the model runner of a backend whose engine is still starting (its natives are being extracted and
 * loaded), so that a request sent right after start-up, or a one-shot command, is not refused. An engine whose bundle
 * the runtime has not started yet (it starts at a later start level than the bundles that diagnose) counts as
 * starting too: a study queued before a restart is diagnosed once the engine is up, not failed. A backend without an
 * engine, or whose engine failed, is not waited for.
 */
public final class StartingBackends {
    private final Set<EngineStatus> engines = ConcurrentHashMap.newKeySet();
    private final Predicate<String> pendingEngine;

    /** No engine bundles pending (tests). */
    public StartingBackends() {
        this(backend -> false);
    }

    /** @param pendingEngine whether an engine bundle for the backend is installed and will be started by the runtime */
    public StartingBackends(Predicate<String> pendingEngine) {
        this.pendingEngine = pendingEngine;
    }
    /** How long a ready engine's runner is waited for (it registers right after the engine's backend). */
    static final long READY_GRACE_MILLIS = 2_000;
    private final Object changed = new Object();

    public void addEngine(EngineStatus status) {
        engines.add(status);
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
     * The runner for {@code backend}, waiting up to {@code maxWaitMillis} while an engine for it is starting, and a
     * short grace ({@link #READY_GRACE_MILLIS}) once it is ready (its runner registers right after); null when there
     * is none (yet).
     */
    public <R> R await(String backend, Function<String, R> runners, long maxWaitMillis) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + maxWaitMillis * 1_000_000L;
        long readyDeadline = now + Math.min(maxWaitMillis, READY_GRACE_MILLIS) * 1_000_000L;
        synchronized (changed) {
            while (true) {
                R runner = runners.apply(backend);
                EngineStatus.State state = runner != null ? null : state(backend);
                if (runner != null || state == null || state == EngineStatus.State.FAILED) {
                    return runner;
                }
                long end = state == EngineStatus.State.STARTING ? deadline : Math.min(deadline, readyDeadline);
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return null;
                }
                // engines change state without an event; poll them a few times a second
                changed.wait(Math.min(left, 100));
                if (state == EngineStatus.State.STARTING) {
                    readyDeadline = System.nanoTime() + Math.min(maxWaitMillis, READY_GRACE_MILLIS) * 1_000_000L;
                }
            }
        }
    }

    /**
     * STARTING if any engine for the backend is starting (or its bundle is yet to be started), else READY if one is
     * ready, else FAILED; null: none.
     */
    private EngineStatus.State state(String backend) {
        EngineStatus.State best = pendingEngine.test(backend) ? EngineStatus.State.STARTING : null;
        for (EngineStatus e : engines) {
            if (e.backend().equals(backend)) {
                EngineStatus.State s = e.state();
                if (best == null || s.ordinal() < best.ordinal()) {
                    best = s;
                }
            }
        }
        return best;
    }
}
