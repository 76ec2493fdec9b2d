package org.raddiag.engine.onnxruntime.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small LRU cache of native resources with reference counts: an evicted or cleared entry is closed only once no
 * caller is still using it, so a native session is never freed under a running inference.
 *
 * @param <K> key type
 * @param <V> the resource
 */
final class SessionCache<K, V extends AutoCloseable> {
    /** Creates a resource for a key; may throw. */
    interface Factory<K, V> {
        V create(K key) throws Exception;
    }

    /** A borrowed resource; close it to give it back. */
    static final class Lease<V extends AutoCloseable> implements AutoCloseable {
        private final SessionCache<?, V> owner;
        private final Entry<V> entry;

        private Lease(SessionCache<?, V> owner, Entry<V> entry) {
            this.owner = owner;
            this.entry = entry;
        }

        V get() {
            return entry.value;
        }

        @Override
        public void close() {
            owner.release(entry);
        }
    }

    private static final class Entry<V> {
        final V value;
        int users;
        boolean retired;

        Entry(V value) {
            this.value = value;
        }
    }

    private final int capacity;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    SessionCache(int capacity) {
        this.capacity = capacity;
    }

    /** Borrows the resource for {@code key}, creating it (outside the lock) when absent. */
    Lease<V> acquire(K key, Factory<K, V> factory) throws Exception {
        synchronized (this) {
            checkOpen();
            Entry<V> e = entries.get(key);
            if (e != null) {
                e.users++;
                return new Lease<>(this, e);
            }
        }
        V created = factory.create(key);
        List<AutoCloseable> toClose = new ArrayList<>();
        Lease<V> lease;
        synchronized (this) {
            if (closed) {
                toClose.add(created);
                lease = null;
            } else {
                Entry<V> e = entries.get(key);
                if (e == null) {
                    e = new Entry<>(created);
                    entries.put(key, e);
                    evict(toClose);
                } else {
                    toClose.add(created); // another thread won the race
                }
                e.users++;
                lease = new Lease<>(this, e);
            }
        }
        closeAll(toClose);
        if (lease == null) {
            throw new IllegalStateException("the ONNX Runtime backend is closed");
        }
        return lease;
    }

    /** Number of cached entries. */
    synchronized int size() {
        return entries.size();
    }

    /** Retires every entry (closed now or when its last user returns it) and refuses new acquisitions. */
    void close() {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Entry<V> e : entries.values()) {
                retire(e, toClose);
            }
            entries.clear();
        }
        closeAll(toClose);
    }

    private void release(Entry<V> e) {
        boolean close;
        synchronized (this) {
            e.users--;
            close = e.retired && e.users == 0;
        }
        if (close) {
            closeAll(List.of(e.value));
        }
    }

    private void evict(List<AutoCloseable> toClose) {
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            Entry<V> eldest = it.next().getValue();
            it.remove();
            retire(eldest, toClose);
        }
    }

    private static <V extends AutoCloseable> void retire(Entry<V> e, List<AutoCloseable> toClose) {
        e.retired = true;
        if (e.users == 0) {
            toClose.add(e.value);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the ONNX Runtime backend is closed");
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing a native session only fails if it is already closed
            }
        }
    }
}
