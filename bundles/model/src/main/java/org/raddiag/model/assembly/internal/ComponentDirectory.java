package org.raddiag.model.assembly.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Component plugins of one kind (backbones, heads) by name, as DS binds and unbinds them. A model load that names a
 * plugin which is being replaced (its bundle updated or reinstalled) waits, up to a grace period, for it to come
 * back instead of failing at once; after the grace period it fails with the installed names.
 */
public final class ComponentDirectory<T> {
    private final String kind;
    private final Map<String, T> byName = new HashMap<>();
    private boolean closed;

    public ComponentDirectory(String kind) {
        this.kind = kind;
    }

    public synchronized void add(String name, T component) {
        byName.put(name, component);
        notifyAll();
    }

    public synchronized void remove(String name, T component) {
        byName.remove(name, component);
    }

    /** Wakes every waiting load, which then fails: the runner is going away. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Whether {@code component} is still the one bound as {@code name} (false once its service went away). */
    public synchronized boolean isBound(String name, T component) {
        return byName.get(name) == component;
    }

    public synchronized Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /**
     * The plugin called {@code name}, waiting until {@code deadlineNanos} ({@link System#nanoTime()}) for it to be
     * bound.
     *
     * @throws IOException naming the plugin, the installed ones and how long it waited
     */
    public synchronized T await(String name, long deadlineNanos) throws IOException {
        long start = System.nanoTime();
        T c = byName.get(name);
        while (c == null && !closed) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + kind + " plugin '" + name + "'");
            }
            c = byName.get(name);
        }
        if (c == null) {
            throw new IOException("no " + kind + " plugin '" + name + "' is installed (installed: " + names()
                    + (closed ? "; the model runner is stopping" : "; waited " + (System.nanoTime() - start) / 1_000_000
                    + " ms") + ")");
        }
        return c;
    }
}
