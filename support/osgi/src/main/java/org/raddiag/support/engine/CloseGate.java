package org.raddiag.support.engine;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Guards a native resource (a loaded model, a backend's sessions): calls run concurrently, and closing waits for
 * the calls in flight before it frees anything, once. So a model being replaced finishes what it started and no
 * native memory is freed under a running call; a call after closing gets the caller's exception instead.
 */
public final class CloseGate {
    /** Work done while the gate is open. */
    @FunctionalInterface
    public interface Call<T, E extends Exception> {
        T run() throws E;
    }

    /** What closing frees. */
    @FunctionalInterface
    public interface Release<E extends Exception> {
        void run() throws E;
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /** Runs {@code call} unless the gate is closed; then throws what {@code whenClosed} makes. */
    public <T, E extends Exception> T call(Supplier<? extends RuntimeException> whenClosed, Call<T, E> call)
            throws E {
        lock.readLock().lock();
        try {
            if (closed) {
                throw whenClosed.get();
            }
            return call.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Closes the gate: waits for the calls in flight, then runs {@code release} the first time only (later calls
     * do nothing). The gate counts as closed even when {@code release} throws.
     */
    public <E extends Exception> void close(Release<E> release) throws E {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                release.run();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
