package org.raddiag.support.osgi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Services of one kind by name (backends, runners, components), as Declarative Services binds and unbinds them. When
 * several services have the same name ONE rule picks the one in use: highest {@code service.ranking}, then lowest
 * {@code service.id} ({@link ServiceRank}, the framework's own order). When the chosen one goes, the next one of
 * that name takes over. A caller may wait, up to a deadline, for a name that is not bound yet (a plugin being
 * replaced, an engine still starting). Thread safe; lookups do not block binds.
 *
 * @param <T> the service type
 */
public final class NamedServices<T> {
    /**
     * How long {@link #require(String)} waits for a service: {@code raddiag.service.wait.ms}, default 120 s, since a
     * command may run while a native engine is still starting and its runner not yet registered.
     */
    public static final long DEFAULT_WAIT_MILLIS = Long.getLong("raddiag.service.wait.ms", 120_000);

    private final String kind;
    private final Object lock = new Object();
    private final List<Named<T>> entries = new ArrayList<>();
    private long added;
    private boolean closed;
    private String closedReason;
    private volatile Map<String, T> chosen = Map.of();

    /** @param kind what the services are, for messages, e.g. {@code "backbone plugin"} or {@code "model runner"} */
    public NamedServices(String kind) {
        this.kind = kind;
    }

    /** Adds a service bound under {@code name}, with the properties DS passed to the bind method (may be null). */
    public void add(String name, T service, Map<String, ?> properties) {
        if (name == null || service == null) {
            throw new IllegalArgumentException(kind + ": name and service must not be null");
        }
        synchronized (lock) {
            entries.add(new Named<>(name, new RankedServices.Ranked<>(service, ServiceRank.of(properties), added++)));
            publish();
            lock.notifyAll();
        }
    }

    /**
     * Removes the service bound under {@code name} with these properties (matched by {@code service.id} when they
     * carry one, else by identity).
     *
     * @return whether it was bound
     */
    public boolean remove(String name, T service, Map<String, ?> properties) {
        long id = ServiceRank.of(properties).serviceId();
        synchronized (lock) {
            boolean removed = entries.removeIf(e -> e.name.equals(name) && e.ranked.service() == service
                    && (id == Long.MAX_VALUE || e.ranked.rank().serviceId() == id));
            publish();
            return removed;
        }
    }

    /** The service in use under {@code name}, or null. */
    public T get(String name) {
        return name == null ? null : chosen.get(name);
    }

    /** Every service bound under {@code name}, the one in use first (for callers that skip some). */
    public List<T> all(String name) {
        synchronized (lock) {
            List<Named<T>> sorted = new ArrayList<>();
            for (Named<T> e : entries) {
                if (e.name.equals(name)) {
                    sorted.add(e);
                }
            }
            sorted.sort((a, b) -> RankedServices.Ranked.ORDER.compare(a.ranked, b.ranked));
            List<T> out = new ArrayList<>(sorted.size());
            sorted.forEach(e -> out.add(e.ranked.service()));
            return out;
        }
    }

    /** The names bound right now, sorted. */
    public Set<String> names() {
        return chosen.keySet();
    }

    /** A snapshot: name to the service in use, sorted by name. */
    public Map<String, T> chosen() {
        return chosen;
    }

    /**
     * The service in use under {@code name}, waiting until {@code deadlineNanos} ({@link System#nanoTime()}) for
     * one to be bound; null when none came in time or {@link #close} was called.
     */
    public T await(String name, long deadlineNanos) throws InterruptedException {
        synchronized (lock) {
            T s = get(name);
            while (s == null && !closed) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
                s = get(name);
            }
            return s;
        }
    }

    /**
     * As {@link #await}, for loaders that report I/O errors: the service, or an {@link IOException} naming the
     * service, the installed names and how long it waited.
     */
    public T require(String name, long deadlineNanos) throws IOException {
        long start = System.nanoTime();
        T s;
        try {
            s = await(name, deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + kind + " '" + name + "'");
        }
        if (s == null) {
            String reason;
            synchronized (lock) {
                reason = closed ? closedReason : null;
            }
            throw new IOException("no " + kind + " '" + name + "' is installed (installed: " + names() + "; "
                    + (reason != null ? reason : "waited " + (System.nanoTime() - start) / 1_000_000 + " ms") + ")");
        }
        return s;
    }

    /** {@link #require(String, long)} with the {@link #DEFAULT_WAIT_MILLIS default wait}. */
    public T require(String name) throws IOException {
        return require(name, System.nanoTime() + DEFAULT_WAIT_MILLIS * 1_000_000);
    }

    /** Wakes every waiting caller, which then gets no service: the owner is going away. */
    public void close() {
        close("stopping");
    }

    /** As {@link #close()}; {@code reason} ends the message of {@link #require}, e.g. "the model runner is stopping". */
    public void close(String reason) {
        synchronized (lock) {
            closed = true;
            closedReason = reason;
            lock.notifyAll();
        }
    }

    private void publish() {
        List<Named<T>> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> RankedServices.Ranked.ORDER.compare(a.ranked, b.ranked));
        Map<String, T> out = new TreeMap<>();
        for (Named<T> e : sorted) {
            out.putIfAbsent(e.name, e.ranked.service());
        }
        chosen = Collections.unmodifiableMap(out);
    }

    private record Named<T>(String name, RankedServices.Ranked<T> ranked) {
    }
}
