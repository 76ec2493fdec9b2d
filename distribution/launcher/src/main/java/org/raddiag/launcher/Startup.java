package org.raddiag.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The framework on its way up, without blocking the caller: first to {@link #PLUGINS} (libraries, plugins,
 * commands); the native engine bundles ({@link #ENGINES}, the final level) start only when asked
 * ({@link #startEngines}). A one-shot command that needs no engine runs at the plugins level and the engines never
 * load their natives in that process; the shell and every other command start them.
 */
final class Startup {
    static final int PLUGINS = 2;
    static final int ENGINES = 3;
    private static final long TIMEOUT_S = 120;

    private final Framework framework;
    private final int finalLevel;
    private final CountDownLatch plugins = new CountDownLatch(1);
    private final CountDownLatch all = new CountDownLatch(1);
    private boolean enginesRequested;

    private Startup(Framework framework, int finalLevel) {
        this.framework = framework;
        this.finalLevel = finalLevel;
    }

    static Startup begin(Framework framework, int finalLevel) {
        Startup s = new Startup(framework, finalLevel);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(Math.min(PLUGINS, finalLevel),
                e -> s.plugins.countDown());
        return s;
    }

    Framework framework() {
        return framework;
    }

    /** Waits until every bundle but the engines is started (at most 2 minutes). */
    void awaitPlugins() throws InterruptedException {
        await(plugins);
    }

    /** Asks for the final start level (the engines) once; returns at once. */
    synchronized void startEngines() {
        if (enginesRequested) {
            return;
        }
        enginesRequested = true;
        framework.adapt(FrameworkStartLevel.class).setStartLevel(finalLevel, e -> {
            // how long the JVM took to get every bundle started; `status` reports it
            System.setProperty("raddiag.startup.ms",
                    Long.toString(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
            all.countDown();
        });
    }

    /** Starts the engines if not yet asked and waits until every bundle is started (at most 2 minutes). */
    void awaitAll() throws InterruptedException {
        startEngines();
        await(all);
    }

    /**
     * Waits for {@code latch} (at most 2 minutes), and no longer than the framework runs: a {@code stop 0} typed in
     * the shell while the engines are still starting ends the wait, so the runtime stops at once.
     */
    private void await(CountDownLatch latch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!latch.await(200, TimeUnit.MILLISECONDS)) {
            int state = framework.getState();
            if ((state & (Bundle.STARTING | Bundle.ACTIVE)) == 0 || System.nanoTime() > deadline) {
                return;
            }
        }
    }

    boolean allStarted() {
        return all.getCount() == 0;
    }
}
