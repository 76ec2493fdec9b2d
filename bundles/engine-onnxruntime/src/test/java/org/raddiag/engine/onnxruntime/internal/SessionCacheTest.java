package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SessionCacheTest {
    private static final class Res implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private final AtomicInteger created = new AtomicInteger();
    private final SessionCache.Factory<String, Res> factory = k -> {
        created.incrementAndGet();
        return new Res();
    };

    @Test
    void reusesAndEvictsLeastRecentlyUsed() throws Exception {
        SessionCache<String, Res> cache = new SessionCache<>(2);
        Res a;
        try (SessionCache.Lease<Res> l = cache.acquire("a", factory)) {
            a = l.get();
        }
        try (SessionCache.Lease<Res> l = cache.acquire("a", factory)) {
            assertSame(a, l.get());
        }
        cache.acquire("b", factory).close();
        cache.acquire("c", factory).close();
        assertEquals(3, created.get());
        assertEquals(2, cache.size());
        assertTrue(a.closed, "evicted idle entry is closed");
    }

    @Test
    void evictedEntryInUseIsClosedOnlyWhenReturned() throws Exception {
        SessionCache<String, Res> cache = new SessionCache<>(1);
        SessionCache.Lease<Res> busy = cache.acquire("a", factory);
        cache.acquire("b", factory).close();
        assertFalse(busy.get().closed, "still in use");
        busy.close();
        assertTrue(busy.get().closed);
    }

    @Test
    void closeRetiresEverythingAndRefusesNewWork() throws Exception {
        SessionCache<String, Res> cache = new SessionCache<>(4);
        SessionCache.Lease<Res> busy = cache.acquire("a", factory);
        Res idle;
        try (SessionCache.Lease<Res> l = cache.acquire("b", factory)) {
            idle = l.get();
        }
        cache.close();
        assertTrue(idle.closed);
        assertFalse(busy.get().closed);
        busy.close();
        assertTrue(busy.get().closed);
        assertThrows(IllegalStateException.class, () -> cache.acquire("c", factory));
    }
}
