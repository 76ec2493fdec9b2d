package org.raddiag.itests;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Install / start / use / uninstall / refresh cycles of one plugin bundle, and what they leave behind (the Sling
 * class loader leak detector's idea, in a test): a {@link WeakReference} to every cycle's bundle class loader, which
 * must be cleared once the bundle is uninstalled, refreshed and the heap collected; and the live heap (bytes of
 * reachable objects after a full GC, from the JVM's class histogram) after the warm-up cycles and after the last.
 *
 * @param jar           the plugin bundle, installed afresh from this file in every cycle
 * @param serviceFilter the service the plugin's component registers (the cycle waits for it from that bundle)
 */
record LeakCheck(BundleContext context, Path jar, String serviceFilter) {
    /**
     * Loaders still reachable after refresh and GC that do not count as a leak: a cycle's loader can be held for a
     * moment by work that finishes asynchronously (SCR's component actor, the model closer, a refresh event).
     */
    static final int IN_FLIGHT = 2;
    /**
     * Live heap growth per measured cycle that does not count as a leak. The framework itself keeps 12 to 19 KiB
     * per uninstalled bundle (measured; heap dump: Felix 7.0.5's ServiceRegistry.m_inUseMap keeps a zero use count
     * of ConfigurationAdmin keyed by each uninstalled bundle - it flushes zero counts of singleton services only when
     * the service goes away - and with it the bundle's archive: manifest headers and jar entry index, not its class
     * loader), so the allowance is twice that; a plugin that leaks its component or its data costs far more (the
     * leaking fixture: 1 MiB a cycle).
     */
    static final long BYTES_PER_CYCLE = 32 * 1024;
    private static final String TOTAL = "(total)";

    /** Uses the plugin's service once per cycle; must not keep it. */
    interface Use {
        void use(Object service) throws Exception;
    }

    /** What the cycles left behind. */
    record Result(String plugin, int cycles, int warmup, int loadersCollected, long heapAfterWarmup, long heapAfterAll,
            long rssAfterWarmup, long rssAfterAll, long millis, String topGrowth) {
        int loadersRetained() {
            return cycles - loadersCollected;
        }

        long heapGrowth() {
            return heapAfterAll - heapAfterWarmup;
        }

        long growthPerCycle() {
            return heapGrowth() / (cycles - warmup);
        }

        boolean loadersLeak() {
            return loadersRetained() > IN_FLIGHT;
        }

        boolean heapGrows() {
            return growthPerCycle() > BYTES_PER_CYCLE;
        }

        /** Either criterion: more than {@link #IN_FLIGHT} loaders retained, or heap growth over the allowance. */
        boolean leaks() {
            return loadersLeak() || heapGrows();
        }

        @Override
        public String toString() {
            return String.format("%s: %d cycles in %d ms, class loaders collected %d/%d (retained %d, allowed %d), "
                    + "live heap after %d warm-up cycles %.1f MiB, after all %.1f MiB, growth %+d KiB = %+d B/cycle "
                    + "(allowed %d B/cycle); process RSS %d -> %d MiB; classes that grew most: %s", plugin, cycles,
                    millis, loadersCollected, cycles, loadersRetained(), IN_FLIGHT, warmup, heapAfterWarmup / 1048576.0,
                    heapAfterAll / 1048576.0, heapGrowth() / 1024, growthPerCycle(), BYTES_PER_CYCLE,
                    rssAfterWarmup >> 20, rssAfterAll >> 20, topGrowth);
        }
    }

    /** {@code cycles} cycles; the live heap is measured after {@code warmup} of them and after the last. */
    Result run(int cycles, int warmup, Use use) throws Exception {
        long t0 = System.nanoTime();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        Map<String, Long> afterWarmup = Map.of();
        long rssAfterWarmup = -1;
        for (int i = 0; i < cycles; i++) {
            loaders.add(cycle(i, use));
            if (i == warmup - 1) {
                afterWarmup = liveHeap();
                rssAfterWarmup = rss();
            }
        }
        int collected = collect(loaders, 10_000);
        Map<String, Long> afterAll = liveHeap();
        return new Result(jar.getFileName().toString(), cycles, warmup, collected, afterWarmup.get(TOTAL),
                afterAll.get(TOTAL), rssAfterWarmup, rss(), (System.nanoTime() - t0) / 1_000_000,
                topGrowth(afterWarmup, afterAll, 8));
    }

    /** One cycle; keeps nothing of the bundle but a weak reference to its class loader. */
    private WeakReference<ClassLoader> cycle(int i, Use use) throws Exception {
        Bundle b;
        try (InputStream in = Files.newInputStream(jar)) {
            b = context.installBundle("leak-check:" + jar.getFileName() + "#" + i + "@" + System.nanoTime(), in);
        }
        b.start();
        String filter = "(&" + serviceFilter + "(service.bundleid=" + b.getBundleId() + "))";
        Await.until("service " + filter + " of cycle " + i, 30_000, () -> reference(filter) != null);
        WeakReference<ClassLoader> loader = new WeakReference<>(b.adapt(BundleWiring.class).getClassLoader());
        ServiceReference<?> ref = reference(filter);
        try {
            use.use(context.getService(ref));
        } finally {
            context.ungetService(ref);
        }
        b.uninstall();
        refresh(b);
        return loader;
    }

    private ServiceReference<?> reference(String filter) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
            return refs == null ? null : refs[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Refreshes the packages of {@code b} and waits for the framework to finish. */
    void refresh(Bundle b) throws InterruptedException {
        InFramework.refresh(context, b);
    }

    /** Collects until every reference is cleared or {@code timeoutMs} passes; the number cleared. */
    static int collect(List<? extends WeakReference<?>> refs, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        int cleared;
        do {
            System.gc();
            Thread.sleep(100);
            cleared = (int) refs.stream().filter(r -> r.get() == null).count();
        } while (cleared < refs.size() && System.currentTimeMillis() < deadline);
        return cleared;
    }

    /**
     * Bytes of reachable objects by class name, and their {@link #TOTAL}: the JVM's class histogram ({@code jcmd PID
     * GC.class_histogram}), which runs a full GC first and counts only live objects; of three histograms, after a few
     * {@link System#gc()}s, the one with the least total.
     */
    static Map<String, Long> liveHeap() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Map<String, Long> least = null;
        for (int i = 0; i < 3; i++) {
            Map<String, Long> h = histogram();
            if (least == null || h.get(TOTAL) < least.get(TOTAL)) {
                least = h;
            }
        }
        return least;
    }

    private static Map<String, Long> histogram() throws Exception {
        String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : h.split("\n")) {
            // "   1:    12345    678900  java.lang.String (java.base@17)" and "Total    123456   7890000"
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
            } else if (f.length == 3 && f[0].equals("Total")) {
                bytes.put(TOTAL, Long.parseLong(f[2]));
            }
        }
        if (!bytes.containsKey(TOTAL)) {
            throw new IllegalStateException("no Total in the class histogram: " + h.substring(0, Math.min(500, h.length())));
        }
        return bytes;
    }

    /** Resident set size of this process (native memory included), or -1 where /proc is not there. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static String topGrowth(Map<String, Long> before, Map<String, Long> after, int n) {
        return after.entrySet().stream().filter(e -> !e.getKey().equals(TOTAL))
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> e.getKey() + " " + (e.getValue() >= 0 ? "+" : "") + e.getValue() + " B")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
