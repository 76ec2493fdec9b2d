package org.raddiag.support.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raddiag.support.osgi.RealFramework.dict;
import static org.raddiag.support.osgi.RealFramework.properties;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

@ExtendWith(RealFramework.class)
class NamedServicesTest {
    private static final long SECOND = 1_000_000_000L;

    /** Services named by a {@code name} property, followed through real service events. */
    private static NamedServices<Object> follow(BundleContext ctx) throws Exception {
        NamedServices<Object> named = new NamedServices<>("probe");
        ctx.addServiceListener(e -> {
            ServiceReference<?> r = e.getServiceReference();
            String name = (String) r.getProperty("name");
            Object s = ctx.getService(r);
            if (e.getType() == ServiceEvent.REGISTERED) {
                named.add(name, s, properties(r));
            } else if (e.getType() == ServiceEvent.UNREGISTERING) {
                named.remove(name, s, properties(r));
            }
            ctx.ungetService(r);
        }, "(objectClass=" + Supplier.class.getName() + ")");
        return named;
    }

    @Test
    void highestRankingThenFirstRegisteredWinsAndTheNextTakesOver(BundleContext ctx) throws Exception {
        NamedServices<Object> named = follow(ctx);
        Supplier<String> first = () -> "first";
        Supplier<String> second = () -> "second";
        Supplier<String> ranked = () -> "ranked";
        Supplier<String> other = () -> "other";
        ServiceRegistration<?> r1 = ctx.registerService(Supplier.class, first, dict("name", "x"));
        ctx.registerService(Supplier.class, second, dict("name", "x"));
        assertSame(first, named.get("x"), "equal ranking: the lowest service.id");
        assertEquals(ctx.getService(ctx.getServiceReferences(Supplier.class, "(name=x)").stream()
                .max(ServiceReference::compareTo).orElseThrow()), named.get("x"), "the framework's choice");
        ServiceRegistration<?> r3 = ctx.registerService(Supplier.class, ranked,
                dict("name", "x", Constants.SERVICE_RANKING, 3));
        ctx.registerService(Supplier.class, other, dict("name", "y"));
        assertSame(ranked, named.get("x"), "the highest ranking, registered last");
        assertEquals(List.of(ranked, first, second), named.all("x"));
        assertEquals(List.of(), named.all("none"));
        assertEquals(Set.of("x", "y"), named.names());
        assertEquals(List.of("x", "y"), new ArrayList<>(named.chosen().keySet()));

        r3.unregister();
        assertSame(first, named.get("x"));
        r1.unregister();
        assertSame(second, named.get("x"), "the other one of that name takes over");
        assertNull(named.get("z"));
        assertNull(named.get(null));
    }

    @Test
    void awaitReturnsTheServiceBoundWhileWaiting(BundleContext ctx) throws Exception {
        NamedServices<Object> named = follow(ctx);
        Supplier<String> late = () -> "late";
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return named.await("late", System.nanoTime() + 30 * SECOND);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        Thread.sleep(50);
        ctx.registerService(Supplier.class, late, dict("name", "late"));
        assertSame(late, got.get(10, TimeUnit.SECONDS));
    }

    @Test
    void awaitGivesUpAtTheDeadlineAndRequireSaysWhy() throws Exception {
        NamedServices<String> named = new NamedServices<>("backbone plugin");
        named.add("resnet18", "r18", null);
        long t0 = System.nanoTime();
        assertNull(named.await("vit", t0 + SECOND / 5));
        assertTrue(System.nanoTime() - t0 >= SECOND / 5);
        IOException e = assertThrows(IOException.class, () -> named.require("vit", System.nanoTime() + SECOND / 20));
        assertTrue(e.getMessage().startsWith("no backbone plugin 'vit' is installed (installed: [resnet18]; waited "),
                e.getMessage());
        assertEquals("r18", named.require("resnet18", 0));
    }

    @Test
    void closeWakesEveryWaiter() throws Exception {
        NamedServices<String> named = new NamedServices<>("head plugin");
        CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> {
            try {
                return named.require("mlp", System.nanoTime() + 60 * SECOND);
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(100);
        named.close("the model runner is stopping");
        Object r = got.get(10, TimeUnit.SECONDS);
        assertTrue(r instanceof IOException, "" + r);
        assertEquals("no head plugin 'mlp' is installed (installed: []; the model runner is stopping)",
                ((IOException) r).getMessage());
        assertNull(named.await("mlp", System.nanoTime() + 60 * SECOND), "closed: no more waiting");
    }

    @Test
    void concurrentBindsAndUnbindsLeaveTheRightChoice() throws Exception {
        NamedServices<String> named = new NamedServices<>("runner");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        long id = thread * 10_000L + i;
                        String s = "s" + id;
                        Map<String, Object> p = Map.of(Constants.SERVICE_ID, id, Constants.SERVICE_RANKING, i % 7);
                        named.add("n" + (i % 3), s, p);
                        if (i % 2 == 0) {
                            named.get("n0");
                            assertTrue(named.remove("n" + (i % 3), s, p));
                        }
                    }
                }));
            }
            for (Future<?> j : jobs) {
                j.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // kept: odd i; per name the highest ranking i % 7, then the lowest id (thread 0 first)
        for (int n = 0; n < 3; n++) {
            long best = -1;
            int bestRank = Integer.MIN_VALUE;
            for (int t = 0; t < 4; t++) {
                for (int i = 1; i < 500; i += 2) {
                    long id = t * 10_000L + i;
                    if (i % 3 == n && (i % 7 > bestRank || (i % 7 == bestRank && id < best))) {
                        best = id;
                        bestRank = i % 7;
                    }
                }
            }
            assertEquals("s" + best, named.get("n" + n));
        }
    }

    /** {@link TrackedServices}: the same services, followed from a bundle context. */
    @Test
    void trackedServicesFollowRegistrationsByPropertyAndWaitsForALateOne(BundleContext ctx) throws Exception {
        Supplier<String> early = () -> "early";
        ctx.registerService(Supplier.class, early, dict("name", "a"));
        @SuppressWarnings("rawtypes")
        TrackedServices<Supplier> tracked = TrackedServices.byProperty(ctx, Supplier.class, "probe", "name");
        assertSame(early, tracked.require("a"));
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return tracked.require("b");
            } catch (IOException e) {
                return e;
            }
        });
        Supplier<String> late = () -> "late";
        ServiceRegistration<?> reg = ctx.registerService(Supplier.class, late, dict("name", "b"));
        assertSame(late, waiting.get(10, TimeUnit.SECONDS));
        assertEquals(Set.of("a", "b"), tracked.services().names());
        reg.unregister();
        assertNull(tracked.services().get("b"));
        tracked.close();
    }

    @Test
    void closingTrackedServicesWakesAWaitingCallerWithAnErrorNamingTheService(BundleContext ctx) throws Exception {
        @SuppressWarnings("rawtypes")
        TrackedServices<Supplier> tracked = TrackedServices.byProperty(ctx, Supplier.class, "probe",
                "name");
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return tracked.require("missing");
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(100);
        tracked.close();
        Object result = waiting.get(10, TimeUnit.SECONDS);
        assertTrue(result instanceof IOException, String.valueOf(result));
        assertTrue(((IOException) result).getMessage().contains("probe 'missing'"), ((Exception) result).getMessage());
        assertThrows(IOException.class, () -> tracked.require("missing"));
    }
}
